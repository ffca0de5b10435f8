// Worker side of runEleventyInWorker: one Eleventy run, its files posted back.
import { parentPort, workerData } from 'node:worker_threads';
import { runEleventy, type EleventyJob } from './eleventy-run.ts';

const { job, progress } = workerData as { job: EleventyJob; progress: boolean };
// Progress goes back every 25 articles (and at the end), not on every page.
const onProgress = progress ? (done: number) => (done % 25 === 0 || done === job.plan.length) && parentPort!.postMessage({ done }) : undefined;
try {
  parentPort!.postMessage({ files: await runEleventy(job, onProgress) });
} catch (e) {
  parentPort!.postMessage({ error: (e as Error).stack ?? String(e) });
}
