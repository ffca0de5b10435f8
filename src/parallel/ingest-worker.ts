// Worker side of the ingest pool: extract articles from raw bytes and make what can be made of each alone
// (src/io/extract-one.ts), posted back as text: serialised here, in parallel, rather than structured-cloned and
// re-serialised for the cache on the main thread.
import { parentPort } from 'node:worker_threads';
import { extractOne, finishOne } from '../io/extract-one.ts';
import { researchPieces, type ResearchJob } from '../io/research-pieces.ts';
import type { Article } from '../types.ts';

/** A raw file to extract, an article as canonicalised to finish (see finishOne), or the research views to make. */
export type Job = { id: number } & ({ source: string; bytes: Uint8Array } | { article: Article } | { research: ResearchJob });

parentPort?.on('message', (job: Job) => {
  if ('research' in job) {
    researchPieces(job.research).then(
      (texts) => {
        // Sent as bytes, handed over rather than copied: the pieces are tens of megabytes in a large archive, and a
        // copy of each on both sides of the message at once made the ingest's peak memory.
        const utf8 = new TextEncoder();
        const pieces = Object.fromEntries(Object.entries(texts).map(([k, t]) => [k, utf8.encode(t)]));
        parentPort!.postMessage({ id: job.id, pieces }, Object.values(pieces).map((b) => b.buffer));
      },
      (e: unknown) => parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) }),
    );
    return;
  }
  parentPort!.postMessage({ id: job.id, ...('article' in job ? finishOne(job.article) : extractOne(job.source, job.bytes)) });
});
parentPort?.postMessage({ ready: true });
