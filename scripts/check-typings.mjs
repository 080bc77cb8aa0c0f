// Template typings (issue 6), a check step of `npm test`, after the build: type-checks what
// ships in dist/frameworks/ the way sites use it. The fixtures in test/typings/ import
// `candor/react`, `candor/vue`, `candor/svelte` by the package's own name, so they resolve
// through package.json "exports" to dist/.
//
//   node scripts/check-typings.mjs    exit 1 when a check fails
//   CANDOR_TOTALS_FILE=path           also writes {"typings": {passed, failed, skipped}} there
//
// The fixtures use every element and event, and their `@ts-expect-error` /
// `@vue-expect-error` lines are mistakes the typings must refuse: a directive with no error
// under it is itself an error, so typings that decay into `any` fail here.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

process.chdir(fileURLToPath(new URL('../', import.meta.url)));
const require = createRequire(import.meta.url);
const TSC = require.resolve('typescript/bin/tsc');
const VUE_TSC = require.resolve('vue-tsc/bin/vue-tsc.js');
const FRAMEWORKS_DIR = 'dist/frameworks';
const MANIFEST = 'dist/custom-elements.json';
const FIXTURES = {
  react: 'test/typings/react/shop.tsx',
  vue: 'test/typings/vue/Shop.vue',
  svelte: 'test/typings/svelte/usage.ts',
  'svelte component': 'test/typings/svelte/Shop.svelte',
};

const totals = { passed: 0, failed: 0, skipped: 0 };

const built = ['react', 'vue', 'svelte', 'shared', 'elements'].map((name) => `${FRAMEWORKS_DIR}/${name}.d.ts`);
const unbuilt = [MANIFEST, ...built].filter((file) => !existsSync(file));
if (unbuilt.length) {
  report('built typings present', [`missing ${unbuilt.join(', ')}: run \`npm run build\` first`]);
  finish();
}

const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.tagName)
  .map(({ tagName, events = [] }) => ({ tag: tagName, events: [...new Set(events.map((event) => event.name).filter(Boolean))] }));

// The shipped declarations on their own, library check on: a name in the generated map
// that the element class lacks is an error here, not a silent `any` in a site's editor.
report('dist/frameworks/*.d.ts compile with skipLibCheck off', typeErrors(TSC, 'test/typings/tsconfig.declarations.json'));

// One tsc run for the React and Svelte fixtures; its errors are told apart by file.
const jsxErrors = typeErrors(TSC, 'test/typings/tsconfig.json');
report('React 19 JSX: every element and event (test/typings/react)', jsxErrors.filter((line) => line.includes('/react/')));
report('Svelte 5 SvelteHTMLElements (test/typings/svelte)', jsxErrors.filter((line) => line.includes('/svelte/')));
report('React/Svelte run itself', jsxErrors.filter((line) => !line.includes('/react/') && !line.includes('/svelte/')), { onlyOnFailure: true });
report('Vue GlobalComponents: vue-tsc --noEmit (test/typings/vue)', typeErrors(VUE_TSC, 'test/typings/tsconfig.vue.json'));
svelteCheck();

// The fixtures keep up with the elements: a new element or event must be used in each.
const listener = {
  react: (event) => `on${event}=`,
  vue: (event) => `@${event}=`,
  svelte: (event) => `'on${event}':`,
  'svelte component': (event) => `on${event}=`,
};
for (const [framework, file] of Object.entries(FIXTURES)) {
  const blocks = usageBlocks(framework, readFileSync(file, 'utf8'));
  const problems = elements.flatMap(({ tag, events }) => {
    const used = blocks.filter((block) => block.tag === tag).map((block) => block.text).join('\n');
    if (!used) return [`${file} never uses <${tag}>`];
    return events.filter((event) => !used.includes(listener[framework](event))).map((event) => `${file}: <${tag}> has no ${listener[framework](event)} listener`);
  });
  report(`${framework} fixture uses every element and event in custom-elements.json`, problems);
}

finish();

/** Error lines of `tsc`/`vue-tsc --noEmit -p config` (pretty output off, one line per error). */
function typeErrors(bin, config) {
  const result = spawnSync(process.execPath, [bin, '--noEmit', '--pretty', 'false', '-p', config], { encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`.trim();
  const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
  if (result.status !== 0 && errors.length === 0) return [`${config}: exit ${result.status}${output ? `\n${output}` : ''}`];
  return errors;
}

/**
 * Each element usage in a fixture with its text: JSX/template tags `<candor-x … />` (React,
 * Vue), `<candor-x …></candor-x>` (Svelte markup) or `Attributes<'candor-x'> = { … }` objects.
 */
function usageBlocks(framework, source) {
  const pattern = {
    svelte: /Attributes<'(candor-[a-z-]+)'> = \{([\s\S]*?)\n\};/g,
    'svelte component': /<(candor-[a-z-]+)\b([\s\S]*?)><\/candor-/g,
  }[framework] ?? /<(candor-[a-z-]+)\b([\s\S]*?)\/>/g;
  return [...source.matchAll(pattern)].map(([, tag, text]) => ({ tag, text }));
}

/**
 * svelte-check over test/typings/svelte/Shop.svelte. Svelte markup has no @ts-expect-error,
 * so each line after an `<!-- expect-error: … -->` comment must get an error, and no other
 * line may. Skipped, saying so, where svelte-check is not installed.
 */
function svelteCheck() {
  const name = 'Svelte 5 component: svelte-check (test/typings/svelte/Shop.svelte)';
  let bin;
  try {
    bin = require.resolve('svelte-check/bin/svelte-check');
  } catch {
    totals.skipped += 1;
    console.log(`  - ${name} skipped: svelte-check is not installed (the TypeScript usage above covers the same typings)`);
    return;
  }
  const file = FIXTURES['svelte component'];
  const workspace = fileURLToPath(new URL('../test/typings/', import.meta.url));
  const result = spawnSync(
    process.execPath,
    [bin, '--workspace', workspace, '--tsconfig', `${workspace}tsconfig.svelte.json`, '--output', 'machine'],
    { encoding: 'utf8' },
  );
  const errors = `${result.stdout}${result.stderr}`
    .split('\n')
    .map((line) => line.match(/^\d+ ERROR "([^"]+)" (\d+):\d+ (.*)$/))
    .filter(Boolean)
    .map(([, path, line, message]) => ({ path, line: Number(line), message }));
  const expected = new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((text, index) => (text.includes('<!-- expect-error') ? [index + 2] : [])),
  );
  const problems = [
    ...errors.filter((error) => !expected.has(error.line) || !file.endsWith(error.path)).map((error) => `${error.path}:${error.line}: ${error.message}`),
    ...[...expected].filter((line) => !errors.some((error) => error.line === line)).map((line) => `${file}:${line}: expected an error, got none`),
  ];
  if (result.status !== 0 && errors.length === 0) problems.push(`svelte-check exit ${result.status}: ${result.stderr.trim()}`);
  report(name, problems);
}

function report(name, problems, { onlyOnFailure = false } = {}) {
  if (problems.length === 0) {
    if (onlyOnFailure) return;
    totals.passed += 1;
    console.log(`  ✓ ${name}`);
    return;
  }
  totals.failed += 1;
  console.log(`  ✗ ${name}`);
  for (const problem of problems) console.log(`      ${problem}`);
}

function finish() {
  const file = process.env.CANDOR_TOTALS_FILE;
  if (file) writeFileSync(file, JSON.stringify({ typings: totals }));
  console.log(`typings: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  process.exit(totals.failed > 0 ? 1 : 0);
}
