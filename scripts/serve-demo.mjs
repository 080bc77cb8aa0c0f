// `npm start`: the demo shop (demo/index.html, importing the library from src/) and the site
// owner's view (demo/owner.html), with the example personalization backend (demo/server/)
// answering /api/* in front of Vite's dev server. One process, 127.0.0.1 only, live reload
// for the pages; installs nothing and fetches nothing.
//
//   PORT                      the port (default 5173; the next free one when taken)
//   CANDOR_DEMO_DATA          the backend's JSON data file (default demo/.data/backend.json)
//   CANDOR_DEMO_LATENCY_MS    pretend latency of each backend answer (default 300), so loading states show
//
// Stops on Ctrl+C or SIGTERM after the last write reaches the file. Started by a test with
// an IPC channel, it also stops when that test process goes away.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, runnerImport } from 'vite';

const root = fileURLToPath(new URL('../', import.meta.url));
const dataFile = resolve(process.env.CANDOR_DEMO_DATA || `${root}demo/.data/backend.json`);
const latency = Number(process.env.CANDOR_DEMO_LATENCY_MS ?? 300);

// The backend is TypeScript like the rest of the demo: Vite's module runner loads it in Node.
const { module: backendModule } = await runnerImport(`${root}demo/server/backend.ts`, { configFile: false, logLevel: 'error' });
const backend = backendModule.createBackend({ dataFile, latencyMs: Number.isFinite(latency) && latency >= 0 ? latency : 300 });

const server = await createServer({
  configFile: `${root}vite.config.ts`,
  root: `${root}demo`,
  server: {
    host: '127.0.0.1',
    port: Number(process.env.PORT) || 5173,
    strictPort: false,
    // Writes to the data file are not page changes.
    watch: { ignored: ['**/.data/**', dataFile] },
    // Vite's defaults, plus the backend's data (the backend also refuses any path through .data).
    fs: { deny: ['.env', '.env.*', '*.{crt,pem}', '**/.git/**', '**/.data/**', dataFile] },
  },
  plugins: [
    {
      name: 'candor-demo-backend',
      // Before Vite's own middlewares, so /api/* and /.data/* never reach the static files.
      configureServer: (vite) => void vite.middlewares.use(backend.handle),
      // Vite closes its plugins when the server closes (also on its own SIGTERM handling):
      // the last write reaches the file before the process exits.
      closeBundle: () => backend.close(),
    },
  ],
});
await server.listen();
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${server.config.server.port}/`;
console.log(`Candor demo: ${url}  (Ctrl+C to stop)`);
console.log(`Site owner view: ${url}owner.html`);
console.log(`Example backend data: ${backend.dataFile}`);

// SIGTERM is Vite's own (close, then exit 143). Ctrl+C and a vanished parent close the same way.
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
}
process.on('SIGINT', stop);
if (process.connected) process.on('disconnect', stop);
