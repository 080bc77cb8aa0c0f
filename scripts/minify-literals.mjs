// Shrinks the static text of Lit `css` and `html` templates in Candor's sources. esbuild and
// rolldown minify code but keep template text byte for byte, so every indent, line break and
// comment inside `css\`…\`` and `html\`…\`` ships to visitors (measured 2026-11-28, gzip:
// 0.54 kB of banner + core + Lit, 1.2 kB of all four elements).
//
// Conservative on purpose: only changes that cannot alter what renders.
// - css: comments go; whitespace runs become one space, or none next to `{ } ; ,`, at the
//   template's ends, and after `:` inside a block or parentheses (declarations, media
//   features). Never before `:` (`.a :hover` is not `.a:hover`), never around `+`/`-`
//   (calc), never inside quoted strings, never a space that ends a CSS escape (`\31 `).
// - html: whitespace runs that contain a line break become one space (the same rendering in
//   normal flow; Candor's CSS sets no `white-space: pre*`, which scripts/minify-literals.test.mjs
//   checks); comments go unless they hold a binding or look like Lit's own markers. Quoted
//   attribute values and everything inside <pre>, <textarea>, <script>, <style> stay as written.
// - `${…}` expressions are never touched, and templates inside them get the same treatment.
// - A template given to `msg(…)` stays as written: @lit/localize finds its translation by a
//   hash of the source strings, which minifying would change.
//
// Only tags imported from 'lit' count (`import { css, html } from 'lit'`, aliases too).
// Sources are parsed with TypeScript (already a build dependency); edits go through
// magic-string, so every caller gets a source map back to the original file.
//
// Used by vite.config.ts (both builds, the dev server and Storybook), scripts/check-size.mjs
// (with scripts/strip-msg-desc.mjs, in the order the builds apply them) and
// web-test-runner.config.mjs, so what is tested and measured is what ships.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import MagicString from 'magic-string';
import ts from 'typescript';
import { stripMsgDesc } from './strip-msg-desc.mjs';

/** Candor's own sources (src/**\/*.ts), as absolute paths; never node_modules or tests. */
const SOURCE_DIR = fileURLToPath(new URL('../src/', import.meta.url));
const isSource = (file) => file.startsWith(SOURCE_DIR) && file.endsWith('.ts') && !file.endsWith('.d.ts');

/** Stands for a `${…}` expression while a template's static parts are scanned as one text. */
const HOLE = '\u0000';
const BLANK = new Set([' ', '\t', '\n', '\r', '\f']);
const CSS_TIGHT = new Set(['{', '}', ';', ',']);
/** Elements whose content keeps its whitespace (or is not HTML at all). */
const VERBATIM_ELEMENTS = new Set(['pre', 'textarea', 'listing', 'xmp', 'plaintext', 'script', 'style']);

/**
 * `code` with the `css`/`html` templates minified, and a source map to `code` (`map` is null
 * and `code` unchanged when there was nothing to do).
 * @param {string} code TypeScript or JavaScript source
 * @param {string} fileName its path (parser hint and the map's source)
 */
export function minifyLiterals(code, fileName) {
  if (!code.includes('lit') || !code.includes('`')) return { code, map: null };
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const tags = litTags(source);
  if (tags.size === 0) return { code, map: null };
  const magic = new MagicString(code);
  const isMsgCall = msgCallTest(source);
  let edited = false;
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && tags.has(node.tag.text) && !isMessage(node, isMsgCall)) {
      for (const [start, end, replacement] of templateEdits(node.template, tags.get(node.tag.text), source)) {
        if (replacement) magic.overwrite(start, end, replacement);
        else magic.remove(start, end);
        edited = true;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!edited) return { code, map: null };
  return { code: magic.toString(), map: magic.generateMap({ source: fileName, includeContent: true, hires: 'boundary' }) };
}

/** Local names bound to Lit's `css` and `html` by `import { … } from 'lit'` → which one. */
function litTags(source) {
  const tags = new Map();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (statement.moduleSpecifier.text !== 'lit' || statement.importClause?.isTypeOnly) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const imported = (element.propertyName ?? element.name).text;
      if (!element.isTypeOnly && (imported === 'css' || imported === 'html')) tags.set(element.name.text, imported);
    }
  }
  return tags;
}

/**
 * Whether a call is `msg(…)`: Candor's (src/internal/i18n.ts) or @lit/localize's, by the name
 * `msg` or any local name `msg` is imported as, also as `namespace.msg(…)`. Over-matching a
 * function that merely shares the name only costs a few bytes.
 */
function msgCallTest(source) {
  const names = new Set(['msg']);
  for (const statement of source.statements) {
    const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) if ((element.propertyName ?? element.name).text === 'msg') names.add(element.name.text);
  }
  return (call) => {
    const callee = call.expression;
    return (ts.isIdentifier(callee) && names.has(callee.text)) || (ts.isPropertyAccessExpression(callee) && callee.name.text === 'msg');
  };
}

