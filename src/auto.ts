// The script-tag entry (dist/candor.js): registers every element. Each element follows the
// `lang` around it and loads its language by itself, so there is nothing to set up.
import './all.js';
