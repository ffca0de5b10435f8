// Compile dateline's TypeScript sources into dist/ with esbuild, so that the CLI and its worker threads start
// without a TypeScript loader (tsx costs ~1 s in every process and thread). Plain JavaScript: bin/dateline.js
// imports it before anything else is loaded.
//
//   node scripts/compile.mjs            compile if the sources changed since the last compile
//   node scripts/compile.mjs --force    compile anyway
//
// dist/ is fresh when its .stamp matches a hash over the path, size and mtime of every file the compile reads
// (src/**, layouts/**, .eleventy.ts, package.json, tsconfig.json, this script): checking costs a few ms.
// A compile writes into a temporary folder beside dist/ and renames it into place, so concurrent or killed
// compiles never leave a half-written dist/. DATELINE_DIST=<folder inside the package> compiles elsewhere
// (the tests use it); the compiled code finds the package root by walking up to dateline's package.json.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The compiled output folder: DATELINE_DIST, else dist/ in the package. */
export function distDir() {
  return process.env.DATELINE_DIST ? resolve(process.env.DATELINE_DIST) : join(ROOT, 'dist');
}

/** Entry points: output name (in dist/) → source. */
export const ENTRIES = {
  cli: 'src/cli.ts',
  index: 'src/index.ts',
  'ingest-worker': 'src/parallel/ingest-worker.ts',
  'writer-worker': 'src/parallel/writer-worker.ts',
  'eleventy-worker': 'src/site/eleventy-worker.ts',
  'eleventy.config': '.eleventy.ts',
};

/** Everything the compile reads from the package (folders are walked; dot-entries skipped). */
const INPUTS = ['src', 'layouts', '.eleventy.ts', 'package.json', 'tsconfig.json', 'scripts/compile.mjs'];

/** Hash of the path, size and mtime of every input file. */
export function sourceStamp(root = ROOT) {
  const h = createHash('sha1');
  const add = (rel) => {
    const p = join(root, rel);
    let s;
    try {
      s = statSync(p);
    } catch {
      return h.update(`${rel}\tmissing\n`);
    }
    if (!s.isDirectory()) return h.update(`${rel}\t${s.size}\t${s.mtimeMs}\n`);
    for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) add(`${rel}/${name}`);
  };
  for (const rel of INPUTS) add(rel);
  return h.digest('hex');
}

function readStamp(dist) {
  try {
    return readFileSync(join(dist, '.stamp'), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Whether `dist` holds a compile of the current sources. */
export function isFresh(dist = distDir(), stamp = sourceStamp()) {
  return readStamp(dist) === stamp;
}

const tmpName = (dist, what) => join(dirname(dist), `.${basename(dist)}.${what}-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`);

/**
 * Compile the sources into `dist` (through a temporary folder renamed into place). Throws when esbuild is
 * missing or the folder is not writable; the caller can then run the sources through tsx instead.
 */
export async function compile(dist = distDir(), stamp = sourceStamp()) {
  const { build, stop } = await import('esbuild');
  const tmp = tmpName(dist, 'tmp');
  try {
    await build({
      absWorkingDir: ROOT,
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([out, src]) => [out, join(ROOT, src)])),
      outdir: tmp,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // Node 20 reads these regular expressions natively; esbuild's node20 table lowers them to `new RegExp(…)`,
      // which builds the expression again at each evaluation (every call, for a literal inside a function).
      supported: { 'regexp-unicode-property-escapes': true, 'regexp-set-notation': true },
      packages: 'external',
      // Code shared by entry points lives in shared chunks: one module instance per thread, whichever entry
      // point (CLI, Eleventy's config) imported it first.
      splitting: true,
      chunkNames: 'chunk-[hash]',
      sourcemap: 'linked',
      sourcesContent: false,
      logLevel: 'silent',
    });
    // The compiled files are ES modules wherever dist/ is (a package.json without a name: not dateline's own).
    writeFileSync(join(tmp, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(join(tmp, '.stamp'), `${stamp}\n`);
    for (let attempt = 0; ; attempt++) {
      try {
        renameSync(tmp, dist);
        return dist;
      } catch (e) {
        if (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST' && e.code !== 'EPERM') throw e;
        // Another compile of the same sources finished first: its output is the same (esbuild is deterministic).
        if (readStamp(dist) === stamp) return dist;
        if (attempt > 5) throw e;
        // A stale dist/: move it aside, then rename ours into place (a process starting in between sees no
        // stamp and compiles itself).
        const old = tmpName(dist, 'old');
        try {
          renameSync(dist, old);
        } catch (e2) {
          if (e2.code !== 'ENOENT') throw e2;
        }
        rmSync(old, { recursive: true, force: true });
      }
    }
  } finally {
    await stop(); // esbuild's service process is not needed again in this process
    try {
      rmSync(tmp, { recursive: true, force: true });
    } catch {
      // nothing was written (or it cannot be removed): keep the compile's own error
    }
  }
}

/** The dist folder, compiled first when stale. Throws when it is stale and cannot be compiled. */
export async function ensureCompiled(dist = distDir()) {
  const stamp = sourceStamp();
  if (readStamp(dist) === stamp) return dist;
  await compile(dist, stamp);
  removeDebris(dist);
  return dist;
}

/** Temporary folders of killed compiles (older than a minute). */
function removeDebris(dist) {
  const prefix = `.${basename(dist)}.`;
  const parent = dirname(dist);
  try {
    for (const name of readdirSync(parent)) {
      if (!name.startsWith(prefix)) continue;
      const p = join(parent, name);
      try {
        if (Date.now() - statSync(p).mtimeMs > 60_000) rmSync(p, { recursive: true, force: true });
      } catch {
        // gone already
      }
    }
  } catch {
    // unreadable parent: nothing to clean
  }
}

/** The compiled module `name` (e.g. 'cli', 'index') as a URL to import. */
export const distModule = (dist, name) => pathToFileURL(join(dist, `${name}.js`)).href;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = distDir();
  const t0 = performance.now();
  if (process.argv.includes('--force') || !isFresh(dist)) {
    await compile(dist);
    removeDebris(dist);
    console.log(`compiled into ${relative(process.cwd(), dist) || '.'} in ${Math.round(performance.now() - t0)} ms`);
  } else {
    console.log(`${relative(process.cwd(), dist) || '.'} is up to date`);
  }
}
