// Types of scripts/strip-msg-desc.mjs for the TypeScript that imports it (vite.config.ts).
import type { Plugin as VitePlugin } from 'vite';
export function stripMsgDesc(code: string, fileName: string): string;
export function stripMsgDescVite(): VitePlugin;
