// The one line a Svelte site adds (e.g. to src/app.d.ts) to type-check Candor's tags.
import type {} from 'candor/svelte';
