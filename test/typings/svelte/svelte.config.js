// svelte-check looks for a Svelte config beside the component; without one it reads the
// repository's vite.config.ts, which has no Svelte plugin. Nothing to configure here.
export default {};
