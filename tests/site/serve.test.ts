// `serve`: the first build, then a rebuild on each change under the raw folder, with what it keeps between rebuilds
// (src/io/warm.ts); each rebuilt site equals a clean build of the same input, and the dev server serves it.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { appendFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type BuildResult } from '../../src/build.ts';
import { serve, type ServeHandle } from '../../src/serve.ts';
import { hashTree } from '../robustness/tree.ts';
import { tempDir, writeFiles, SEED } from '../helpers.ts';
import { bbcFiles, BBC } from './fixtures.ts';

const haveCorpus = existsSync(BBC);
let tmp: { path: string; cleanup: () => Promise<void> } | undefined;
let handle: ServeHandle | undefined;

afterAll(async () => {
  await handle?.close();
  await tmp?.cleanup();
});

describe.skipIf(!haveCorpus)('serve', () => {
  it('rebuilds after each change, keeping what it parsed, and each rebuild equals a clean build', async () => {
    tmp = await tempDir('dateline-serve-');
    const raw = join(tmp.path, 'raw');
    const site = join(tmp.path, 'site');
    const md = join(tmp.path, 'md');
    const files = Object.entries(bbcFiles(12)).map(([name, text], i) => [`2021-0${1 + (i % 9)}-1${i % 10}-${name.replace(/\//g, '-')}`, text]);
    await writeFiles(raw, { ...Object.fromEntries(files), '2025-02-27-seed.txt': readFileSync(SEED, 'utf8') });
    const rebuilds: Array<BuildResult | Error> = [];
    let waiting: (() => void) | undefined;
    /** The first rebuild from `from` on that wrote `page` (a change may be reported more than once: a rebuild with nothing to do may come first or after). */
    const rebuildWriting = async (from: number, page: string): Promise<BuildResult> => {
      const deadline = Date.now() + 120_000;
      for (;;) {
        for (const r of rebuilds.slice(from)) {
          if (r instanceof Error) throw r;
          if (r.written.includes(page)) return r;
        }
        if (Date.now() > deadline) throw new Error(`no rebuild wrote ${page} within 120 s`);
        await new Promise<void>((resolvePromise) => {
          const timer = setTimeout(resolvePromise, 1000);
          waiting = () => {
            clearTimeout(timer);
            resolvePromise();
          };
        });
      }
    };
    const port = 20_000 + (process.pid % 20_000);
    // (serve's own build and rebuild lines go to stdout)
    handle = await serve(raw, site, { port, quiet: true, markdownDir: md, eleventyWorker: true, onRebuild: (r) => (rebuilds.push(r), waiting?.()) });
    let clean = 0;
    const cleanTree = async () => {
      const dir = join(tmp!.path, `clean-${++clean}`);
      await build(raw, join(dir, 'site'), { markdownDir: join(dir, 'md'), quiet: true });
      const t = await hashTree(join(dir, 'site'));
      await rm(dir, { recursive: true, force: true });
      return t;
    };
    expect(await hashTree(site)).toEqual(await cleanTree());

    for (const [file, line, slug] of [
      ['2025-02-27-seed.txt', 'Foreign Minister Sergei Lavrov later met Ambassador Jane Holloway in Moscow.', 'jane-holloway'],
      [files[3][0], 'Chancellor Gordon Brown later met envoy Pieter Vandersloot in Leeds.', 'pieter-vandersloot'],
    ]) {
      const from = rebuilds.length;
      await appendFile(join(raw, file), `\n\n${line}\n`);
      await rebuildWriting(from, `people/${slug}/index.html`);
      await handle.idle();
      expect(await hashTree(site)).toEqual(await cleanTree());
      // The dev server serves the rebuilt page.
      const res = await fetch(`http://localhost:${port}/people/${slug}/`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(line.includes('Holloway') ? 'Jane Holloway' : 'Pieter Vandersloot');
    }
    expect(rebuilds.filter((r) => r instanceof Error)).toEqual([]);
    await handle.close();
    handle = undefined;
  }, 600_000);
});
