// Where dateline's own files are. One answer whether this code runs from the TypeScript sources (tsx, vitest)
// or compiled into dist/ by scripts/compile.mjs (bundled into chunks, so `import.meta.url` no longer says
// where a source file lives): the package root is the folder above this module holding dateline's
// package.json, and every package path (models, layouts, sources to hash) is taken from it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(import.meta.url);

/** True when this code runs compiled (dist/…, from scripts/compile.mjs); false when it runs from src/*.ts. */
export const COMPILED = !here.endsWith('.ts');

function findRoot(): string {
  for (let d = dirname(here); ; ) {
    try {
      if ((JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')) as { name?: string }).name === 'dateline') return d;
    } catch {
      // no package.json here (or not JSON): go up
    }
    const up = dirname(d);
    if (up === d) return join(dirname(here), '..'); // not found: src/ and dist/ both sit in the package root
    d = up;
  }
}

/** The package root: the folder of dateline's package.json. */
export const PACKAGE_ROOT = findRoot();

/** A path inside the package (`packagePath('models', 'cities.tsv')`). */
export const packagePath = (...parts: string[]): string => join(PACKAGE_ROOT, ...parts);

/** A file URL inside the package. */
export const packageUrl = (...parts: string[]): URL => pathToFileURL(packagePath(...parts));

/** The TypeScript sources (hashed to key caches and page versions, also when running compiled). */
export const SRC_DIR = packagePath('src');

/** Page layouts and site assets (sources). */
export const LAYOUTS_DIR = packagePath('layouts');

/** The folder of the compiled modules when running compiled (the chunks sit beside the entry points). */
const DIST_DIR = dirname(here);

export type WorkerName = 'ingest' | 'writer' | 'eleventy';

const SOURCE_ENTRY: Record<WorkerName, string> = {
  ingest: 'parallel/worker-entry.js',
  writer: 'parallel/writer-entry.js',
  eleventy: 'site/eleventy-entry.js',
};

/**
 * The module a worker thread starts: compiled `dist/<name>-worker.js` when this code runs compiled (the same
 * compiled code, no TypeScript loader), else the entry in src/ that loads the TypeScript worker through tsx.
 */
export function workerEntry(name: WorkerName): URL {
  return COMPILED ? pathToFileURL(join(DIST_DIR, `${name}-worker.js`)) : pathToFileURL(join(SRC_DIR, SOURCE_ENTRY[name]));
}

/** Options for `new Worker(workerEntry(…))`: compiled workers map stack traces to src/ like the main thread. */
export function workerExecArgv(): string[] {
  return COMPILED && process.sourceMapsEnabled ? ['--enable-source-maps'] : [];
}

/**
 * Eleventy's configuration file: compiled `dist/eleventy.config.js` when running compiled (it imports the same
 * chunk as this code, so its article plugin is the module instance the render plan is set on), else `.eleventy.ts`.
 */
export const ELEVENTY_CONFIG = COMPILED ? join(DIST_DIR, 'eleventy.config.js') : packagePath('.eleventy.ts');
