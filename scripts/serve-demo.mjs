// `npm start`: the demo page (demo/index.html, importing the library from src/) on 127.0.0.1,
// with live reload. Installs nothing and fetches nothing. PORT picks another port.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('../', import.meta.url));
const server = await createServer({
  configFile: `${root}vite.config.ts`,
  root: `${root}demo`,
  server: { host: '127.0.0.1', port: Number(process.env.PORT) || 5173, strictPort: false },
});
await server.listen();
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${server.config.server.port}/`;
console.log(`Candor demo: ${url}  (Ctrl+C to stop)`);
