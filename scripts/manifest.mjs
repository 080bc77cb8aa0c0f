// The Custom Elements Manifest, made in one place for everything that reads it: `npm run build`
// writes it to dist/custom-elements.json (editors, framework typings); Storybook serves it
// to its docs pages and controls (.storybook/main.ts). Both go through `analyzeElements()`.
//
// The analyzer (0.11, `--litelement`) reads each element's JSDoc. On top of that:
// - the theme tokens (`@cssprop` on `themeStyles` in src/internal/theme.styles.ts) are added
//   to every element, with their default in each built-in theme read from the CSS itself;
// - an event the analyzer found in a `dispatchEvent(new SomeEvent())` call is merged into
//   the `@fires` entry that names it;
// - a default that names an exported constant (`timeout = DEFAULT_TIMEOUT_MS`) shows its value;
// - a type that names a union of strings (`variant: FeedbackVariant`) shows the strings
//   (`'inline' | 'compact'`), so docs and editors list the values and Storybook offers them;
// - `manifestProblems()` lists what the docs lack: an undocumented `--candor-*` token or
//   part, an element without a summary, an event without a name, type or description.
//
//   node scripts/manifest.mjs [out-dir]   writes <out-dir>/custom-elements.json (default dist)
//                                         and fails on any problem
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create, ts } from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const SOURCES = 'src';
const EXCLUDED = 'src/locales';
const THEME_MODULE = 'src/internal/theme.styles.ts';

/** Built-in themes, by the name of their block in theme.styles.ts. */
const THEME_BLOCKS = { light: 'light', dark: 'dark', 'high-contrast': 'highContrast' };

/**
 * The manifest of every element in src/, with the additions described above. The analyzer's
 * own `create()` with its Lit plugin, as `cem analyze --litelement` runs it, but without its
 * CLI, which would also rewrite package.json's `customElements` field.
 */
export async function analyzeElements() {
  const sources = sourceFiles().map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));
  const modules = sources.map(({ file, text }) => ts.createSourceFile(file, text, ts.ScriptTarget.ES2015, true));
  const manifest = create({ modules, plugins: [...litPlugin()], context: { dev: false } });
  const elements = customElements(manifest);
  mergeDispatchedEvents(elements);
  resolveConstantDefaults(manifest, elements);
  expandStringUnions(elements, stringUnions(sources.map(({ text }) => text)));
  addThemeTokens(elements, themeTokens(sources.find(({ file }) => file === THEME_MODULE)?.text ?? ''));
  return manifest;
}

