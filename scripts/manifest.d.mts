// Types of scripts/manifest.mjs for the TypeScript that imports it (.storybook/main.ts).
export interface Manifest {
  schemaVersion: string;
  modules: Array<{ kind: string; path: string; declarations?: Array<Record<string, unknown>> }>;
}
export function analyzeElements(): Promise<Manifest>;
export function writeManifest(outDir: string): Promise<Manifest>;
export function manifestProblems(manifest: Manifest): string[];
export function customElements(manifest: Manifest): Array<Record<string, unknown> & { tagName: string }>;
export function publicFields(element: Record<string, unknown>): Array<Record<string, unknown>>;
export function themeTokens(source: string): Array<{ name: string; description: string; default: string; syntax?: string }>;
