// Splits each locale module that `lit-localize build` writes (src/locales/<code>.ts, every
// message of every element) into one chunk per group of elements that show the words,
// src/locales/<code>/<group>.ts, plus the typed loader table src/locales/chunks.ts. An
// element loads only the chunks of its groups (its `static localeGroups`), so a page with
// only the banner downloads the banner's words, not the "why" panel's (issue 7: one locale
// chunk ≤ 2 kB gzip).
//
// Which messages a group holds comes from @lit/localize-tools' own program analysis (the
// msg() calls it extracts, with the source file of each), mapped to a group by GROUPS below.
//
//   node scripts/locale-chunks.mjs          write the chunks (run by `npm run localize:build`)
//   import { localeChunkFiles } from …      what the chunks should be (scripts/check-locales.mjs)
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { extractMessagesFromProgram } from '@lit/localize-tools/lib/program-analysis.js';

const root = fileURLToPath(new URL('../', import.meta.url));

/**
 * Groups of words, each the source files whose msg() calls it holds. Chosen by measuring
 * (gzip per chunk, and what the common pages download):
 *   - consent: the banner's words, the consent choices and sentences it shares with the
 *     privacy center (consent-text.ts), the purpose presets and the gated-embed
 *     placeholders — all a banner-only page needs (groupOf takes the first group that
 *     names a file, so consent-text.ts is here, not under src/preferences/);
 *   - preferences: the privacy center's own words (consent history, legal bases, GPC,
 *     interests); a page with banner + privacy center loads consent + preferences;
 *   - why, feedback: the item-page elements, one chunk each (the two share no message).
 * A message used in files of two groups goes into both chunks: a page with one element then
 * loads one chunk, at the cost of a few duplicated strings.
 */
export const GROUPS = {
  consent: ['src/banner/', 'src/internal/consent-choices.ts', 'src/preferences/consent-text.ts', 'src/core/presets.ts', 'src/gating/'],
  preferences: ['src/preferences/'],
  why: ['src/why/'],
  feedback: ['src/feedback/'],
};

const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
const localesDir = config.output.outputDir.replace(/^\.\//, '').replace(/\/$/, '');

/** The group of a source file, or undefined when GROUPS does not place it. */
function groupOf(file) {
  return Object.keys(GROUPS).find((group) => GROUPS[group].some((prefix) => (prefix.endsWith('/') ? file.startsWith(prefix) : file === prefix)));
}

/** Message id → the groups whose source files use it, from lit-localize's program analysis. */
export function messageGroups() {
  // lit-localize.json's inputFiles globs, matched by TypeScript (lit-localize uses fast-glob).
  const files = ts.sys.readDirectory(root, ['.ts'], ['node_modules'], config.inputFiles);
  // The compiler options lit-localize itself uses when lit-localize.json names inputFiles.
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    experimentalDecorators: true,
    lib: ['esnext', 'dom'],
    allowJs: true,
  });
  const checker = program.getTypeChecker();
  const groups = new Map();
  const unplaced = [];
  const elementFiles = [];
  const filesWithWords = new Set();
  for (const sourceFile of program.getSourceFiles()) {
    const file = relative(root, sourceFile.fileName);
    if (file.startsWith('node_modules/') || file.startsWith(`${localesDir}/`)) continue;
    // One file at a time, so each message keeps every file it is used in (the analysis
    // of the whole program merges duplicates).
    const { messages, errors } = extractMessagesFromProgram({ getSourceFiles: () => [sourceFile], getTypeChecker: () => checker });
    if (errors.length) throw new Error(`lit-localize could not read the msg() calls in ${file}`);
    elementFiles.push(sourceFile);
    if (messages.length === 0) continue;
    filesWithWords.add(file);
    const group = groupOf(file);
    if (!group) {
      unplaced.push(`${file} (${messages.length} messages)`);
      continue;
    }
    for (const { name } of messages) groups.set(name, new Set([...(groups.get(name) ?? []), group]));
  }
  if (unplaced.length) throw new Error(`GROUPS in scripts/locale-chunks.mjs places no group for ${unplaced.join(', ')}`);
  for (const sourceFile of elementFiles) checkDeclaration(sourceFile, relative(root, sourceFile.fileName), filesWithWords);
  return groups;
}

