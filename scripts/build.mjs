// `npm run build`: the ESM library (Lit external) and the self-contained dist/candor.js,
// both from vite.config.ts, then the type declarations from tsc, custom-elements.json and the
// framework typings (dist/frameworks/, from types/). Checks on the way that src/all.ts
// registers every element, that candor.js contains each one, and that every file the
// package.json `exports` map names was built.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { elementsDeclaration } from '../types/generate-elements.mjs';
import { manifestProblems, writeManifest } from './manifest.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
process.chdir(root);
const started = performance.now();

// Every registration module must be in src/all.ts, or the script-tag bundle lacks its element.
const defines = readdirSync('src/define').filter((file) => file.endsWith('.ts')).map((file) => file.slice(0, -3));
const all = readFileSync('src/all.ts', 'utf8');
const unlisted = defines.filter((name) => !all.includes(`'./define/${name}.js'`));
if (unlisted.length) fail(`src/all.ts does not import ${unlisted.map((name) => `./define/${name}.js`).join(', ')}`);

await build({ mode: 'production', logLevel: 'warn' });
await build({ mode: 'standalone', logLevel: 'warn' });

// package.json `sideEffects` must name src/define/* too, or the bundler drops the elements.
const standalone = readFileSync('dist/candor.js', 'utf8');
const dropped = defines.filter((name) => !['"', "'", '`'].some((quote) => standalone.includes(`${quote}${name}${quote}`)));
if (dropped.length) fail(`dist/candor.js lacks ${dropped.join(', ')} (check "sideEffects" in package.json)`);

// Locale chunks beside candor.js must not import it back: a page may load candor.js under
// another name or with ?v=…, and a chunk naming "../candor.js" would load a second copy.
const importingChunks = readdirSync('dist/candor')
  .filter((file) => file.endsWith('.js'))
  .filter((file) => /\bimport\b|\bfrom\s*["'`]/.test(readFileSync(`dist/candor/${file}`, 'utf8')));
if (importingChunks.length) fail(`locale chunks import other modules: ${importingChunks.slice(0, 5).join(', ')}`);

// Translator notes stay in the source (scripts/strip-msg-desc.mjs): none may ship.
const withNotes = readdirSync('dist', { recursive: true })
  .filter((file) => String(file).endsWith('.js'))
  .filter((file) => /\bdesc:\s*["'`]/.test(readFileSync(`dist/${file}`, 'utf8')));
if (withNotes.length) fail(`translator notes (msg desc) reached ${withNotes.slice(0, 5).join(', ')}`);

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const types = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (types.status !== 0) fail('type declarations failed (tsc -p tsconfig.build.json)');

// Custom Elements Manifest (tags, attributes, properties, events, parts, CSS properties from
// each element's JSDoc) for editors and framework typings; the same analysis Storybook's docs
// read (scripts/manifest.mjs). Incomplete docs fail the build.
const manifest = await writeManifest('dist').catch((error) => fail(`custom-elements.json could not be generated: ${error.message}`));
const docProblems = manifestProblems(manifest);
if (docProblems.length) fail(`custom-elements.json is incomplete:\n  ${docProblems.join('\n  ')}`);
const described = new Set(manifest.modules.flatMap((module) => (module.declarations ?? []).map((declaration) => declaration.tagName)));
const undescribed = defines.filter((name) => !described.has(name));
if (undescribed.length) fail(`custom-elements.json lacks ${undescribed.join(', ')} (a class needs @tagname in its JSDoc)`);

// Template typings (candor/react, candor/vue, candor/svelte): the adapters written by hand in
// types/, and the map of elements they read, generated from the manifest just checked.
mkdirSync('dist/frameworks', { recursive: true });
writeFileSync('dist/frameworks/elements.d.ts', elementsDeclaration(manifest));
for (const file of readdirSync('types').filter((name) => name.endsWith('.d.ts'))) {
  copyFileSync(`types/${file}`, `dist/frameworks/${file}`);
}

const missing = exportedFiles().filter((file) => !existsSync(file));
if (missing.length) fail(`package.json "exports" names files that were not built:\n  ${missing.join('\n  ')}`);

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`build: dist/ written in ${seconds} s (library, candor.js, type declarations, custom-elements.json).`);

/** Every concrete file the exports map points at (`*` patterns follow src/ by construction). */
function exportedFiles() {
  const { exports } = JSON.parse(readFileSync('package.json', 'utf8'));
  return Object.values(exports)
    .flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))
    .filter((target) => !target.includes('*'));
}

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}
