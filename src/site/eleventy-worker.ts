// Worker side of runEleventyInWorker: one Eleventy run, its files posted back.
import { parentPort, workerData } from 'node:worker_threads';
import { runEleventy, type EleventyJob } from './eleventy-run.ts';

try {
  parentPort!.postMessage({ files: await runEleventy(workerData as EleventyJob) });
} catch (e) {
  parentPort!.postMessage({ error: (e as Error).stack ?? String(e) });
}
