// What a long-running process (`serve`) keeps between builds of one archive, so that a rebuild after an edit does
// not parse again what it parsed last time: the extraction cache's lines, the site data's pieces, an Eleventy worker.
// Everything kept is checked against the files before it is used (a line by its bytes, a piece by its file name,
// which is a hash of its text, and its size), so a file changed by anyone else is read again; nothing kept is ever
// changed by a build (kept values are shared by later builds).
import type { EleventyWorker } from '../site/eleventy-run.ts';
import type { LineMemo } from './extract-cache.ts';
import type { PieceMemo } from './site-data.ts';
import type { StateMemo } from './site-manifest.ts';

export interface WarmState {
  /** The extraction cache's lines parsed in an earlier build. */
  cacheLines: LineMemo;
  /** Site data pieces parsed or written in an earlier build. */
  pieces: PieceMemo;
  /** The site folder's record as this process last published it. */
  site: StateMemo;
  /** The Eleventy worker kept for the next build's article pages (see src/build.ts). */
  eleventy?: EleventyWorker;
}

/** An empty warm state for a process that builds one archive again and again. */
export function createWarmState(): WarmState {
  return { cacheLines: { lines: new Map() }, pieces: new Map(), site: {} };
}

/** Let go of what a warm state holds (its Eleventy worker stops). */
export async function closeWarmState(warm: WarmState): Promise<void> {
  warm.cacheLines.lines.clear();
  warm.cacheLines.file = undefined;
  warm.pieces.clear();
  warm.site = {};
  const w = warm.eleventy;
  warm.eleventy = undefined;
  await w?.close();
}
