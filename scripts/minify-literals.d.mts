// Types of scripts/minify-literals.mjs for the TypeScript that imports it (vite.config.ts).
import type { Plugin as VitePlugin } from 'vite';
import type { SourceMap } from 'magic-string';
export function minifyLiterals(code: string, fileName: string): { code: string; map: SourceMap | null };
export function minifyLiteralsVite(): VitePlugin;
export function shippedSourceEsbuild(): { name: string; setup(build: unknown): void };
export function minifyLiteralsWtr(): { name: string; serverStart(args: { config: { rootDir: string } }): void; transform(context: unknown): { body: string } | undefined };
