// Drops translator notes from shipped code. `msg('Reject all', { desc: '…' })` needs its
// `desc` only in the source, where `lit-localize extract` copies it into the XLIFF files;
// at runtime `msg()` reads `id` alone, so every note is bytes a visitor downloads for
// nothing (measured on 2026-11-28, gzip: 0.39 kB of the core, 1.1 kB of banner + core + Lit,
// 3.4 kB of all four elements and of dist/candor.js).
//
// The note (with its comma, or the whole options object when it holds only `desc`) is
// replaced by spaces and line breaks of the same length, so every line and column stays
// where it was and source maps remain right without a map of their own (their
// `sourcesContent` then shows the blanked notes).
//
// Used by both builds (vite.config.ts) and by scripts/check-size.mjs (whose esbuild plugin,
// shippedSourceEsbuild in scripts/minify-literals.mjs, applies it before the template
// minifier, as the builds do), so the size check measures what ships; scripts/build.mjs
// checks that no note reached dist/.
import ts from 'typescript';

const SOURCE = /\/src\/.*\.ts$/;

/** `code` without the `desc` of any `msg(template, { … })` call; unchanged when there is none. */
export function stripMsgDesc(code, fileName) {
  if (!code.includes('desc')) return code;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const cuts = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'msg' && node.arguments.length === 2) {
      const [template, options] = node.arguments;
      if (ts.isObjectLiteralExpression(options)) {
        const properties = options.properties;
        const index = properties.findIndex((property) => ts.isPropertyAssignment(property) && property.name.getText(source) === 'desc');
        if (index >= 0) {
          const desc = properties[index];
          // Only note: drop `, { desc }`. Else drop the note and the comma that joins it to its neighbour.
          if (properties.length === 1) cuts.push([template.end, options.end]);
          else if (index > 0) cuts.push([properties[index - 1].end, desc.end]);
          else cuts.push([desc.getStart(source), properties[1].getStart(source)]);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0])) {
    out = out.slice(0, start) + out.slice(start, end).replace(/[^\n]/g, ' ') + out.slice(end);
  }
  return out;
}

/** For Vite (library and standalone builds): runs before TypeScript is stripped. */
export function stripMsgDescVite() {
  return {
    name: 'candor-strip-msg-desc',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      return SOURCE.test(id) ? { code: stripMsgDesc(code, id), map: null } : undefined;
    },
  };
}
