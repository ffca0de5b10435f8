// Worker side of runEleventyInWorker: one Eleventy run, its files posted back.
import { parentPort, workerData } from 'node:worker_threads';
import { runEleventy, articleContext, type EleventyJob, type ArticleSiteData } from './eleventy-run.ts';

const { job, progress, data } = workerData as { job: EleventyJob; progress: boolean; data?: ArticleSiteData };
// Progress goes back every 25 articles (and at the end), not on every page.
const onProgress = progress ? (done: number) => (done % 25 === 0 || done === job.plan.length) && parentPort!.postMessage({ done }) : undefined;
try {
  // The context comes with the job (only what article pages need): the site data is not read and parsed again.
  parentPort!.postMessage({ files: await runEleventy(job, onProgress, data ? articleContext(data, job.pathPrefix) : undefined) });
} catch (e) {
  parentPort!.postMessage({ error: (e as Error).stack ?? String(e) });
}