/**
 * Whether `template` is what a `msg(…)` call is given (directly or through `?:`, parentheses …),
 * so left as written. Without an `id`, @lit/localize finds a translation by a hash of the
 * template's strings as lit-localize extract read them in the source; minified strings would
 * hash differently and every locale would silently show English. A template inside a `${…}` is
 * a value of the message, not part of its id: that one is minified as usual.
 */
function isMessage(template, isMsgCall) {
  for (let node = template.parent; node && !ts.isSourceFile(node); node = node.parent) {
    if (ts.isTemplateSpan(node) || ts.isFunctionLike(node) || ts.isStatement(node)) return false;
    if (ts.isCallExpression(node) && isMsgCall(node)) return true;
  }
  return false;
}

/** [start, end, replacement] in `source` for one template's static text. */
function templateEdits(template, kind, source) {
  // The static parts between the backticks and `${ }`: where each starts in the file.
  const parts = [];
  const add = (literal, closeLength) => parts.push({ start: literal.getStart(source) + 1, end: literal.end - closeLength });
  if (ts.isNoSubstitutionTemplateLiteral(template)) add(template, 1);
  else {
    add(template.head, 2);
    for (const span of template.templateSpans) add(span.literal, ts.isTemplateTail(span.literal) ? 1 : 2);
  }
  const texts = parts.map(({ start, end }) => source.text.slice(start, end));
  if (texts.some((text) => text.includes(HOLE))) return [];
  const joined = texts.join(HOLE);
  const edits = kind === 'css' ? cssEdits(units(joined)) : htmlEdits(units(joined));
  // Back from the joined text to file offsets; no edit spans a hole, so each lies in one part.
  const partAt = [];
  let offset = 0;
  for (const [index, text] of texts.entries()) {
    partAt.push({ from: offset, start: parts[index].start });
    offset += text.length + 1;
  }
  return edits.map(([from, to, replacement]) => {
    const part = partAt.findLast((candidate) => candidate.from <= from);
    return [part.start + from - part.from, part.start + to - part.from, replacement];
  });
}

/**
 * The joined raw text as units: one per character, except that a JavaScript escape (`\\`,
 * `` \` ``, `\n` …) is one unit, so it is never split or taken for whitespace. `char` is what
 * CSS and HTML see: the escaped character for `\\ \` \$ \' \"`, else a neutral letter;
 * `cookedSpace` marks `\n \t \r \f`, whitespace to the HTML parser though never rewritten.
 */
function units(text) {
  const list = [];
  for (let index = 0; index < text.length; ) {
    if (text[index] === '\\') {
      const next = text[index + 1] ?? '';
      list.push({ start: index, end: index + 2, char: '\\`$\'"'.includes(next) ? next : 'x', escaped: true, cookedSpace: 'ntrf'.includes(next) && next !== '' });
      index += 2;
    } else {
      list.push({ start: index, end: index + 1, char: text[index], escaped: false });
      index += 1;
    }
  }
  return list;
}

const isBlank = (unit) => unit !== undefined && !unit.escaped && BLANK.has(unit.char);
const isHole = (unit) => unit !== undefined && unit.char === HOLE;
/** Whitespace as the HTML tokenizer sees it in a tag: also the escapes `\n` `\t` `\r` `\f`, which cook to it. */
const isTagSpace = (unit) => isBlank(unit) || unit?.cookedSpace === true;

/** Edits (offsets in the joined text) that minify a `css` template. */
function cssEdits(list) {
  const edits = [];
  let braces = 0;
  let parens = 0;
  let index = 0;
  while (index < list.length) {
    const unit = list[index];
    const char = unit.char;
    if (char === '"' || char === "'") {
      index = skipCssString(list, index);
    } else if (char === '\\') {
      index = skipCssEscape(list, index);
    } else if (isBlank(unit) || isCssCommentStart(list, index)) {
      index = cssGap(list, index, braces + parens > 0, edits);
    } else {
      if (char === '{') braces += 1;
      else if (char === '}') braces = Math.max(0, braces - 1);
      else if (char === '(') parens += 1;
      else if (char === ')') parens = Math.max(0, parens - 1);
      index += 1;
    }
  }
  return edits;
}

const isCssCommentStart = (list, index) => list[index]?.char === '/' && list[index + 1]?.char === '*';

/** Index of the `*` ending a comment that opens at `index` (-1 when it never closes). */
function cssCommentEnd(list, index) {
  for (let at = index + 2; at < list.length - 1; at += 1) {
    if (list[at].char === '*' && list[at + 1].char === '/') return at + 1;
  }
  return -1;
}

