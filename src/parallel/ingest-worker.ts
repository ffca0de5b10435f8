// Worker side of the ingest pool: build articles from raw bytes, post results back as JSON text
// (serialised here, in parallel, rather than structured-cloned and re-serialised for the cache on the main thread).
import { parentPort } from 'node:worker_threads';
import { buildOne } from '../io/ingest-dir.ts';

export interface Job {
  id: number;
  source: string;
  bytes: Uint8Array;
}

parentPort?.on('message', (job: Job) => {
  parentPort!.postMessage({ id: job.id, json: JSON.stringify(buildOne(job.source, job.bytes)) });
});
parentPort?.postMessage({ ready: true });
