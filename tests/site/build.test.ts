import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, access } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildResult } from '../../src/build.ts';
import { renderSite } from '../../src/site/build-site.ts';
import { hashTree } from '../robustness/tree.ts';
import { tempDir, writeFiles, SEED, htmlText } from '../helpers.ts';

let site: string;
let md: string;
let tmpRoot: string;
let result: BuildResult;
let cleanup: () => Promise<void>;
const page = (p: string) => readFile(join(site, p, 'index.html'), 'utf8');
const exists = (p: string) => access(p).then(() => true, () => false);

beforeAll(async () => {
  const tmp = await tempDir();
  cleanup = tmp.cleanup;
  const raw = join(tmp.path, 'raw');
  site = join(tmp.path, 'site');
  md = join(tmp.path, 'md');
  tmpRoot = tmp.path;
  await writeFiles(raw, {
    'seed.txt': `---\ndate: 2025-02-27\n---\n${readFileSync(SEED, 'utf8')}`,
    'hostile.txt': '---\ntitle: "<script>alert(1)</script> {{ 7 * 7 }}"\ndate: 2025-03-01\npeople: [Vladimir Putin]\n---\nMOSCOW - Vladimir Putin said {% include "../package.json" %} and <b onclick="x()">bold</b> ${x} <%= y %>.\n\n# not a heading\n\n1996. A year',
  });
  result = await build(raw, site, { markdownDir: join(tmp.path, 'md') });
});
afterAll(() => cleanup());

describe('site build', () => {
  it('renders the same bytes with Eleventy in a worker thread as in this thread', async () => {
    const other = join(tmpRoot, 'site-worker');
    const r = await renderSite(md, other, { eleventyWorker: true });
    expect(r.articlesRendered).toBe(2);
    expect(await hashTree(other)).toEqual(await hashTree(site));
    // And in batches of one article per Eleventy run.
    const batched = join(tmpRoot, 'site-batched');
    await renderSite(md, batched, { eleventyBatch: 1 });
    expect(await hashTree(batched)).toEqual(await hashTree(site));
  });

  it('builds every article', () => {
    expect(result.ingest.rejected).toEqual([]);
    expect(result.ingest.articles).toHaveLength(2);
  });

  it('writes the seed article page with title, date, dateline and linked people', async () => {
    const seed = result.ingest.articles.find((a) => a.source === 'seed.txt')!;
    const html = await page(seed.id);
    expect(html).toContain('<time datetime="2025-02-27">27 February 2025</time>');
    expect(html).toContain('Istanbul');
    for (const p of seed.people) expect(html).toContain(`href="/people/${p.slug}/"`);
  });

  it('writes a page per person that links back to the article', async () => {
    const seed = result.ingest.articles.find((a) => a.source === 'seed.txt')!;
    for (const p of seed.people) {
      const html = await page(`people/${p.slug}`);
      expect(html).toContain(`href="/${seed.id}/"`);
    }
    expect(await exists(join(site, 'people/index.html'))).toBe(true);
    expect(await exists(join(site, 'organisations/index.html'))).toBe(true);
    expect(await exists(join(site, 'places/index.html'))).toBe(true);
  });

  it('lists a person mentioned by two articles on one page with both', async () => {
    const html = await page('people/vladimir-putin');
    for (const a of result.ingest.articles) expect(html).toContain(`href="/${a.id}/"`);
  });

  it('shows hostile text literally and never runs it', async () => {
    const a = result.ingest.articles.find((x) => x.source === 'hostile.txt')!;
    const html = await page(a.id);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b onclick');
    expect(html).not.toContain('<h1>not a heading');
    expect(html).not.toContain('>49<');
    const text = htmlText(html);
    expect(text).toContain('<script>alert(1)</script> {{ 7 * 7 }}');
    expect(text).toContain('{% include "../package.json" %} and <b onclick="x()">bold</b> ${x} <%= y %>.');
    expect(text).toContain('# not a heading');
    expect(text).toContain('1996. A year');
  });

  it('lists articles newest first on the home page', async () => {
    const html = await readFile(join(site, 'index.html'), 'utf8');
    const [first, second] = ['hostile.txt', 'seed.txt'].map((s) => html.indexOf(`/${result.ingest.articles.find((a) => a.source === s)!.id}/`));
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(second);
  });
});
