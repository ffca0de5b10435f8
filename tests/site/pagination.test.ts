// A made-up archive large enough to paginate: 70 dated and 55 undated short articles that all name one person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildTestSite, PREFIX, type TestSite } from './fixtures.ts';
import { checkLinks } from './check.ts';

let t: TestSite;
const read = (p: string) => readFile(join(t.site, p), 'utf8');
const items = (html: string) => (html.match(/class="article-item"/g) ?? []).length;

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 125; i++) {
    const dated = i < 70;
    const date = `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
    files[`a${String(i).padStart(3, '0')}.txt`] =
      `---\ntitle: Council report number ${i}\n${dated ? `date: ${date}\n` : ''}people: [Jane Roe]\nplaces: [Genoa]\n---\nGENOA - Jane Roe presented report ${i} to the council on the harbour works.\n\nThe council will vote next month.\n`;
  }
  t = await buildTestSite(files, 'pages');
});
afterAll(() => t?.cleanup());

describe('pagination', () => {
  it('splits an entity into pages of 50, newest first, with links between them', async () => {
    const p1 = await read('people/jane-roe/index.html');
    const p2 = await read('people/jane-roe/page/2/index.html');
    const p3 = await read('people/jane-roe/page/3/index.html');
    expect([items(p1), items(p2), items(p3)]).toEqual([50, 50, 25]);
    expect(p1).toContain('href="/people/jane-roe/page/2/"');
    expect(p1).toContain('href="/people/jane-roe/page/3/"');
    expect(p3).toContain('href="/people/jane-roe/"');
    expect(p1).toContain('aria-current="page">1<');
    expect(p1.indexOf('<time datetime="2024-12">')).toBeGreaterThan(0);
    expect(p1.indexOf('<time datetime="2024-12">')).toBeLessThan(p1.indexOf('<time datetime="2024-11">'));
    expect(p3).toContain('Undated');
  });

  it('lists undated articles in pages', async () => {
    expect(items(await read('archive/undated/index.html'))).toBe(50);
    expect(items(await read('archive/undated/page/2/index.html'))).toBe(5);
  });

  it('archives by year and month with counts', async () => {
    const archive = await read('archive/index.html');
    expect(archive).toContain('href="/archive/2024/"');
    expect(archive).toContain('70 articles');
    const month = await read('archive/2024/03/index.html');
    expect(items(month)).toBeGreaterThan(0);
    expect(month).toContain('href="/archive/2024/02/"');
    expect(month).toContain('href="/archive/2024/04/"');
  });

  it('links previous and next article by date', async () => {
    const a = t.ingest.articles.find((x) => x.date === '2024-06-06')!;
    const html = await read(`${a.id}/index.html`);
    expect(html).toContain('rel="prev"');
    expect(html).toContain('rel="next"');
  });

  it('has no broken link, under a prefix too', async () => {
    expect((await checkLinks(t.site)).broken).toEqual([]);
    expect((await checkLinks(t.prefixRoot, PREFIX)).broken).toEqual([]);
  });
});
