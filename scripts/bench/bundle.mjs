// bench/build/candor-bundle.js: the banner and the privacy center from the built package
// (bench/pages/candor-bundle-entry.js imports dist/define/*), bundled with Lit and minified
// by esbuild — what a site that installs Candor from npm ships for a consent banner. Dynamic
// imports (the locales) become lazy chunks beside it, as any site bundler makes them.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { SITE_BUNDLE } from '../site-bundle.mjs';

const ENTRY = 'bench/pages/candor-bundle-entry.js';
const REQUIRED = ['dist/define/candor-banner.js', 'dist/define/candor-preferences.js'];

export async function bundleCandor(root) {
  const missing = REQUIRED.filter((file) => !existsSync(join(root, file)));
  if (missing.length) throw new Error(`${missing.join(', ')} missing: build first (drop --no-build, or npm run build)`);
  rmSync(join(root, 'bench/build'), { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { 'candor-bundle': ENTRY },
    ...SITE_BUNDLE,
    outdir: 'bench/build',
    chunkNames: 'chunks/[name]-[hash]',
    // dist/ keeps side-effect-free imports that package.json "sideEffects" lets a bundler drop;
    // esbuild warns about each one. Only errors matter here.
    logLevel: 'error',
  });
}
