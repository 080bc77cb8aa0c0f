// Checks Candor's translations without a browser. One test per locale (every xliff/*.xlf
// and every target locale in lit-localize.json) and one for the extraction:
//   - the locale has a target for every message the source has, with the same
//     placeholders, and no target left as the English source (unless allowed below);
//   - src/locales/<code>.ts is what `lit-localize build` makes from xliff/<code>.xlf, and
//     its chunks src/locales/<code>/<group>.ts are what scripts/locale-chunks.mjs makes of it;
//   - extraction: `lit-localize extract`, run against a scratch copy of xliff/, changes
//     nothing (a new or reworded msg() shows up there), locale-codes.ts and the chunks'
//     loader table (src/locales/chunks.ts) are current, and no stale chunk is left.
// Prints one line per failure, writes {"locales": {passed, failed, skipped}} to the file
// named by CANDOR_TOTALS_FILE (if set), and exits 1 on any failure.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localeChunkFiles, staleChunkFiles } from './locale-chunks.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
process.chdir(root);

/**
 * Messages a locale may leave exactly as the English source, with the reason. Keyed by
 * message id; `locales` lists where it applies ('*' for every locale).
 */
const SAME_AS_SOURCE = {
  'candor-why.rating-no': { locales: ['es', 'it'], reason: '"No" is the word for no in Spanish and Italian' },
  s8a1cc2725e462c2a: { locales: ['da'], reason: '"Send feedback" is the usual Danish wording (imperative "send", loanword "feedback")' },
  s2b5047d39b9baf3d: { locales: ['lv'], reason: '"Preferences" is also the Latvian plural of "preference"' },
};

const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
const shipped = config.targetLocales;
const xliffDir = config.interchange.xliffDir;
const present = readdirSync(xliffDir).filter((file) => file.endsWith('.xlf')).map((file) => file.slice(0, -4));
const locales = [...new Set([...shipped, ...present])].sort();

const results = [];
const record = (name, failures) => {
  results.push({ name, failures });
  for (const failure of failures) console.error(`check-locales: FAIL ${name}: ${failure}`);
};

