// Worker side of startEleventyWorker: load Eleventy, wait for the job, run it, post its files back. Meanwhile it
// answers which of the site's recorded files are missing (see EleventyWorker.missing).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { runEleventy, articleContext, preloadEleventy, type EleventyJob, type ArticleSiteData } from './eleventy-run.ts';

type Job = { job: EleventyJob; progress: boolean; data?: ArticleSiteData };
/** Which of these files (relative to root, one a line) are missing. */
type Presence = { presence: { id: number; root: string; rels: string } };

// Loading starts at once, before the job arrives (the thread that started the worker is busy meanwhile).
const loading = preloadEleventy();
loading.catch(() => undefined); // a failure surfaces through the job's run below

parentPort!.on('message', (m: Job | Presence) => {
  if ('presence' in m) {
    const { id, root, rels } = m.presence;
    const missing = rels ? rels.split('\n').filter((rel) => !existsSync(join(root, rel))) : [];
    parentPort!.postMessage({ presence: id, missing: missing.join('\n') });
  } else void render(m);
});

async function render({ job, progress, data }: Job): Promise<void> {
  // Progress goes back every 25 articles (and at the end), not on every page.
  const onProgress = progress ? (done: number) => (done % 25 === 0 || done === job.plan.length) && parentPort!.postMessage({ done }) : undefined;
  try {
    await loading;
    // The context comes with the job (only what article pages need): the site data is not read and parsed again.
    parentPort!.postMessage({ files: await runEleventy(job, onProgress, data ? articleContext(data, job.pathPrefix) : undefined) });
  } catch (e) {
    parentPort!.postMessage({ error: (e as Error).stack ?? String(e) });
  }
  // The one job is done: let the thread end (unless it is kept for the next build: serve).
  if (!(workerData as { keep?: boolean } | undefined)?.keep) parentPort!.close();
}
