// Worker side of the ingest pool: extract articles from raw bytes and make what can be made of each alone
// (src/io/extract-one.ts), posted back as text: serialised here, in parallel, rather than structured-cloned and
// re-serialised for the cache on the main thread.
import { parentPort } from 'node:worker_threads';
import { extractOne, finishOne } from '../io/extract-one.ts';
import type { Article } from '../types.ts';

/** A raw file to extract, or an article as canonicalised to finish (see finishOne). */
export type Job = { id: number } & ({ source: string; bytes: Uint8Array } | { article: Article });

parentPort?.on('message', (job: Job) => {
  parentPort!.postMessage({ id: job.id, ...('article' in job ? finishOne(job.article) : extractOne(job.source, job.bytes)) });
});
parentPort?.postMessage({ ready: true });
