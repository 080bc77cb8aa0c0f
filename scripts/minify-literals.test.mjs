// Checks of scripts/minify-literals.mjs: template inputs → expected outputs (the unsafe cases
// among them must come out untouched), source maps that still point at the original lines
// (alone and through esbuild, as web-test-runner chains them), and over every file in src/:
// only whitespace and comments inside templates change, only where that cannot matter
// (beyondWhitespace, which walks both texts without the minifier's scanner), and no CSS
// there asks for `white-space: pre*` (which the html rule would break).
//
//   node scripts/minify-literals.test.mjs     run alone; exit 1 on a failure
// scripts/check-size.mjs runs the same checks (the `size` step of `npm test`) and counts each one.
import { readFileSync, readdirSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import ts from 'typescript';
import { minifyLiterals } from './minify-literals.mjs';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

// Inputs are the text between the backticks as written in a .ts file (String.raw: `\\` below
// is the two characters a source file would hold).
const CSS_CASES = [
  {
    name: 'css: comments go, whitespace collapses, none next to { } ; , or after : in a block',
    input: String.raw`
  /* heading */
  .a ,
  .b {
    color : red ;
    margin: 0   auto;
  }
`,
    output: String.raw`.a,.b{color :red;margin:0 auto;}`,
  },
  { name: 'css: the space before :hover (descendant) stays', input: '.a :hover { color: red; }\n.a:focus {}', output: '.a :hover{color:red;}.a:focus{}' },
  {
    name: 'css: spaces around + and - in calc() stay',
    input: '.a { width: calc(100% - 2 * var(--x)); height: calc(1px + 2px); }',
    output: '.a{width:calc(100% - 2 * var(--x));height:calc(1px + 2px);}',
  },
  {
    name: 'css: quoted strings stay as written',
    input: `.a::before { content: "a  ;  {  b"; font-family: 'Open  Sans' , serif; }`,
    output: `.a::before{content:"a  ;  {  b";font-family:'Open  Sans',serif;}`,
  },
  {
    name: 'css: the space that ends an escape (\\31 ) and the combinator after it stay',
    input: String.raw`.x\\31 {}
.y\\31  .z {}`,
    output: String.raw`.x\\31 {}.y\\31  .z{}`,
  },
  { name: 'css: ${…} expressions stay, one space between two', input: '.a { margin: ${ a  +  b }   ${c}; }', output: '.a{margin:${ a  +  b } ${c};}' },
  {
    name: 'css: a comment joining two tokens or holding ${…} stays',
    input: '.a/* joins */.b {}\n/* ${x} */ .c {}',
    output: '.a/* joins */.b{}/* ${x} */ .c{}',
  },
  {
    name: 'css: media features lose the space after :, keep the one before (',
    input: '@media (min-width: 40em) and (prefers-reduced-motion: reduce) {\n  .a { color: red }\n}',
    output: '@media (min-width:40em) and (prefers-reduced-motion:reduce){.a{color:red}}',
  },
  { name: 'css: an empty custom property keeps its space', input: ':host { --x: ; }', output: ':host{--x: ;}' },
  {
    name: 'css: a declaration list outside any block keeps the space after :',
    input: '\n  --x: red;\n  color: blue;\n',
    output: '--x: red;color: blue;',
  },
];

const HTML_CASES = [
  {
    name: 'html: line-broken indentation becomes one space',
    input: '\n  <div class="a">\n    <span>x</span>\n  </div>\n',
    output: ' <div class="a"> <span>x</span> </div> ',
  },
  { name: 'html: spaces without a line break stay', input: '<b>a</b>  <i>b</i> c', output: '<b>a</b>  <i>b</i> c' },
  {
    name: 'html: <pre> and <textarea> content stays (any case)',
    input: '<pre>\n  a\n    b\n</pre>\n<textarea>\n  x\n</textarea>\n<PRE class="x">\n y\n</PRE>',
    output: '<pre>\n  a\n    b\n</pre> <textarea>\n  x\n</textarea> <PRE class="x">\n y\n</PRE>',
  },
  {
    name: 'html: attributes one space apart, quoted values and bindings as written',
    input: '<input\n  type="text"\n  title="two\n    lines"\n  .value=${ v }\n  @input=${onInput}\n/>\n<span\n  >x</span\n>',
    output: '<input type="text" title="two\n    lines" .value=${ v } @input=${onInput} /> <span>x</span>',
  },
  {
    name: 'html: comments go, except Lit-style markers and comments holding ${…}',
    input: '<p>a</p>\n  <!-- note -->\n  <p>b</p><!--?lit$1$--><!-- ${x} -->a<!-- x -->b',
    output: '<p>a</p> <p>b</p><!--?lit$1$--><!-- ${x} -->ab',
  },
  { name: 'html: ${…} expressions stay', input: '<p>\n  ${ a  ?  b : c }\n</p>', output: '<p> ${ a  ?  b : c } </p>' },
  { name: 'html: a < that opens no tag is text', input: 'a < b\n  c', output: 'a < b c' },
  {
    // A quote opens a value only right after `=`: in an unquoted value or a name it is a letter.
    name: 'html: a quote inside an unquoted value or a name opens no value (later values stay)',
    input: "<p title=it's>a</p>\n<p title='x\n  y'>b</p>\n<p title=a='b>c</p>\n<p title='d\n  e'>f</p>\n<p a'b\n  c='g\n  h'>i</p>",
    output: "<p title=it's>a</p> <p title='x\n  y'>b</p> <p title=a='b>c</p> <p title='d\n  e'>f</p> <p a'b c='g\n  h'>i</p>",
  },
  {
    name: 'html: whitespace around = collapses, the quoted value after it stays (also after an escaped \\n)',
    input: '<p title\n  =\n  "x\n  y"\n  hidden\n>z</p><p title=\\n\'a\n  b\'>c</p>',
    output: '<p title = "x\n  y" hidden>z</p><p title=\\n\'a\n  b\'>c</p>',
  },
];

/** Whole sources: which templates count, nesting. */
const SOURCE_CASES = [
  {
    name: 'source: html imported from elsewhere is not Lit’s',
    input: "import { html } from './other.js';\nhtml`\n  <p>\n`;\n",
    output: "import { html } from './other.js';\nhtml`\n  <p>\n`;\n",
  },
  {
    name: 'source: aliased imports from lit count',
    input: "import { html as h, css as c } from 'lit';\nh`\n  <p>\n`;\nc`\n  a { }\n`;\n",
    output: "import { html as h, css as c } from 'lit';\nh` <p> `;\nc`a{}`;\n",
  },
  {
    name: 'source: untagged templates, svg`` and str`` stay',
    input: "import { html, svg } from 'lit';\nconst s = `\n  a  {  }\n`;\nsvg`\n  <g>\n`;\nmsg(str`\n  a\n`);\n",
    output: "import { html, svg } from 'lit';\nconst s = `\n  a  {  }\n`;\nsvg`\n  <g>\n`;\nmsg(str`\n  a\n`);\n",
  },
  {
    name: 'source: templates inside ${…} are minified too, the code around them stays',
    input: "import { html } from 'lit';\nhtml`<ul>\n  ${items.map((i) => html`\n    <li>${i}</li>\n  `)}\n</ul>`;\n",
    output: "import { html } from 'lit';\nhtml`<ul> ${items.map((i) => html` <li>${i}</li> `)} </ul>`;\n",
  },
  {
    // @lit/localize finds the translation of msg(html`…`) by a hash of the template's strings
    // (unless an id is given): the shipped strings must be the ones lit-localize extract read.
    name: 'source: templates given to msg() stay as written (aliases, ?: too); templates in their ${…} do not',
    input: [
      "import { css, html } from 'lit';",
      "import { msg } from './internal/i18n.js';",
      "import { msg as t } from '@lit/localize';",
      'msg(html`Read\n  <b>this</b>\n`);',
      "msg(html`\n  <p>${html`\n  <i>x</i>`}</p>`, { id: 'x' });",
      't(wide ? html`a\n  b` : html`c\n  d`);',
      'i18n.msg(html`e\n  f`);',
      'other(html`\n  <p>`, css`\n  a { }`);',
      '',
    ].join('\n'),
    output: [
      "import { css, html } from 'lit';",
      "import { msg } from './internal/i18n.js';",
      "import { msg as t } from '@lit/localize';",
      'msg(html`Read\n  <b>this</b>\n`);',
      "msg(html`\n  <p>${html` <i>x</i>`}</p>`, { id: 'x' });",
      't(wide ? html`a\n  b` : html`c\n  d`);',
      'i18n.msg(html`e\n  f`);',
      'other(html` <p>`, css`a{}`);',
      '',
    ].join('\n'),
  },
];

/** Runs every check; returns counts and what failed. */
export async function checkMinifyLiterals() {
  const results = { passed: 0, failed: 0, failures: [] };
  const check = async (name, run) => {
    try {
      const problem = await run();
      if (problem) throw new Error(problem);
      results.passed += 1;
    } catch (error) {
      results.failed += 1;
      results.failures.push(`${name}: ${error instanceof Error ? error.message : error}`);
    }
  };
  const wrap = (tag, body) => `import { css, html } from 'lit';\nexport const x = ${tag}\`${body}\`;\n`;
  for (const { name, input, output } of CSS_CASES) await check(name, () => expectSame(minifyLiterals(wrap('css', input), 'case.ts').code, wrap('css', output)));
  for (const { name, input, output } of HTML_CASES) await check(name, () => expectSame(minifyLiterals(wrap('html', input), 'case.ts').code, wrap('html', output)));
  for (const { name, input, output } of SOURCE_CASES) await check(name, () => expectSame(minifyLiterals(input, 'case.ts').code, output));
  await check('source map: code after a template maps to its original line', checkMapAlone);
  await check('source map: through esbuild (as web-test-runner compiles) to the original file and line', checkMapThroughEsbuild);
  await check('guard: the src/ comparison below rejects meaningful whitespace changes, accepts the minifier’s', checkGuardCanFail);
  await check('src/: inside css/html templates only whitespace and comments change, where they may', checkSourcesKeepTheirCode);
  await check('src/: no white-space: pre* (html templates collapse line breaks)', checkNoPreservedWhitespace);
  return results;
}

function expectSame(actual, expected) {
  return actual === expected ? undefined : `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

const MAPPED = "import { css } from 'lit';\nexport const styles = css`\n  .a {\n    color: red;\n  }\n`;\nexport const marker = 1;\n";
const MARKER_LINE = 6; // zero-based line of `marker` in MAPPED

function checkMapAlone() {
  const { code, map } = minifyLiterals(MAPPED, '/virtual/mapped.ts');
  if (!map) return 'no map returned';
  return expectOriginalLine(code, new SourceMap(JSON.parse(map.toString())), '/virtual/mapped.ts');
}

async function checkMapThroughEsbuild() {
  const file = '/virtual/mapped.ts';
  const { code, map } = minifyLiterals(MAPPED, file);
  const input = `${code}\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(map.toString()).toString('base64')}\n`;
  const output = await esbuild.transform(input, { loader: 'ts', sourcemap: 'inline', sourcefile: file });
  const inline = /sourceMappingURL=data:application\/json;base64,(\S+)/.exec(output.code);
  if (!inline) return 'esbuild wrote no inline map';
  return expectOriginalLine(output.code, new SourceMap(JSON.parse(Buffer.from(inline[1], 'base64').toString())), file);
}

function expectOriginalLine(code, sourceMap, file) {
  const lines = code.split('\n');
  const line = lines.findIndex((text) => text.includes('marker'));
  if (line < 0) return '`marker` missing from the output';
  if (line === MARKER_LINE) return 'the template kept its line breaks: nothing to map';
  const entry = sourceMap.findEntry(line, lines[line].indexOf('marker'));
  if (entry.originalSource !== file && !String(entry.originalSource).endsWith(file)) return `maps to source ${entry.originalSource}, not ${file}`;
  return entry.originalLine === MARKER_LINE ? undefined : `maps to line ${entry.originalLine + 1}, not ${MARKER_LINE + 1}`;
}

/**
 * Every Lit css/html template in a file, in file order: its kind, its static parts as [start,
 * end] offsets (delimiters included) and their text between the delimiters, joined by HOLE.
 */
function templatesIn(code) {
  const source = ts.createSourceFile('file.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const templates = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && ['css', 'html'].includes(node.tag.text)) {
      const template = node.template;
      const literals = ts.isNoSubstitutionTemplateLiteral(template) ? [template] : [template.head, ...template.templateSpans.map((span) => span.literal)];
      const parts = literals.map((literal) => [literal.getStart(source), literal.end]);
      const inner = literals.map((literal, index) => code.slice(parts[index][0] + 1, parts[index][1] - (ts.isTemplateTail(literal) || ts.isNoSubstitutionTemplateLiteral(literal) ? 1 : 2)));
      templates.push({ start: parts[0][0], kind: node.tag.text, parts, text: inner.join(HOLE) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return templates.sort((a, b) => a.start - b.start); // nested templates sit inside their parent's expressions
}

/** Stands for a `${…}` between two static parts. */
const HOLE = '\u0000';
const COMMENT = { css: /^\/\*[\s\S]*?\*\//, html: /^<!--[\s\S]*?-->/ };
const CSS_TIGHT = '{};,';

/**
 * What changed in one template's static text beyond what the minifier may change (undefined
 * when nothing did), found by walking `before` and `after` side by side, independently of the
 * minifier's own scanning. Everything but whitespace and comments must match character for
 * character; a whitespace run (with the comments removed from it) may only become:
 * - css: one space, or nothing next to `{ } ; ,`, at the template's ends, or after `:` inside
 *   braces or parentheses; never inside a quoted string or after an escape (`\31 `).
 * - html: one space where it held a line break or a comment; nothing before `>` (a line
 *   break), or where it was only comments. Quoted attribute values and <pre>, <textarea>,
 *   <script>, <style> contents must come out identical.
 */
export function beyondWhitespace(kind, before, after) {
  let i = 0;
  let j = 0;
  let depth = 0; // css: open braces and parentheses
  let quote = ''; // css: the quote of the string being read
  let previous; // the last character both sides share
  const here = () => JSON.stringify(before.slice(Math.max(0, i - 20), i + 20));
  while (i < before.length || j < after.length) {
    let removedSpace = '';
    while (j < after.length && /\s/.test(after[j])) removedSpace += after[j++];
    const spaceAfter = removedSpace;
    let spaceBefore = '';
    let hadComment = false;
    while (i < before.length) {
      if (/\s/.test(before[i])) spaceBefore += before[i++];
      else {
        const comment = quote ? null : COMMENT[kind].exec(before.slice(i));
        if (!comment || after.startsWith(comment[0], j)) break;
        hadComment = true;
        i += comment[0].length;
      }
    }
    if (spaceBefore !== spaceAfter || hadComment) {
      const next = before[i];
      const problem = kind === 'css'
        ? cssGapProblem({ spaceBefore, spaceAfter, previous, next, depth, quote, escaped: /\\\\(?:[0-9a-fA-F]{1,6})?$/.test(before.slice(0, i - spaceBefore.length)) })
        : htmlGapProblem({ spaceBefore, spaceAfter, hadComment, next });
      if (problem) return `${problem} at ${here()}`;
    }
    if (i >= before.length || j >= after.length) {
      if (i < before.length || j < after.length) return `the texts end differently at ${here()}`;
      break;
    }
    const kept = quote ? null : COMMENT[kind].exec(before.slice(i));
    const token = kept ? kept[0] : before[i] === '\\' ? before.slice(i, i + 2) : before[i];
    if (!after.startsWith(token, j)) return `${JSON.stringify(token)} became ${JSON.stringify(after.slice(j, j + token.length))} at ${here()}`;
    if (kind === 'css' && !kept) {
      if (quote) quote = token === quote ? '' : quote;
      else if (token === '"' || token === "'") quote = token;
      else if (token === '{' || token === '(') depth += 1;
      else if (token === '}' || token === ')') depth = Math.max(0, depth - 1);
    }
    previous = token;
    i += token.length;
    j += token.length;
  }
  if (kind === 'html') {
    const protectedParts = (text) => [...text.replace(/<!--[\s\S]*?-->/g, '').matchAll(/=\s*("[^"]*"|'[^']*')|<(pre|textarea|script|style|listing|xmp)\b[^>]*>([\s\S]*?)<\/\2/gi)].map((match) => match[1] ?? match[3]);
    const [kept, now] = [protectedParts(before), protectedParts(after)];
    const changed = kept.findIndex((part, index) => part !== now[index]);
    if (changed >= 0 || kept.length !== now.length) return `a quoted value or verbatim element changed: ${JSON.stringify(kept[changed])}`;
  }
  return undefined;
}

function cssGapProblem({ spaceBefore, spaceAfter, previous, next, depth, quote, escaped }) {
  if (quote) return 'whitespace inside a css string changed';
  if (escaped) return 'the whitespace after a css escape changed';
  if (spaceAfter === ' ') return spaceBefore ? undefined : 'a comment joining two tokens became a space';
  if (spaceAfter !== '') return `whitespace became ${JSON.stringify(spaceAfter)}`;
  const tight = previous === undefined || next === undefined || CSS_TIGHT.includes(previous) || CSS_TIGHT.includes(next);
  return tight || (previous === ':' && depth > 0) ? undefined : 'css whitespace removed between two tokens';
}

function htmlGapProblem({ spaceBefore, spaceAfter, hadComment, next }) {
  const lineBreak = /[\n\r]/.test(spaceBefore);
  if (spaceAfter === ' ') return lineBreak || hadComment ? undefined : 'html whitespace on one line changed';
  if (spaceAfter !== '') return `whitespace became ${JSON.stringify(spaceAfter)}`;
  if (spaceBefore === '' && hadComment) return undefined;
  return lineBreak && next === '>' ? undefined : 'html whitespace removed';
}

/** Pairs the guard must reject: proof that beyondWhitespace() can fail. */
const GUARD_MUST_CATCH = [
  ['css', '.a :hover {}', '.a:hover{}'],
  ['css', '.a/* joins */.b {}', '.a .b{}'],
  ['css', 'a { content: "x  y"; }', 'a{content:"x y";}'],
  ['css', 'a { width: calc(1px + 2px); }', 'a{width:calc(1px+2px);}'],
  ['css', String.raw`.x\\31 {}`, String.raw`.x\\31{}`],
  ['css', 'a { color: red; }', 'a{color:blue;}'],
  ['html', '<b>a</b>  <i>b</i>', '<b>a</b> <i>b</i>'],
  ['html', '<p title="a\n  b">x</p>', '<p title="a b">x</p>'],
  ['html', '<pre>\n  a\n</pre>', '<pre> a </pre>'],
  ['html', '<p>a\n  b</p>', '<p>ab</p>'],
];
/** Pairs it must accept (what the minifier does). */
const GUARD_MUST_PASS = [
  ['css', '\n  /* x */\n  .a ,\n  .b {\n    color : red ;\n  }\n', '.a,.b{color :red;}'],
  ['css', '@media (min-width: 40em) {}', '@media (min-width:40em){}'],
  ['html', '\n  <p\n    title="a\n  b"\n  >x<!-- note --></p>\n', ' <p title="a\n  b">x</p> '],
];

function checkGuardCanFail() {
  const missed = GUARD_MUST_CATCH.filter(([kind, before, after]) => beyondWhitespace(kind, before, after) === undefined);
  const refused = GUARD_MUST_PASS.map(([kind, before, after]) => beyondWhitespace(kind, before, after)).filter(Boolean);
  if (missed.length) return `not caught: ${missed.map(([, before, after]) => `${JSON.stringify(before)} → ${JSON.stringify(after)}`).join(', ')}`;
  return refused.length ? `refused: ${refused.join('; ')}` : undefined;
}

function sourceFiles() {
  return readdirSync(SRC, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .sort();
}

function checkSourcesKeepTheirCode() {
  const problems = [];
  let changed = 0;
  for (const file of sourceFiles()) {
    const path = `${SRC}${file}`;
    const before = readFileSync(path, 'utf8');
    const after = minifyLiterals(before, path).code;
    if (after === before) continue;
    changed += 1;
    const [templatesBefore, templatesAfter] = [templatesIn(before), templatesIn(after)];
    const [partsBefore, partsAfter] = [templatesBefore.flatMap((t) => t.parts), templatesAfter.flatMap((t) => t.parts)];
    if (partsBefore.length !== partsAfter.length) {
      problems.push(`${file}: ${partsBefore.length} template parts became ${partsAfter.length}`);
      continue;
    }
    // Outside the templates' static text (code, and every ${…}) nothing may differ.
    const outside = (code, parts) => [...parts].sort((a, b) => a[0] - b[0]).reduceRight((text, [start, end]) => text.slice(0, start) + text.slice(end), code);
    if (outside(before, partsBefore) !== outside(after, partsAfter)) problems.push(`${file}: code outside template text changed`);
    templatesBefore.forEach(({ kind, start, text }, index) => {
      const problem = beyondWhitespace(kind, text, templatesAfter[index].text);
      if (problem) problems.push(`${file}: ${kind} template at offset ${start}: ${problem}`);
    });
  }
  if (changed === 0) problems.push('no file in src/ changed: the transform found no templates');
  return problems.slice(0, 5).join('; ') || undefined;
}

/**
 * Collapsing a line break is only invisible where whitespace collapses. Guarded over whole
 * files (CSS in templates, inline styles, style properties set from code).
 */
function checkNoPreservedWhitespace() {
  const preserving = /white-space(?:-collapse)?\s*:\s*(?:pre|break-spaces|preserve)|whiteSpace\s*=|['"]white-space['"]/;
  const found = sourceFiles().filter((file) => preserving.test(readFileSync(`${SRC}${file}`, 'utf8')));
  return found.length
    ? `${found.join(', ')} preserve whitespace: teach scripts/minify-literals.mjs to leave those elements' templates as written`
    : undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { passed, failed, failures } = await checkMinifyLiterals();
  for (const failure of failures) console.log(`minify-literals: FAIL ${failure}`);
  console.log(`minify-literals: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}
