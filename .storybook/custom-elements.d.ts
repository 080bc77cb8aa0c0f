// The Custom Elements Manifest, analysed when Storybook starts or builds (see main.ts).
declare module 'virtual:candor/custom-elements-manifest' {
  const manifest: import('./manifest.js').Manifest;
  export default manifest;
}
