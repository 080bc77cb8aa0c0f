// Registers every Candor element: one import per module in src/define/
// (scripts/build.mjs fails when one is missing here).
import './define/candor-banner.js';
import './define/candor-preferences.js';
import './define/candor-why.js';
import './define/candor-feedback.js';
