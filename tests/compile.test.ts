// The compiled runtime (scripts/compile.mjs → dist/, run by bin/dateline.js): it compiles, it builds the same site
// as the TypeScript sources through tsx, a stale compile is redone, and concurrent compiles leave a whole dist.
// Everything is compiled into a private folder (DATELINE_DIST), never into the real dist/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile, ensureCompiled, ENTRIES, isFresh, sourceStamp } from '../scripts/compile.mjs';
import { ROOT, tempDir, writeFiles } from './helpers.ts';
import { hashTree } from './robustness/tree.ts';

// Inside the package (node_modules/.cache is ignored by git): the compiled code resolves its packages from there.
const CACHE = join(ROOT, 'node_modules', '.cache', 'dateline-compile-test');
const DIST = join(CACHE, `dist-${process.pid}`);
const BIN = join(ROOT, 'bin', 'dateline.js');

function node(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: ROOT, env: { ...process.env, DATELINE_DIST: DIST, ...env }, maxBuffer: 1 << 24 }, (e, out, err) =>
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, out, err }),
    );
  });
}

/** Enough articles that ingest extracts them in worker threads (its threshold is 48). */
function articles(n: number): Record<string, string> {
  const people = ['Jane Doe', 'John Smith', 'Maria Garcia', 'Li Wei', 'Recep Tayyip Erdoğan'];
  const places = ['London', 'Paris', 'Istanbul', 'Berlin', 'Tokyo'];
  const out: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const p = people[i % people.length];
    const q = people[(i * 3 + 1) % people.length];
    out[`gen/a${String(i).padStart(3, '0')}.txt`] =
      `---\ndate: 2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}\n---\n` +
      `${places[i % places.length].toUpperCase()} - ${p} met officials on Tuesday. Report ${i}.\n\n${q} said talks with ${p} in ${places[(i + 2) % places.length]} would continue.\n`;
  }
  return out;
}

let tmp: { path: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  tmp = await tempDir('dateline-compile-');
  await mkdir(CACHE, { recursive: true });
  await rm(DIST, { recursive: true, force: true });
});

afterAll(async () => {
  await tmp?.cleanup();
  await rm(DIST, { recursive: true, force: true });
  for (const name of existsSync(CACHE) ? readdirSync(CACHE) : []) if (name.includes(`dist-${process.pid}`)) await rm(join(CACHE, name), { recursive: true, force: true });
});

