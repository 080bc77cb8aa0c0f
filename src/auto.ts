// The script-tag entry: registers every element and turns on translations that follow
// `<html lang>`. A page that sets up @lit/localize itself imports `candor/all` instead.
import './all.js';
import { setupLocalization } from './localization.js';

setupLocalization();
