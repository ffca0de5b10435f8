// A small worker-thread pool that builds raw articles on every core.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { buildOne } from '../io/ingest-dir.ts';

type Result = ReturnType<typeof buildOne>;

export interface PoolTask {
  source: string;
  bytes: Uint8Array;
}

/** Number of workers to use: every core, or DATELINE_WORKERS when set. */
export function workerCount(): number {
  const env = Number(process.env.DATELINE_WORKERS);
  return env > 0 ? Math.floor(env) : availableParallelism();
}

/**
 * Build every task in worker threads; results come back in task order.
 * Each worker loads the extractor once and then takes tasks one at a time, so slow articles do not stall the rest.
 */
export async function buildInWorkers(tasks: PoolTask[], onDone?: (n: number) => void, workers = workerCount()): Promise<Result[]> {
  const results: Result[] = new Array(tasks.length);
  if (!tasks.length) return results;
  const n = Math.max(1, Math.min(workers, tasks.length));
  let next = 0;
  let done = 0;
  const entry = new URL('./worker-entry.js', import.meta.url);
  await Promise.all(
    Array.from({ length: n }, () =>
      new Promise<void>((resolve, reject) => {
        const w = new Worker(entry, { execArgv: [] });
        const feed = () => {
          if (next >= tasks.length) {
            void w.terminate().then(() => resolve());
            return;
          }
          const id = next++;
          w.postMessage({ id, source: tasks[id].source, bytes: tasks[id].bytes });
        };
        w.on('message', (m: { ready?: boolean; id?: number; result?: Result }) => {
          if (m.ready) return feed();
          results[m.id!] = m.result!;
          onDone?.(++done);
          feed();
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (code !== 0 && next < tasks.length) reject(new Error(`ingest worker exited with code ${code}`));
        });
      }),
    ),
  );
  return results;
}