/**
 * An element class (one that extends CandorElement) must declare the groups it shows, among
 * them the group of its own file's words: `static override localeGroups = [consentWords]`.
 * Words it shows from other files (presets, shared parts) are checked by the network test
 * in test/elements/localization.test.ts.
 */
function checkDeclaration(sourceFile, file, filesWithWords) {
  const text = sourceFile.text;
  if (!/\bclass\s+\w+\s+extends\s+CandorElement\b/.test(text)) return;
  const declared = /static override localeGroups = \[([^\]]*)\]/.exec(text);
  if (!declared) throw new Error(`${file} defines an element without \`static override localeGroups = [...]\`: it would load no words`);
  // The element's own words and those of the modules it renders from (consent-text.ts for
  // the banner): each file's group must be declared, or those words show in English.
  const rendered = [file, ...relativeImports(sourceFile, file)].filter((path) => filesWithWords.has(path));
  for (const path of rendered) {
    const group = groupOf(path);
    if (group && !declared[1].includes(groupExport(group))) {
      throw new Error(`${file}: localeGroups lacks ${groupExport(group)}, the group of the words in ${path}`);
    }
  }
}

/**
 * The project files `sourceFile` imports directly (`./x.js` → `x.ts`), leaving out the
 * core: its only words are the purpose presets, which reach an element through the policy
 * and live in the consent group every consent element declares.
 */
function relativeImports(sourceFile, file) {
  return ts
    .preProcessFile(sourceFile.text)
    .importedFiles.map(({ fileName }) => fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => relative(root, resolve(root, dirname(file), name)).replace(/\.js$/, '.ts'))
    .filter((path) => !path.startsWith('src/core/'));
}

/**
 * Every file the chunks consist of, path (relative to the project) → contents, made from
 * the locale modules in `fromDir` (default: src/locales).
 */
export function localeChunkFiles(fromDir = join(root, localesDir)) {
  const groups = messageGroups();
  const files = new Map();
  for (const locale of config.targetLocales) {
    const source = join(fromDir, `${locale}.ts`);
    if (!existsSync(source)) throw new Error(`${relative(root, source)} is missing: run npx lit-localize build`);
    const entries = templateEntries(readFileSync(source, 'utf8'), source);
    for (const group of Object.keys(GROUPS)) {
      const own = entries.filter((entry) => groups.get(entry.id)?.has(group));
      files.set(`${localesDir}/${locale}/${group}.ts`, chunkModule(locale, group, own));
    }
    const lost = entries.filter((entry) => !groups.has(entry.id)).map((entry) => entry.id);
    if (lost.length) throw new Error(`${relative(root, source)} has messages no source file uses (${lost.join(', ')}): run npx lit-localize build`);
  }
  files.set(`${localesDir}/chunks.ts`, loaderTable());
  return files;
}

/** The `templates` entries of a lit-localize runtime module: id, source text, whether it uses `str`. */
function templateEntries(text, path) {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.ESNext, true, ts.ScriptKind.TS);
  let literal;
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && node.name.getText(file) === 'templates' && node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
      literal = node.initializer;
    } else ts.forEachChild(node, visit);
  };
  visit(file);
  if (!literal) throw new Error(`${relative(root, path)} has no \`templates\` object`);
  return literal.properties.map((property) => {
    if (!ts.isPropertyAssignment(property)) throw new Error(`${relative(root, path)}: unexpected ${property.getText(file)}`);
    const id = ts.isStringLiteral(property.name) || ts.isIdentifier(property.name) ? property.name.text : property.name.getText(file);
    return { id, text: `${property.name.getText(file)}: ${valueCode(property.initializer, file, path)}` };
  });
}