describe('compiled runtime', () => {
  it('compiles every entry point into dist, with source maps naming src files and a stamp of the sources', async () => {
    expect(isFresh(DIST)).toBe(false);
    await compile(DIST);
    const files = await readdir(DIST);
    for (const name of Object.keys(ENTRIES)) {
      expect(files).toContain(`${name}.js`);
      expect(files).toContain(`${name}.js.map`);
    }
    expect(isFresh(DIST)).toBe(true);
    expect((await readFile(join(DIST, '.stamp'), 'utf8')).trim()).toBe(sourceStamp());
    const map = JSON.parse(await readFile(join(DIST, 'cli.js.map'), 'utf8')) as { sources: string[] };
    expect(map.sources.some((s) => s.endsWith('src/cli.ts'))).toBe(true);
    // No TypeScript loader and no TypeScript module left in the compiled code.
    for (const f of files.filter((f) => f.endsWith('.js'))) {
      const text = await readFile(join(DIST, f), 'utf8');
      expect(text, f).not.toMatch(/from ["'][^"']*\.ts["']|import\(["'][^"']*\.ts["']\)|tsx\/esm/);
    }
    // The ingest worker does not load Eleventy, Pagefind or the dev server (only what it imports statically counts).
    const staticImports = async (f: string, seen = new Set<string>()): Promise<Set<string>> => {
      if (seen.has(f)) return seen;
      seen.add(f);
      const text = await readFile(join(DIST, f), 'utf8');
      for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s*"([^"]+)"|^import\s*"([^"]+)"/gms)) {
        const spec = m[1] ?? m[2];
        if (spec.startsWith('./')) await staticImports(spec.slice(2), seen);
        else seen.add(spec);
      }
      return seen;
    };
    const workerDeps = [...(await staticImports('ingest-worker.js'))];
    expect(workerDeps.filter((d) => /eleventy|pagefind/.test(d))).toEqual([]);
    const cliDeps = [...(await staticImports('cli.js'))];
    expect(cliDeps.filter((d) => !d.startsWith('node:') && !d.endsWith('.js'))).toEqual(['commander', 'cli-progress']);
  });

  it('knows it runs compiled: workers, Eleventy config and package paths point into dist and the package', async () => {
    // The chunk holding src/paths.ts exports workerEntry.
    let chunk: string | undefined;
    for (const f of await readdir(DIST)) if (f.endsWith('.js') && /export \{[^}]*\bworkerEntry\b/.test(await readFile(join(DIST, f), 'utf8'))) chunk = f;
    expect(chunk).toBeDefined();
    const script = `const m = await import(${JSON.stringify(pathToFileURL(join(DIST, chunk!)).href)});
      console.log(JSON.stringify({ src: m.SRC_DIR, config: m.ELEVENTY_CONFIG,
        workers: ['ingest', 'writer', 'eleventy'].map((w) => m.workerEntry(w).pathname) }));`;
    const r = await node(['--input-type=module', '-e', script]);
    expect(r.err).toBe('');
    const info = JSON.parse(r.out) as { src: string; config: string; workers: string[] };
    expect(info.src).toBe(join(ROOT, 'src'));
    expect(info.config).toBe(join(DIST, 'eleventy.config.js'));
    expect(info.workers).toEqual(['ingest', 'writer', 'eleventy'].map((w) => join(DIST, `${w}-worker.js`)));
    for (const p of [info.config, ...info.workers]) expect(existsSync(p)).toBe(true);
  });

  it('builds a site byte-identical to the same build through tsx (DATELINE_NO_COMPILE=1)', async () => {
    const raw = join(tmp.path, 'raw');
    await mkdir(raw, { recursive: true });
    for (const f of (await readdir(join(ROOT, 'content'))).filter((f) => f.endsWith('.txt'))) await cp(join(ROOT, 'content', f), join(raw, f));
    await writeFiles(raw, articles(50));
    const env = { DATELINE_WORKERS: '2', DATELINE_DEBUG: '1' };
    const both = async () => {
      for (const x of ['a', 'b']) await rm(join(tmp.path, x), { recursive: true, force: true });
      return [
        await node([BIN, 'build', raw, '--out', join(tmp.path, 'a', 'site'), '--markdown', join(tmp.path, 'a', 'md')], env),
        await node([BIN, 'build', raw, '--out', join(tmp.path, 'b', 'site'), '--markdown', join(tmp.path, 'b', 'md')], { ...env, DATELINE_NO_COMPILE: '1' }),
      ];
    };
    // Pages record a hash of the sources: when a source file is saved between the two builds, build both again.
    let stamp = sourceStamp();
    let [compiled, viaTsx] = await both();
    for (let tries = 0; tries < 3 && sourceStamp() !== stamp; tries++) {
      stamp = sourceStamp();
      [compiled, viaTsx] = await both();
    }
    expect(compiled.code, compiled.err).toBe(0);
    expect(viaTsx.code, viaTsx.err).toBe(0);
    expect(compiled.err).toContain(`running the compiled code in ${DIST}`);
    expect(viaTsx.err).toContain('running the sources through tsx');
    expect(compiled.out).toMatch(/51 articles built/);
    expect(compiled.out.replace(/ in \S+/g, '')).toBe(viaTsx.out.replace(/ in \S+/g, ''));
    const site = await hashTree(join(tmp.path, 'a', 'site'));
    expect(Object.keys(site).length).toBeGreaterThan(50);
    expect(site).toEqual(await hashTree(join(tmp.path, 'b', 'site')));
    // The markdown too, but for the cache, which records file times.
    const md = async (dir: string) => Object.fromEntries(Object.entries(await hashTree(dir)).filter(([rel]) => rel !== '.dateline/cache.ndjson'));
    expect(await md(join(tmp.path, 'a', 'md'))).toEqual(await md(join(tmp.path, 'b', 'md')));
  });

  it('renders article pages through the compiled Eleventy config with the render plan set (same module instance), in this thread and in a worker', async () => {
    const md = join(tmp.path, 'a', 'md');
    const script = `const { renderSite } = await import(${JSON.stringify(pathToFileURL(join(DIST, 'index.js')).href)});
      const out = {};
      for (const eleventyWorker of [false, true]) {
        let done = 0;
        const r = await renderSite(${JSON.stringify(md)}, ${JSON.stringify(tmp.path)} + '/render-' + eleventyWorker, { quiet: true, search: false, eleventyWorker,
          onRenderProgress: (step, n) => { if (step === 'articles') done = Math.max(done, n); } });
        out[eleventyWorker] = { rendered: r.articlesRendered, progress: done };
      }
      console.log(JSON.stringify(out));`;
    const r = await node(['--input-type=module', '-e', script]);
    expect(r.err).toBe('');
    const out = JSON.parse(r.out) as Record<string, { rendered: number; progress: number }>;
    // Progress counts pages the article plugin rendered under the plan: with another plugin instance it stays 0.
    expect(out.false).toEqual({ rendered: 51, progress: 51 });
    expect(out.true).toEqual({ rendered: 51, progress: 51 });
    const inThread = await hashTree(join(tmp.path, 'render-false'));
    expect(inThread).toEqual(await hashTree(join(tmp.path, 'render-true')));
  });

  it('the stamp changes when a source file changes (path, size or mtime)', async () => {
    const root = join(tmp.path, 'stamp-root');
    await writeFiles(root, { 'src/a.ts': 'export const a = 1;\n', 'layouts/b.ts': 'export const b = 2;\n', 'package.json': '{}' });
    const before = sourceStamp(root);
    expect(sourceStamp(root)).toBe(before);
    const later = new Date(Date.now() + 60_000);
    await utimes(join(root, 'src/a.ts'), later, later);
    const touched = sourceStamp(root);
    expect(touched).not.toBe(before);
    await writeFile(join(root, 'layouts/b.ts'), 'export const b = 22;\n');
    expect(sourceStamp(root)).not.toBe(touched);
  });

  it('recompiles a stale dist, on its own and when the CLI starts', async () => {
    await writeFile(join(DIST, '.stamp'), 'stale\n');
    await writeFile(join(DIST, 'leftover.txt'), 'from the old compile');
    expect(isFresh(DIST)).toBe(false);
    expect(await ensureCompiled(DIST)).toBe(DIST);
    expect(isFresh(DIST)).toBe(true);
    expect(existsSync(join(DIST, 'leftover.txt'))).toBe(false); // a new folder was renamed into place

    await writeFile(join(DIST, '.stamp'), 'stale\n');
    const r = await node([BIN, '--help'], { DATELINE_DEBUG: '1' });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: dateline/);
    expect(r.err).toContain('running the compiled code');
    expect(isFresh(DIST)).toBe(true);
  });

  it('leaves one whole dist when two processes compile at once', async () => {
    await writeFile(join(DIST, '.stamp'), 'stale\n');
    const script = `const c = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'scripts', 'compile.mjs')).href)}); console.log(await c.ensureCompiled());`;
    const runs = await Promise.all([node(['--input-type=module', '-e', script]), node(['--input-type=module', '-e', script])]);
    for (const r of runs) expect(r.code, r.err).toBe(0);
    expect(isFresh(DIST)).toBe(true);
    const files = await readdir(DIST);
    for (const name of Object.keys(ENTRIES)) expect(files).toContain(`${name}.js`);
    // No temporary folder is left beside it.
    expect((await readdir(CACHE)).filter((n) => n.startsWith(`.dist-${process.pid}.`))).toEqual([]);
    const r = await node([BIN, '--help']);
    expect(r.code).toBe(0);
  });

  it('runs the sources through tsx when it cannot compile', async () => {
    const r = await node([BIN, '--help'], { DATELINE_DIST: join(ROOT, 'package.json', 'dist'), DATELINE_DEBUG: '1' });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: dateline/);
    expect(r.err).toMatch(/cannot compile/);
    expect(r.err).toContain('running the sources through tsx');
  });
});