const scratch = mkdtempSync(join(tmpdir(), 'candor-locales-'));
try {
  run();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function run() {
  // A copy of xliff/ and a config that writes only into the scratch folder.
  const scratchXliff = join(scratch, 'xliff');
  const scratchOut = join(scratch, 'locales');
  mkdirSync(scratchOut, { recursive: true });
  cpSync(xliffDir, scratchXliff, { recursive: true });
  const scratchConfig = (name, targetLocales) => {
    const path = join(scratch, name);
    writeFileSync(
      path,
      JSON.stringify({
        ...config,
        targetLocales,
        inputFiles: config.inputFiles.map((pattern) => resolve(root, pattern)),
        output: { ...config.output, outputDir: scratchOut, localeCodesModule: join(scratchOut, 'locale-codes.ts') },
        interchange: { ...config.interchange, xliffDir: `${scratchXliff}/` },
      }),
    );
    return path;
  };
  // Build what ships from the xliff as it is; then extract into the copy of every xliff file.
  const build = litLocalize('build', scratchConfig('build.json', shipped));
  const extract = litLocalize('extract', scratchConfig('extract.json', present));

  const source = extract.ok ? sourceMessages(scratchXliff) : null;
  // The chunks as scripts/locale-chunks.mjs would write them from src/locales/ as it is.
  let chunks = new Map();
  const chunkProblems = [];
  try {
    chunks = localeChunkFiles();
    for (const stale of staleChunkFiles(chunks)) chunkProblems.push(`${stale} is no longer generated: run npm run localize:build`);
    chunkProblems.push(...compareChunks(chunks, (path) => path.endsWith('/chunks.ts')));
  } catch (error) {
    chunkProblems.push(`scripts/locale-chunks.mjs failed: ${error instanceof Error ? error.message : error}`);
  }
  for (const locale of locales) {
    record(locale, [...checkLocale(locale, source, build.ok ? scratchOut : null), ...compareChunks(chunks, (path) => path.startsWith(`${config.output.outputDir.replace(/^\.\//, '')}/${locale}/`))]);
  }
  const buildProblem = build.ok ? [] : [`lit-localize build failed, so src/locales/ could not be compared: ${buildFailure(build.output)}`];
  record('extraction', [...buildProblem, ...chunkProblems, ...checkExtraction(extract, scratchXliff, build.ok ? scratchOut : null)]);

  const failed = results.filter((result) => result.failures.length > 0).length;
  const passed = results.length - failed;
  if (process.env.CANDOR_TOTALS_FILE) {
    writeFileSync(process.env.CANDOR_TOTALS_FILE, JSON.stringify({ locales: { passed, failed, skipped: 0 } }));
  }
  const count = source ? `${source.size} messages, ` : '';
  console.log(`check-locales: ${count}${results.length} tests (${locales.join(', ')}, extraction): ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

function checkLocale(locale, source, builtDir) {
  const failures = [];
  if (!shipped.includes(locale)) failures.push(`xliff/${locale}.xlf exists but lit-localize.json "targetLocales" does not list ${locale}`);
  const file = join(xliffDir, `${locale}.xlf`);
  if (!existsSync(file)) return [...failures, `xliff/${locale}.xlf is missing`];
  const xliff = readFileSync(file, 'utf8');
  const language = /<file\b[^>]*\btarget-language="([^"]*)"/.exec(xliff)?.[1];
  if (language !== locale) failures.push(`xliff/${locale}.xlf says target-language="${language}"`);
  const units = parseUnits(xliff);
  if (source) {
    for (const [id, message] of source) {
      const unit = units.get(id);
      if (!unit || unit.target === null) {
        failures.push(`${id} has no translation: "${plain(message.source)}"`);
        continue;
      }
      if (plain(unit.target).trim() === '') failures.push(`${id} is translated as an empty text`);
      const want = placeholders(message.source);
      const got = placeholders(unit.target);
      if (want.map((placeholder) => placeholder.key).join('\n') !== got.map((placeholder) => placeholder.key).join('\n')) {
        const list = (found) => found.map((placeholder) => placeholder.shown).join(', ');
        failures.push(`${id} placeholders differ: source has [${list(want)}], target has [${list(got)}]`);
      }
      const allowed = SAME_AS_SOURCE[id];
      const mayMatch = allowed && (allowed.locales === '*' || allowed.locales.includes(locale));
      if (!mayMatch && normalize(unit.target) === normalize(message.source)) {
        failures.push(`${id} is left in English: "${plain(message.source)}"`);
      }
    }
  }
  // The generated module must be what lit-localize builds from this xliff.
  const generated = join(config.output.outputDir, `${locale}.ts`);
  if (!existsSync(generated)) failures.push(`${generated} is missing: run npx lit-localize build`);
  else if (builtDir === null) {
    // lit-localize build failed (reported once, under "extraction"): nothing to compare with.
  } else if (readFileSync(generated, 'utf8') !== readFileSync(join(builtDir, `${locale}.ts`), 'utf8')) {
    failures.push(`${generated} is out of step with xliff/${locale}.xlf: run npx lit-localize build`);
  }
  return failures;
}

/** Generated chunk files (those `select` picks) that differ from the files on disk. */
function compareChunks(chunks, select) {
  const failures = [];
  for (const [path, contents] of chunks) {
    if (!select(path)) continue;
    if (!existsSync(path)) failures.push(`${path} is missing: run npm run localize:build`);
    else if (readFileSync(path, 'utf8') !== contents) failures.push(`${path} is out of step with its locale module: run npm run localize:build`);
  }
  return failures;
}

function checkExtraction(extract, scratchXliff, builtDir) {
  if (!extract.ok) return [`lit-localize extract failed:\n${indent(extract.output)}`];
  const failures = [];
  for (const locale of present) {
    const before = parseUnits(readFileSync(join(xliffDir, `${locale}.xlf`), 'utf8'));
    const after = parseUnits(readFileSync(join(scratchXliff, `${locale}.xlf`), 'utf8'));
    for (const [id, unit] of after) {
      const old = before.get(id);
      if (!old) failures.push(`xliff/${locale}.xlf lacks ${id}, a new message in the source: "${plain(unit.source)}" (run npx lit-localize extract, then translate it)`);
      else if (comparable(old.source) !== comparable(unit.source)) {
        failures.push(`xliff/${locale}.xlf has an old English text for ${id}: "${plain(old.source)}" is now "${plain(unit.source)}"`);
      }
    }
    for (const id of before.keys()) {
      if (!after.has(id)) failures.push(`xliff/${locale}.xlf has ${id}, which is no longer in the source (run npx lit-localize extract)`);
    }
  }
  const codes = join(config.output.localeCodesModule);
  if (builtDir && (!existsSync(codes) || readFileSync(codes, 'utf8') !== readFileSync(join(builtDir, 'locale-codes.ts'), 'utf8'))) {
    failures.push(`${codes} is out of step with lit-localize.json: run npx lit-localize build`);
  }
  return failures;
}

/** Every message in the source, from a freshly extracted xliff file (any locale's). */
function sourceMessages(dir) {
  const first = readdirSync(dir).find((file) => file.endsWith('.xlf'));
  if (!first) return new Map();
  return parseUnits(readFileSync(join(dir, first), 'utf8'));
}

/** `<trans-unit>` elements by id: raw `source` and `target` markup (target null when absent). */
function parseUnits(xliff) {
  const units = new Map();
  for (const match of xliff.matchAll(/<trans-unit\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)) {
    const body = match[2];
    const source = /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? '';
    const target = /<target(?:\s[^>]*)?>([\s\S]*?)<\/target>/.exec(body)?.[1] ?? null;
    units.set(match[1], { source, target });
  }
  return units;
}

/**
 * The placeholders of a text (`<x id="0" equiv-text="${label}"/>`), sorted so a translation
 * may reorder them. They are matched by `id`, the index the runtime substitutes, as
 * `lit-localize build` does: the expression text in `equiv-text` is only a hint.
 */
function placeholders(markup) {
  return [...markup.matchAll(/<(x|ph)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g)]
    .map(([element]) => {
      const id = /\bid="([^"]*)"/.exec(element)?.[1] ?? '?';
      return { key: id, shown: `#${id} ` + decode(/equiv-text="([^"]*)"/.exec(element)?.[1] ?? element) };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** A source text with each placeholder reduced to its index, so renaming a variable is no change. */
function comparable(markup) {
  return markup.replace(/<x\b[^>]*\bid="([^"]*)"[^>]*\/>/g, '{$1}');
}

/** The text a reader sees, placeholders shown as written in the source. */
function plain(markup) {
  return decode(markup.replace(/<x\b[^>]*equiv-text="([^"]*)"[^>]*\/>/g, '$1').replace(/<[^>]+>/g, ''));
}

function normalize(markup) {
  return plain(markup).replace(/\s+/g, ' ').trim();
}

function decode(text) {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

function litLocalize(command, configPath) {
  const bin = createRequire(import.meta.url).resolve('@lit/localize-tools/bin/lit-localize.js');
  const result = spawnSync(process.execPath, [bin, command, '--config', configPath], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

/** What went wrong in a lit-localize run, without the configuration it echoes. */
function buildFailure(output) {
  const lines = output.split('\n');
  const details = lines.filter((line) => /error|missing|aborting|Placeholder/i.test(line));
  return (details.length ? details : lines.slice(-3)).map((line) => line.trim()).join(' ');
}

function indent(text) {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