/**
 * A message as plain data. lit-localize writes str`Treść z ${0}`; the str tag only makes
 * `{ strTag, strings, values }`, so the chunk holds that object and imports nothing: a chunk
 * beside dist/candor.js then never names candor.js (whose URL a page may version or rename).
 */
function valueCode(initializer, file, path) {
  if (!ts.isTaggedTemplateExpression(initializer)) return initializer.getText(file);
  const template = initializer.template;
  if (initializer.tag.getText(file) !== 'str' || !ts.isTemplateExpression(template)) {
    throw new Error(`${relative(root, path)}: unexpected template ${initializer.getText(file)}`);
  }
  const strings = [template.head.text, ...template.templateSpans.map((span) => span.literal.text)];
  const values = template.templateSpans.map((span) => Number(span.expression.getText(file)));
  return `{ strTag: true, strings: ${JSON.stringify(strings)}, values: ${JSON.stringify(values)} }`;
}

function chunkModule(locale, group, entries) {
  const header = [
    `// Generated by scripts/locale-chunks.mjs from ${localesDir}/${locale}.ts: do not edit.`,
    `// Re-generate with npm run localize:build. The "${group}" words: ${GROUPS[group].join(', ')}.`,
  ];
  const body = entries.map((entry) => `  ${entry.text},`);
  // A type-only import (erased in the build); `strings` are plain arrays where the str tag
  // would give a TemplateStringsArray, which the runtime only reads as an array.
  return [
    ...header,
    "import type { TemplateMap } from '@lit/localize';",
    '',
    'export const templates = {',
    ...body,
    '} as unknown as TemplateMap;',
    '',
  ].join('\n');
}

/** The name of a group's export in chunks.ts: `consent` → `consentWords`. */
export function groupExport(group) {
  return `${group.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase())}Words`;
}

function loaderTable() {
  const groups = Object.entries(GROUPS).flatMap(([group, files]) => [
    '',
    `/** The "${group}" words (${files.join(', ')}), one lazy chunk per locale. */`,
    `export const ${groupExport(group)}: LocaleGroup = {`,
    `  name: '${group}',`,
    '  chunks: {',
    ...config.targetLocales.map((locale) => `    ${locale}: () => import('./${locale}/${group}.js'),`),
    '  },',
    '};',
  ]);
  return [
    '// Generated by scripts/locale-chunks.mjs: do not edit. Re-generate with npm run localize:build.',
    "import type { LocaleModule } from '@lit/localize';",
    "import type { targetLocales } from './locale-codes.js';",
    '',
    '/**',
    ' * A group of words, as an element declares it needs them: its name and a loader per',
    ' * shipped locale. Each group is its own export, so a bundle holds the loaders (and the',
    ' * chunk file names) of the groups its elements declare, not those of every group.',
    ' */',
    'export interface LocaleGroup {',
    '  readonly name: string;',
    '  readonly chunks: Readonly<Record<(typeof targetLocales)[number], () => Promise<LocaleModule>>>;',
    '}',
    ...groups,
    '',
    '/** Every group: what loadLocale(code) loads. */',
    `export const localeGroups: readonly LocaleGroup[] = [${Object.keys(GROUPS).map(groupExport).join(', ')}];`,
    '',
  ].join('\n');
}

/** Chunk files on disk that the generator would not write (a dropped group or locale). */
export function staleChunkFiles(expected) {
  const dir = join(root, localesDir);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => readdirSync(join(dir, entry.name)).map((file) => `${localesDir}/${entry.name}/${file}`))
    .filter((path) => !expected.has(path));
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  try {
    const files = localeChunkFiles();
    for (const stale of staleChunkFiles(files)) rmSync(join(root, stale));
    for (const [path, contents] of files) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), contents);
    }
    console.log(`locale-chunks: ${files.size - 1} chunks (${config.targetLocales.length} locales × ${Object.keys(GROUPS).join(', ')}) and ${localesDir}/chunks.ts written.`);
  } catch (error) {
    console.error(`locale-chunks: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
