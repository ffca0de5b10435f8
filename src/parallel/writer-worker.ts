// Writer thread: atomic writes of generated files, so the main thread goes on computing while the file system works.
import { parentPort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { writeAtomicSync } from '../io/atomic.ts';

export interface WriteJob {
  file: string;
  data: string;
  /** The file may already exist: leave it as it is when it holds exactly `data`. */
  ifChanged: boolean;
}

const made = new Set<string>();

parentPort?.on('message', (m: { id: number; jobs: WriteJob[] }) => {
  try {
    const written = m.jobs.map((j) => {
      const bytes = Buffer.from(j.data);
      if (j.ifChanged) {
        try {
          if (readFileSync(j.file).equals(bytes)) return false;
        } catch {
          // missing: write it
        }
      }
      writeAtomicSync(j.file, bytes, made);
      return true;
    });
    parentPort!.postMessage({ id: m.id, written });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).message ?? String(e) });
  }
});
