// Eleventy keeps compiled templates in a cache global to the process (for its watch mode). A build renders article
// pages in batches, and none of a batch's compiled bodies may outlive it, or a thread rendering 20,000 articles
// holds them all (measured: ~270 MiB of the peak at 20,000 articles).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from '../../src/build.ts';
import { tempDir, writeFiles, SEED } from '../helpers.ts';

let tmp: { path: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  tmp = await tempDir();
  await writeFiles(join(tmp.path, 'raw'), {
    'one.txt': `---\ndate: 2025-02-27\n---\n${readFileSync(SEED, 'utf8')}`,
    'two.txt': '---\ndate: 2025-03-01\n---\nLONDON - Prime Minister Tony Blair met Chancellor Gordon Brown on Monday.\n\nThe talks covered the budget.',
  });
});
afterAll(() => tmp?.cleanup());

describe('Eleventy memory', () => {
  it('leaves no compiled article in Eleventy\'s process-wide compile cache after a build', async () => {
    const entry = createRequire(import.meta.url).resolve('@11ty/eleventy');
    const { default: TemplateContent } = (await import(pathToFileURL(join(dirname(entry), 'TemplateContent.js')).href)) as { default: { _compileCache: Map<string, Map<string, unknown>> } };
    // In this thread (not a worker), in batches of one article, so the cache would hold both articles without the reset.
    const r = await build(join(tmp.path, 'raw'), join(tmp.path, 'site'), { markdownDir: join(tmp.path, 'md'), quiet: true, eleventyWorker: false, eleventyBatch: 1 });
    expect(r.render.articlesRendered).toBe(2);
    const cached = [...TemplateContent._compileCache.values()].reduce((n, m) => n + m.size, 0);
    expect(cached).toBe(0);
  });
});