/**
 * A run of whitespace and comments starting at `index`: one space, or nothing where no space is
 * needed. Comments that hold a `${…}` or never close stay, and end the run.
 */
function cssGap(list, index, inBlock, edits) {
  const first = index;
  let blank = false;
  while (index < list.length) {
    if (isBlank(list[index])) {
      blank = true;
      index += 1;
    } else if (isCssCommentStart(list, index)) {
      const end = cssCommentEnd(list, index);
      if (end < 0 || list.slice(index, end).some(isHole)) break;
      index = end + 1;
    } else break;
  }
  if (index === first) {
    // A comment kept as written: step past it whole, so nothing inside it is read as CSS.
    const end = cssCommentEnd(list, index);
    return end < 0 ? list.length : end + 1;
  }
  const before = list[first - 1];
  const after = list[index];
  let replacement;
  if (before === undefined || after === undefined) replacement = '';
  else if (before.char === ':' && !before.escaped && (after.char === ';' || after.char === '}')) {
    replacement = ' '; // `--x: ;` keeps its (empty) value as written
  } else if ((CSS_TIGHT.has(before.char) && !before.escaped) || (CSS_TIGHT.has(after.char) && !after.escaped)) replacement = '';
  else if (inBlock && before.char === ':' && !before.escaped) replacement = '';
  else if (blank) replacement = ' ';
  else replacement = null; // only a comment between two tokens: removing it would join them
  const start = list[first].start;
  const end = list[index - 1].end;
  const original = list.slice(first, index).map((unit) => unit.char).join('');
  if (replacement !== null && replacement !== original) edits.push([start, end, replacement]);
  return index;
}

/** Past a CSS string (quotes, and escapes inside them, kept as written). */
function skipCssString(list, index) {
  const quote = list[index].char;
  for (let at = index + 1; at < list.length; at += 1) {
    const char = list[at].char;
    if (char === '\\') at += 1;
    else if (char === quote || (char === '\n' && !list[at].escaped)) return at + 1;
  }
  return list.length;
}

/** Past a CSS escape: `\` and one character, or up to six hex digits and the one space that ends them. */
function skipCssEscape(list, index) {
  let at = index + 1;
  let digits = 0;
  while (digits < 6 && at < list.length && !list[at].escaped && /[0-9a-fA-F]/.test(list[at].char)) {
    at += 1;
    digits += 1;
  }
  if (digits === 0) return Math.min(index + 2, list.length);
  return isBlank(list[at]) ? at + 1 : at;
}

/** Edits (offsets in the joined text) that minify an `html` template. */
function htmlEdits(list) {
  const edits = [];
  let index = 0;
  const text = (from, length) => list.slice(from, from + length).map((unit) => unit.char).join('');
  while (index < list.length) {
    const unit = list[index];
    if (isBlank(unit) || text(index, 4) === '<!--') {
      index = htmlGap(list, index, edits);
    } else if (unit.char === '<' && /^\/?[a-zA-Z]$/.test(text(index + 1, list[index + 1]?.char === '/' ? 2 : 1))) {
      index = htmlTag(list, index, edits);
    } else index += 1;
  }
  return edits;
}

/** Index just past `-->` for a comment opening at `index` (-1 when it never closes). */
function htmlCommentEnd(list, index) {
  for (let at = index + 4; at < list.length - 2; at += 1) {
    if (list[at].char === '-' && list[at + 1].char === '-' && list[at + 2].char === '>') return at + 3;
  }
  return -1;
}

/**
 * Whitespace and comments between markup, from `index`: one space when the run had a line
 * break or lost a comment, nothing when only comments were there; a run on one line with no
 * comment stays as written. Comments with a binding, or starting `<!--?` (Lit's marker form), stay.
 */
function htmlGap(list, index, edits) {
  const first = index;
  let lineBreak = false;
  let blank = false;
  let removedComment = false;
  while (index < list.length) {
    const unit = list[index];
    if (isBlank(unit)) {
      blank = true;
      if (unit.char === '\n' || unit.char === '\r') lineBreak = true;
      index += 1;
      continue;
    }
    const opensComment = list.slice(index, index + 4).map((candidate) => candidate.char).join('') === '<!--';
    if (!opensComment) break;
    const end = htmlCommentEnd(list, index);
    if (end < 0 || list[index + 4]?.char === '?' || list.slice(index, end).some(isHole)) break;
    removedComment = true;
    index = end;
  }
  if (index === first) {
    // A comment kept as written: step past it whole, so nothing inside it is touched.
    const end = htmlCommentEnd(list, index);
    return end < 0 ? list.length : end;
  }
  if (!lineBreak && !removedComment) return index;
  const replacement = blank ? ' ' : '';
  edits.push([list[first].start, list[index - 1].end, replacement]);
  return index;
}