/** Writes `custom-elements.json` into `outDir` (relative to the project); returns the manifest. */
export async function writeManifest(outDir) {
  const manifest = await analyzeElements();
  mkdirSync(join(root, outDir), { recursive: true });
  writeFileSync(join(root, outDir, 'custom-elements.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Every declaration with a tag name. */
export function customElements(manifest) {
  return manifest.modules.flatMap((module) => (module.declarations ?? []).filter((declaration) => declaration.tagName));
}

/**
 * What the docs lack, one line each (empty when complete). Compares the manifest with the
 * sources: every `--candor-*` token read in a stylesheet and every `part="…"` in a template
 * must be documented on some element, and everything documented must exist.
 */
export function manifestProblems(manifest) {
  const problems = [];
  const elements = customElements(manifest);
  const sources = sourceFiles().map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));

  for (const element of elements) {
    const where = `<${element.tagName}>`;
    if (!element.summary) problems.push(`${where} has no @summary`);
    if (!element.description) problems.push(`${where} has no description`);
    for (const event of element.events ?? []) {
      if (!event.name) problems.push(`${where} dispatches ${event.type?.text ?? 'an event'} with no @fires naming it`);
      else if (!event.type?.text) problems.push(`${where} @fires ${event.name} has no {EventClass} type`);
      else if (!event.description?.includes('detail')) problems.push(`${where} @fires ${event.name} does not say what its \`detail\` holds`);
    }
    for (const member of publicFields(element)) {
      if (!member.description) problems.push(`${where} property ${member.name} has no description`);
      if (!member.type?.text) problems.push(`${where} property ${member.name} has no type`);
    }
  }

  const documentedTokens = new Set(elements.flatMap((element) => (element.cssProperties ?? []).map((property) => property.name)));
  const usedTokens = new Set(sources.flatMap(({ text }) => [...text.matchAll(/var\(\s*(--candor-[a-z0-9-]+)/g)].map((match) => match[1])));
  for (const token of usedTokens) if (!documentedTokens.has(token)) problems.push(`${token} is read by a stylesheet but documented on no element (@cssprop)`);
  for (const token of documentedTokens) if (!usedTokens.has(token)) problems.push(`${token} is documented (@cssprop) but no stylesheet reads it`);

  const documentedParts = new Set(elements.flatMap((element) => (element.cssParts ?? []).map((part) => part.name)));
  const renderedParts = new Set(
    sources.flatMap(({ text }) => [...text.matchAll(/\bpart="([a-z0-9 -]+)"/g)].flatMap((match) => match[1].split(/\s+/))),
  );
  for (const part of renderedParts) if (!documentedParts.has(part)) problems.push(`part "${part}" is rendered but documented on no element (@csspart)`);
  for (const part of documentedParts) {
    const rendered = renderedParts.has(part) || sources.some(({ text }) => new RegExp(`['"\`]${part}['"\`]`).test(text));
    if (!rendered) problems.push(`part "${part}" is documented (@csspart) but nothing renders it`);
  }
  return problems;
}

/** Public instance fields: what a host sets. */
export function publicFields(element) {
  return (element.members ?? []).filter(
    (member) => member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public' && !member.name.startsWith('#'),
  );
}

function sourceFiles(dir = SOURCES) {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (path === EXCLUDED) return [];
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The analyzer lists `this.dispatchEvent(new CandorXEvent(…))` as a nameless event of type
 * `CandorXEvent`; the class JSDoc names it with `@fires {CandorXEvent} candor-x`. One entry.
 */
function mergeDispatchedEvents(elements) {
  for (const element of elements) {
    const events = element.events ?? [];
    element.events = events.filter(
      (event) => event.name || !events.some((named) => named.name && named.type?.text === event.type?.text),
    );
  }
}

/** `DEFAULT_TIMEOUT_MS` → `8000` (and its type), for defaults that name an exported constant. */
function resolveConstantDefaults(manifest, elements) {
  const constants = new Map(
    manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .filter((declaration) => declaration.kind === 'variable' && /^[A-Z][A-Z0-9_]*$/.test(declaration.name) && declaration.default)
      .map((declaration) => [declaration.name, declaration]),
  );
  for (const element of elements) {
    for (const item of [...(element.members ?? []), ...(element.attributes ?? [])]) {
      const constant = constants.get(item.default);
      if (!constant) continue;
      item.default = constant.default;
      item.type ??= constant.type;
    }
  }
}

/**
 * Type aliases that are unions of string literals, by name: `type A = 'x' | 'y'` and
 * `type A = (typeof LIST)[number]` with `const LIST = ['x', 'y'] as const`.
 */
function stringUnions(sources) {
  const unions = new Map();
  const text = sources.join('\n');
  const lists = new Map(
    [...text.matchAll(/const ([A-Z][A-Z0-9_]*) = \[([^\]]*)\] as const/g)].map(([, name, items]) => [name, items.split(',').map((item) => item.trim()).filter(Boolean)]),
  );
  for (const [, name, body] of text.matchAll(/type ([A-Z]\w*) = ([^;]+);/g)) {
    const literals = body.split('|').map((part) => part.trim()).filter(Boolean);
    if (literals.every((literal) => /^'[^']*'$/.test(literal))) unions.set(name, literals);
    const list = /^\(typeof ([A-Z][A-Z0-9_]*)\)\[number\]$/.exec(body.trim());
    if (list && lists.get(list[1])?.every((literal) => /^'[^']*'$/.test(literal))) unions.set(name, lists.get(list[1]));
  }
  return unions;
}

function expandStringUnions(elements, unions) {
  for (const element of elements) {
    for (const item of [...(element.members ?? []), ...(element.attributes ?? [])]) {
      if (!item.type?.text) continue;
      item.type.text = item.type.text
        .split('|')
        .flatMap((part) => unions.get(part.trim()) ?? [part.trim()])
        .join(' | ');
    }
  }
}

/**
 * The theme tokens from theme.styles.ts: name and description from the `@cssprop` lines,
 * and from the CSS the default in each theme (`--_candor-x: var(--candor-x, <default>)`).
 */
export function themeTokens(source) {
  const docs = [...source.matchAll(/^\s*\*\s*@cssprop\s+(--candor-[a-z0-9-]+)\s+-\s+(.+)$/gm)].map(([, name, description]) => ({ name, description }));
  const blocks = Object.fromEntries([...source.matchAll(/const (\w+) = css`([^`]*)`/g)].map(([, name, body]) => [name, defaultsIn(body)]));
  const host = defaultsIn(/export const themeStyles = css`([^]*?)\n\s*:host\(/.exec(source)?.[1] ?? '');
  return docs.map(({ name, description }) => {
    const perTheme = Object.fromEntries(
      Object.entries(THEME_BLOCKS).map(([theme, block]) => [theme, blocks[block]?.get(name) ?? host.get(name)]),
    );
    const values = Object.values(perTheme);
    if (values.some((value) => value === undefined)) throw new Error(`${THEME_MODULE}: ${name} is documented but has no default in every theme`);
    const same = values.every((value) => value === values[0]);
    const themed = same ? '' : ` Default per theme: ${Object.entries(perTheme).map(([theme, value]) => `${theme} \`${value}\``).join(', ')}.`;
    return {
      name,
      description: `${description}${themed}`,
      default: perTheme.light,
      ...(name.startsWith('--candor-color-') ? { syntax: '<color>' } : {}),
    };
  });
}

/** `--_candor-x: var(--candor-y, <default>);` → Map { --candor-y → <default> }, nested parentheses kept. */
function defaultsIn(css) {
  const defaults = new Map();
  for (const match of css.matchAll(/--_candor-[a-z0-9-]+:\s*var\(\s*(--candor-[a-z0-9-]+)\s*,/g)) {
    let depth = 1;
    let end = match.index + match[0].length;
    while (end < css.length && depth > 0) {
      if (css[end] === '(') depth += 1;
      else if (css[end] === ')') depth -= 1;
      end += 1;
    }
    defaults.set(match[1], css.slice(match.index + match[0].length, end - 1).trim());
  }
  return defaults;
}

/** Every element shows the theme tokens; an element's own `@cssprop` of the same name wins. */
function addThemeTokens(elements, tokens) {
  for (const element of elements) {
    const own = element.cssProperties ?? [];
    element.cssProperties = [...own, ...tokens.filter((token) => !own.some((property) => property.name === token.name))];
  }
}

// `node scripts/manifest.mjs [out-dir]`
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outDir = process.argv[2] ?? 'dist';
  const manifest = await writeManifest(outDir);
  const problems = manifestProblems(manifest);
  for (const problem of problems) console.error(`manifest: ${problem}`);
  console.log(`manifest: ${relative(root, join(root, outDir, 'custom-elements.json'))} (${customElements(manifest).length} elements)`);
  process.exitCode = problems.length ? 1 : 0;
}
