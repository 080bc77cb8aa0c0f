// The one line a Vue site adds (e.g. to its env.d.ts) to type-check Candor's tags.
import type {} from 'candor/vue';
