// Giving back memory between the phases of a build. The ingest leaves most of what it allocated as garbage (a cold
// ingest of 20,000 articles: 1.1 GiB of heap in use when it returns, 124 MiB of it live), and V8 would let the render
// grow the heap on top of that before collecting: ingest and render of a new 20,000-article archive in one process
// peaked at 1.5 to 2.3 GiB, and at 1.3 to 1.4 GiB with a full collection in between (65-70 ms).
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Heap in use above which a phase boundary collects: below it a collection costs more than it saves. */
export const COLLECT_ABOVE = 768 * 1024 * 1024;

let gc: (() => void) | null | undefined;

/**
 * Run a full garbage collection when more than `above` bytes of heap are in use; whether it ran. V8 offers no call for
 * it without `--expose-gc`, which is set here for a new context (the way tools that manage their memory get `gc`).
 */
export function collectGarbage(above = COLLECT_ABOVE): boolean {
  if (getHeapStatistics().used_heap_size <= above) return false;
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = (runInNewContext('gc') as (() => void) | undefined) ?? null;
    } catch {
      gc = null;
    }
  }
  if (!gc) return false;
  gc();
  return true;
}
