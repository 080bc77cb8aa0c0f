// The example backend's data file: one JSON document, read once at start and written after
// every change. A write goes to a temporary file beside it that is then renamed over it, so
// a crash mid-write leaves the old file whole. A file that cannot be read or fails its
// checks is moved aside (never deleted) and reported, and the backend starts empty.
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { VISITOR_ID } from './api-types.js';
import { RequestError, checkObject, type Rule } from './validate.js';
import { VISITOR_RECORD, type VisitorRecord } from './visitor.js';

export interface StoredData {
  version: 1;
  visitors: Record<string, VisitorRecord>;
}

const FILE_SCHEMA = {
  version: { type: 'number', min: 1, max: 1 },
  visitors: { type: 'map', key: VISITOR_ID, schema: VISITOR_RECORD },
} as const satisfies Record<string, Rule>;

export class DataFile {
  readonly data: StoredData;
  /** What went wrong reading the file at start (it was moved aside), or null. */
  readonly problem: string | null;
  private queue: Promise<void> = Promise.resolve();
  private writes = 0;

  constructor(
    readonly path: string,
    report: (message: string) => void = (message) => console.error(message),
  ) {
    const { data, problem } = load(path);
    this.data = data;
    this.problem = problem;
    if (problem) report(problem);
  }

  /**
   * Writes the data as it is now. Writes run one after another, so the file always ends with
   * the latest state; the promise settles when this state is on disk.
   */
  save(): Promise<void> {
    const write = this.queue.then(() => this.write());
    this.queue = write.catch(() => undefined);
    return write;
  }

  /** Waits for every write asked for so far. */
  flush(): Promise<void> {
    return this.queue;
  }

  private async write(): Promise<void> {
    const text = `${JSON.stringify(this.data, null, 2)}\n`;
    mkdirSync(dirname(this.path), { recursive: true });
    this.writes += 1;
    const temporary = join(dirname(this.path), `.${basename(this.path)}.${process.pid}.${this.writes}.tmp`);
    try {
      const handle = await open(temporary, 'w', 0o600);
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, this.path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}

function load(path: string): { data: StoredData; problem: string | null } {
  const empty = (): StoredData => ({ version: 1, visitors: {} });
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { data: empty(), problem: null };
    return { data: empty(), problem: moveAside(path, `it could not be read (${(error as Error).message})`) };
  }
  try {
    const value: unknown = JSON.parse(text);
    checkObject(value, FILE_SCHEMA);
    return { data: value as StoredData, problem: null };
  } catch (error) {
    const reason = error instanceof RequestError ? `it fails its checks (${error.message})` : `it is not valid JSON (${(error as Error).message})`;
    return { data: empty(), problem: moveAside(path, reason) };
  }
}

/** Renames a bad data file to `<name>.corrupt-<time>` and says so. */
function moveAside(path: string, reason: string): string {
  const aside = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(path, aside);
    return `Example backend: ${path} was not usable: ${reason}. It was moved to ${aside}; starting with no data.`;
  } catch (error) {
    return `Example backend: ${path} was not usable: ${reason}. Moving it aside failed too (${(error as Error).message}); starting with no data, and the next write replaces it.`;
  }
}
