// A small worker-thread pool that builds raw articles on every core.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { buildOne } from '../io/build-one.ts';
import type { Extracted, Finished } from '../io/extract-one.ts';
import type { Article } from '../types.ts';
import { workerEntry, workerExecArgv } from '../paths.ts';

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

/** Tasks sent ahead to each worker: enough to keep it busy while the main thread reads, few enough that one slow article holds back little. */
const IN_FLIGHT = 4;

export interface WorkerPool {
  /** Queue a task; resolves to what the worker made of it (text serialised in the worker, so the main thread only parses it). */
  run(task: PoolTask): Promise<Extracted>;
  /** Queue an article as canonicalised: resolves to its parts and markdown (see finishOne). */
  finish(article: Article): Promise<Finished>;
  /**
   * Stop every worker but `keep` of those with nothing to do (their memory goes back); the rest go on. With none
   * kept, the pool takes no more `run` or `finish` tasks.
   */
  retire(keep: number): Promise<void>;
  /** Stop the workers (after every queued task has settled). */
  close(): Promise<void>;
}

interface Pending {
  /** The message for the worker (its id is added when sent). */
  job: PoolTask | { article: Article };
  resolve: (result: never) => void;
  reject: (e: Error) => void;
}

/**
 * Start `n` workers at once (each loads the extractor while the caller goes on reading input) and feed them
 * tasks as they are queued, a few at a time per worker, the least busy worker first.
 */
export function startPool(n: number): WorkerPool {
  const entry = workerEntry('ingest');
  const execArgv = workerExecArgv();
  const queue: Pending[] = [];
  let head = 0;
  let nextId = 0;
  let failure: Error | undefined;
  const slots = Array.from({ length: Math.max(1, n) }, () => ({ worker: new Worker(entry, { execArgv }), inFlight: new Map<number, Pending>(), retiring: false }));
  const fail = (e: Error) => {
    if (!failure) failure = e;
    for (const s of slots) {
      for (const p of s.inFlight.values()) p.reject(failure);
      s.inFlight.clear();
    }
    while (head < queue.length) queue[head++].reject(failure);
  };
  const pump = () => {
    while (head < queue.length) {
      let best: (typeof slots)[number] | undefined;
      for (const s of slots) if (s.inFlight.size < IN_FLIGHT && (!best || s.inFlight.size < best.inFlight.size)) best = s;
      if (!best) return;
      const p = queue[head];
      queue[head++] = undefined as unknown as Pending; // let the bytes go
      const id = nextId++;
      best.inFlight.set(id, p);
      best.worker.postMessage({ id, ...p.job });
    }
  };
  for (const s of slots) {
    s.worker.on('message', (m: { ready?: boolean; id?: number }) => {
      if (m.ready || m.id === undefined) return;
      const p = s.inFlight.get(m.id);
      if (!p) return;
      s.inFlight.delete(m.id);
      const { id: _id, ...result } = m;
      p.resolve(result as never);
      pump();
    });
    s.worker.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
    s.worker.on('exit', (code) => {
      if (code !== 0 && !closing && !s.retiring) fail(new Error(`ingest worker exited with code ${code}`));
    });
  }
  let closing = false;
  const queueJob = <R>(job: Pending['job']): Promise<R> => {
    if (failure) return Promise.reject(failure);
    return new Promise<R>((resolve, reject) => {
      queue.push({ job, resolve: resolve as (r: never) => void, reject });
      pump();
    });
  };
  return {
    run: (task) => queueJob<Extracted>({ source: task.source, bytes: task.bytes }),
    finish: (article) => queueJob<Finished>({ article }),
    async retire(keep) {
      if (head < queue.length) return; // tasks still queued: every worker is needed
      const idle = slots.filter((s) => !s.inFlight.size);
      const going = idle.slice(0, Math.max(0, slots.length - Math.max(0, keep)));
      for (const s of going) {
        s.retiring = true; // its exit is no failure
        slots.splice(slots.indexOf(s), 1);
      }
      await Promise.all(going.map((s) => s.worker.terminate()));
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/**
 * Build every task in worker threads; results come back in task order.
 * Each worker loads the extractor once and then takes tasks a few at a time, so slow articles do not stall the rest.
 */
export async function buildInWorkers(tasks: PoolTask[], onDone?: (n: number) => void, workers = workerCount()): Promise<Result[]> {
  if (!tasks.length) return [];
  const pool = startPool(Math.min(workers, tasks.length));
  let done = 0;
  try {
    return await Promise.all(
      tasks.map((t) =>
        pool.run(t).then((r) => {
          onDone?.(++done);
          return JSON.parse(r.json) as Result;
        }),
      ),
    );
  } finally {
    await pool.close();
  }
}

export interface FileWriter {
  /** Write these files atomically, in order, in the writer thread; resolves to whether each was written (false: it already held that). */
  write(jobs: Array<{ file: string; data: string; ifChanged: boolean }>): Promise<boolean[]>;
  close(): Promise<void>;
}

/** A thread that writes generated files (atomically, in the order given) while the main thread computes. */
export function startWriter(): FileWriter {
  const worker = new Worker(workerEntry('writer'), { execArgv: workerExecArgv() });
  const waiting = new Map<number, { resolve: (w: boolean[]) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let failure: Error | undefined;
  let closing = false;
  const fail = (e: Error) => {
    failure ??= e;
    for (const w of waiting.values()) w.reject(failure);
    waiting.clear();
  };
  worker.on('message', (m: { id: number; written?: boolean[]; error?: string }) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.error !== undefined) w.reject(new Error(m.error));
    else w.resolve(m.written!);
  });
  worker.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
  worker.on('exit', (code) => {
    if (!closing) fail(new Error(`writer thread exited with code ${code}`));
  });
  return {
    write(jobs) {
      if (failure) return Promise.reject(failure);
      return new Promise<boolean[]>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, jobs });
      });
    },
    async close() {
      closing = true;
      await worker.terminate();
    },
  };
}
