// One Eleventy run over the article pages of a render plan, in this thread or in a worker thread.
// The worker lets Eleventy render articles on one core while the listing pages are rendered on the other.
import { hash } from 'node:crypto';
import { dirname, join, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { EMPTY_INDEX, makeSiteContext, type SiteContext } from './context.ts';
import type { SiteSettings } from './settings.ts';
import type { ArticleSummary } from './archive-index.ts';
import { ELEVENTY_CONFIG, workerEntry, workerExecArgv } from '../paths.ts';
import { collectGarbage } from '../io/heap.ts';

/** Eleventy's configuration: `.eleventy.ts`, or its compiled form when this code runs compiled (src/paths.ts). */
export const CONFIG_PATH = ELEVENTY_CONFIG;

export interface EleventyJob {
  /** Markdown folder (Eleventy's input). */
  input: string;
  /** Where Eleventy writes (the staging folder). */
  output: string;
  pathPrefix: string;
  quiet: boolean;
  /** Article ids to render. */
  plan: string[];
  /** Articles per Eleventy run (default ELEVENTY_BATCH). */
  batch?: number;
}

/** Articles per Eleventy run. */
export const ELEVENTY_BATCH = 1000;
/** Heap in use after a batch above which it is collected (see runEleventy). */
const BATCH_COLLECT_ABOVE = 384 * 1024 * 1024;

/** What article pages are made from besides their markdown: settings and every article's summary (neighbours, related). */
export interface ArticleSiteData {
  settings: SiteSettings;
  articles: ArticleSummary[];
}

/** The context article pages need, from the part of the site data a worker is given. */
export function articleContext(data: ArticleSiteData, pathPrefix: string): SiteContext {
  return makeSiteContext({ settings: data.settings, index: { ...EMPTY_INDEX, articles: data.articles } }, pathPrefix);
}

/** A file Eleventy wrote: path relative to the output folder, and the sha1 of its content. */
export interface EleventyFile {
  rel: string;
  hash: string;
}

/** Render the plan's articles with Eleventy in this thread; `onProgress` gets the number rendered so far. */
export async function runEleventy(job: EleventyJob, onProgress?: (done: number) => void, ctx?: SiteContext): Promise<EleventyFile[]> {
  const out: EleventyFile[] = [];
  let done = 0;
  const batch = job.batch ?? ELEVENTY_BATCH;
  const root = resolve(job.output);
  // Loaded here, not at start-up: only a thread that renders article pages needs Eleventy (~0.3 s to load).
  // Without its ESM cache-busting resolver, which only Eleventy's own watch mode uses: on Node < 22.15 it is a
  // loader-hooks thread that every later import in the process waits on.
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= '1';
  const { Eleventy } = await import('@11ty/eleventy');
  // The article plugin (markdown-it…) too; it is the module instance the compiled Eleventy config imports.
  const { setRenderPlan } = await import('./article-plugin.ts');
  // Batches keep Eleventy's memory (its template map and every page's content until the run ends) bounded and
  // its cost per article flat as the archive grows.
  for (let i = 0; i < job.plan.length; i += batch) {
    setRenderPlan(job.plan.slice(i, i + batch), onProgress ? () => onProgress(++done) : undefined, ctx);
    try {
      const elev = new Eleventy(job.input, job.output, { configPath: CONFIG_PATH, pathPrefix: job.pathPrefix, quietMode: job.quiet });
      elev.setIsVerbose?.(false);
      // Quiet means quiet: Eleventy prints its "Wrote N files" line even in quiet mode (errors still throw).
      if (job.quiet) (elev as unknown as { disableLogger?: () => void }).disableLogger?.();
      const results = ((await elev.write()) as unknown as Array<Array<{ outputPath?: string; content?: string }>>).flat(2);
      for (const r of results) {
        if (!r?.outputPath || typeof r.content !== 'string') continue;
        out.push({ rel: resolve(r.outputPath).slice(root.length + 1).split(sep).join('/'), hash: hash('sha1', r.content, 'hex') });
      }
    } finally {
      setRenderPlan(undefined);
      // Eleventy keeps every template it compiled, keyed by path and text, in a cache global to the process (for watch
      // mode): dropped after each batch, or a thread that renders 20,000 articles holds all their compiled bodies.
      (await eleventyEvents()).emit('eleventy.compileCacheReset');
    }
    // What the batch left is garbage: collected now when the heap is large, before the next batch grows it further.
    collectGarbage(BATCH_COLLECT_ABOVE);
  }
  return out;
}

/**
 * Eleventy's process-wide event bus (the one its template compile cache listens to). Not among the package's exports,
 * so it is loaded by file path, beside the package's entry point: the same module instance Eleventy itself uses.
 */
async function eleventyEvents(): Promise<{ emit(name: string): unknown }> {
  const entry = createRequire(import.meta.url).resolve('@11ty/eleventy'); // …/@11ty/eleventy/src/EleventyCommonJs.cjs
  const mod = (await import(pathToFileURL(join(dirname(entry), 'EventBus.js')).href)) as { default: { emit(name: string): unknown } };
  return mod.default;
}

/** Load what an Eleventy run needs (Eleventy, the article plugin and Eleventy's configuration), ahead of a job. */
export async function preloadEleventy(): Promise<void> {
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= '1';
  await import('@11ty/eleventy');
  await import('./article-plugin.ts');
  await import(pathToFileURL(CONFIG_PATH).href);
}

/** A worker thread that renders one Eleventy job; started ahead of it, it loads Eleventy while it waits. */
export interface EleventyWorker {
  /** Render the plan's articles; rejects with the worker's error. Once per worker, unless it was started to be kept. */
  run(job: EleventyJob, onProgress?: (done: number) => void, data?: ArticleSiteData): Promise<EleventyFile[]>;
  /** Whether it can take a job (not failed, and kept or not yet given one). */
  usable(): boolean;
  /**
   * Which of `rels` (paths relative to `root`) are missing, asked on the worker's thread: a rebuild keeps tens of
   * thousands of pages only if they are still there, and the worker, idle while the caller ingests, asks.
   */
  missing(root: string, rels: string[]): Promise<Set<string>>;
  /** Stop the worker (when it was never given a job, or to give up on it). */
  close(): Promise<void>;
}

/**
 * Start an Eleventy worker thread now: it loads Eleventy and the article plugin (about a second of CPU) while this
 * thread does something else, such as ingesting, and renders the job `run` gives it. A worker started with `keep`
 * takes one job after another (a process that rebuilds the same archive: serve) until closed.
 */
export function startEleventyWorker(opts: { keep?: boolean } = {}): EleventyWorker {
  const keep = !!opts.keep;
  const w = new Worker(workerEntry('eleventy'), { workerData: { preload: true, keep }, execArgv: workerExecArgv() });
  let onProgress: ((done: number) => void) | undefined;
  let settle: { resolve: (files: EleventyFile[]) => void; reject: (e: Error) => void } | undefined;
  let failure: Error | undefined;
  let started = false;
  /** Presence questions (see `missing`) waiting for their answer, by id. */
  const asked = new Map<number, { resolve: (missing: Set<string>) => void; reject: (e: Error) => void }>();
  let nextAsk = 0;
  const fail = (e: Error) => {
    failure ??= e;
    for (const a of asked.values()) a.reject(e);
    asked.clear();
    const s = settle;
    settle = undefined;
    s?.reject(e);
  };
  w.on('message', (m: { files?: EleventyFile[]; error?: string; done?: number; presence?: number; missing?: string }) => {
    if (m.done !== undefined) return onProgress?.(m.done);
    if (m.presence !== undefined) {
      const a = asked.get(m.presence);
      asked.delete(m.presence);
      if (!asked.size && !started) w.unref();
      return a?.resolve(new Set(m.missing ? m.missing.split('\n') : []));
    }
    const s = settle;
    settle = undefined;
    if (keep) {
      started = false; // ready for the next job
      if (!asked.size) w.unref();
    }
    if (m.files) s?.resolve(m.files);
    else fail(new Error(m.error ?? 'Eleventy worker failed')); // (a kept worker that failed is not used again)
  });
  w.on('error', (e) => fail(e));
  w.on('exit', (code) => fail(new Error(`Eleventy worker exited with code ${code}`)));
  let closed = false;
  // An idle worker waiting for a job must not keep the process alive.
  w.unref();
  return {
    usable: () => !failure && !closed && (keep || !started),
    run(job, progress, data) {
      if (started) return Promise.reject(new Error(keep ? 'an Eleventy worker renders one job at a time' : 'an Eleventy worker renders one job'));
      started = true;
      if (failure) return Promise.reject(failure);
      onProgress = progress;
      w.ref();
      return new Promise<EleventyFile[]>((resolvePromise, reject) => {
        settle = { resolve: resolvePromise, reject };
        w.postMessage({ job, progress: !!progress, data });
      });
    },
    missing(root, rels) {
      if (failure) return Promise.reject(failure);
      if (rels.some((r) => r.includes('\n'))) return Promise.reject(new Error('a site path with a line break'));
      const id = nextAsk++;
      w.ref();
      return new Promise<Set<string>>((resolvePromise, reject) => {
        asked.set(id, { resolve: resolvePromise, reject });
        w.postMessage({ presence: { id, root, rels: rels.join('\n') } });
      });
    },
    async close() {
      closed = true;
      await w.terminate();
    },
  };
}

/** Render the plan's articles with Eleventy in a worker thread; rejects with the worker's error. */
export function runEleventyInWorker(job: EleventyJob, onProgress?: (done: number) => void, data?: ArticleSiteData): Promise<EleventyFile[]> {
  const w = startEleventyWorker();
  return w.run(job, onProgress, data).finally(() => void w.close());
}