/**
 * A start or end tag from its `<`: line-broken whitespace between attributes becomes one
 * space, or none before `>`; quoted values stay. After the start tag of a verbatim element, skips to its end tag.
 *
 * Attributes are read as the HTML tokenizer reads them: a quote opens a value only where a
 * value may start (after `=` and any whitespace); in a name or an unquoted value (`title=it's`)
 * it is an ordinary character, and taking it for an opening quote would shift every later
 * quoted value out of step.
 */
function htmlTag(list, index, edits) {
  const closing = list[index + 1].char === '/';
  let at = index + (closing ? 2 : 1);
  let name = '';
  while (at < list.length && /[a-zA-Z0-9-]/.test(list[at].char) && !list[at].escaped) name += list[at++].char;
  name = name.toLowerCase();
  /** 'between' attributes, in a 'name', 'afterName' (a value may follow), 'beforeValue' (after `=`), in an 'unquoted' value. */
  let state = 'between';
  while (at < list.length) {
    const unit = list[at];
    const char = unit.char;
    if (char === '>') {
      at += 1;
      break;
    }
    if (isTagSpace(unit)) {
      const first = at;
      let lineBreak = false;
      while (isTagSpace(list[at])) {
        if (isBlank(list[at]) && (list[at].char === '\n' || list[at].char === '\r')) lineBreak = true;
        at += 1;
      }
      // Only a run of plain whitespace is rewritten (an escape such as `\n` is code, kept).
      const plain = list.slice(first, at).every(isBlank);
      // Before `>` no space is needed at all; elsewhere one separates two attributes.
      if (lineBreak && plain) edits.push([list[first].start, list[at - 1].end, list[at]?.char === '>' ? '' : ' ']);
      if (state === 'name') state = 'afterName';
      else if (state === 'unquoted') state = 'between';
      continue;
    }
    if (state === 'beforeValue' && (char === '"' || char === "'")) {
      const close = list.findIndex((candidate, position) => position > at && candidate.char === char);
      at = close < 0 ? list.length : close + 1;
      state = 'between';
      continue;
    }
    if (state === 'beforeValue' || state === 'unquoted') state = 'unquoted';
    else if (char === '=' && (state === 'name' || state === 'afterName')) state = 'beforeValue';
    else if (char === '/') state = 'between';
    else state = 'name';
    at += 1;
  }
  if (closing || !VERBATIM_ELEMENTS.has(name)) return at;
  // Content as written, up to `</name` (then that end tag is an ordinary tag).
  const end = `</${name}`;
  for (let from = at; from < list.length; from += 1) {
    const candidate = list.slice(from, from + end.length).map((unit) => unit.char).join('').toLowerCase();
    if (candidate === end) return from;
  }
  return list.length;
}

/** `//# sourceMappingURL=` comment carrying `map` inline, for tools that chain input maps (esbuild). */
function inlineMap(map) {
  return `\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}\n`;
}

/** For Vite: both builds, the dev server and Storybook. Put it after stripMsgDescVite(). */
export function minifyLiteralsVite() {
  return {
    name: 'candor-minify-literals',
    enforce: 'pre',
    transform(code, id) {
      if (!isSource(id)) return undefined;
      const result = minifyLiterals(code, id);
      return result.map ? { code: result.code, map: result.map } : undefined;
    },
  };
}

/**
 * For esbuild (scripts/check-size.mjs): Candor's sources as the builds ship them, translator
 * notes stripped (scripts/strip-msg-desc.mjs, offsets kept) and then templates minified.
 * esbuild's onLoad hooks do not chain, so this one plugin applies both, in the builds' order.
 */
export function shippedSourceEsbuild() {
  return {
    name: 'candor-shipped-source',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
        if (!isSource(path)) return undefined;
        const { code, map } = minifyLiterals(stripMsgDesc(await readFile(path, 'utf8'), path), path);
        return { contents: map ? code + inlineMap(map) : code, loader: 'ts' };
      });
    },
  };
}

/**
 * For @web/test-runner: minifies each served src/**\/*.ts before the esbuild plugin compiles it
 * (list it first); the inline map lets esbuild map the result, and coverage, to the original.
 */
export function minifyLiteralsWtr() {
  let rootDir = process.cwd();
  return {
    name: 'candor-minify-literals',
    serverStart({ config }) {
      rootDir = resolve(config.rootDir);
    },
    transform(context) {
      if (!context.path.endsWith('.ts') || typeof context.body !== 'string') return undefined;
      const file = join(rootDir, ...decodeURIComponent(context.path).split('/'));
      if (!isSource(file)) return undefined;
      const { code, map } = minifyLiterals(context.body, file);
      return map ? { body: code + inlineMap(map) } : undefined;
    },
  };
}
