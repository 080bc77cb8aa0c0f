// How a site's bundler ships Candor, for the size check and the bench alike: one ESM
// bundle with Lit inside, minified, dynamic imports (the locale chunks) split into lazy
// chunks the page loads only when needed.
export const SITE_BUNDLE = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
};
