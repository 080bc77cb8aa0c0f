// Shared by the demo's Node-side tests: load the example backend (TypeScript, through Vite's
// module runner, as scripts/serve-demo.mjs does), serve it on a free 127.0.0.1 port, start
// the real demo server, and make scratch folders that are removed afterwards.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The backend module, loaded fresh (a new module instance each call, like a restarted server). */
export async function loadBackendModule() {
  const { module } = await runnerImport(`${ROOT}demo/server/backend.ts`, { configFile: false, logLevel: 'error' });
  return module;
}

/** A scratch folder, removed by `remove()`. */
export function scratchDir(prefix = 'candor-demo-') {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * The backend alone on a plain node:http server at 127.0.0.1 on a free port. `problems`
 * collects what it reports (a moved-aside file, a 500).
 */
export async function serveBackend(options) {
  const module = await loadBackendModule();
  const problems = [];
  const backend = module.createBackend({ report: (message) => problems.push(message), ...options });
  const server = createServer((request, response) => backend.handle(request, response));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    backend,
    problems,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await backend.close();
    },
  };
}

/** A client for one visitor: JSON in and out, the visitor cookie on every request. */
export function visitorClient(base, visitorId) {
  return async function call(method, path, body, { headers = {}, raw = false } = {}) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(visitorId ? { cookie: `trailhead_visitor=${visitorId}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      // Not JSON: the test looks at `text`.
    }
    return { status: response.status, headers: response.headers, json, text, raw: raw ? response : undefined };
  };
}

/**
 * Starts the real demo server (`node scripts/serve-demo.mjs`, what `npm start` runs) on a free
 * port with its own data file. It stops with `stop()`, and by itself if this process goes
 * away (its IPC channel closes).
 */
export async function startDemoServer({ dataFile, latencyMs = 0, timeoutMs = 60_000 }) {
  const port = await freePort();
  const child = spawn(process.execPath, [`${ROOT}scripts/serve-demo.mjs`], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), CANDOR_DEMO_DATA: dataFile, CANDOR_DEMO_LATENCY_MS: String(latencyMs), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const stopOnExit = () => child.kill('SIGTERM');
  process.on('exit', stopOnExit);

  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo server did not start in ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
    const look = () => {
      const match = /Candor demo: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', look);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the demo server exited (${signal ?? code}) before it started:\n${output}`));
    });
  });

  return {
    url,
    output: () => output,
    /** Sends SIGTERM and resolves with how it exited ({ code, signal }). */
    stop: () =>
      new Promise((resolve) => {
        process.off('exit', stopOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return resolve({ code: child.exitCode, signal: child.signalCode });
        child.once('exit', (code, signal) => resolve({ code, signal }));
        child.kill('SIGTERM');
      }),
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
