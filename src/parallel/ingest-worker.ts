// Worker side of the ingest pool: extract articles from raw bytes and make what can be made of each alone
// (src/io/extract-one.ts), posted back as text: serialised here, in parallel, rather than structured-cloned and
// re-serialised for the cache on the main thread.
import { parentPort } from 'node:worker_threads';
import { extractOne } from '../io/extract-one.ts';

export interface Job {
  id: number;
  source: string;
  bytes: Uint8Array;
}

parentPort?.on('message', (job: Job) => {
  parentPort!.postMessage({ id: job.id, ...extractOne(job.source, job.bytes) });
});
parentPort?.postMessage({ ready: true });
