// The sample site (content/) built into temp folders, at the web root and under a path prefix: every internal
// link resolves, every page validates, and the pages carry what readers and machines need.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from '../helpers.ts';
import { buildTestSite, contentFiles, PREFIX, type TestSite } from './fixtures.ts';
import { checkLinks, validateHtml, xmlProblems, listFiles } from './check.ts';

let t: TestSite;
const read = (root: string, p: string) => readFile(join(root, p), 'utf8');
const exists = (p: string) => access(p).then(() => true, () => false);

beforeAll(async () => {
  t = await buildTestSite(contentFiles(join(ROOT, 'content')), 'sample');
});
afterAll(() => t?.cleanup());

describe('sample site', () => {
  it('builds every article and indexes it for search', () => {
    expect(t.ingest.rejected).toEqual([]);
    expect(t.ingest.articles.length).toBeGreaterThan(0);
    expect(t.render.search?.pages).toBe(t.ingest.articles.length);
  });

  it('has no broken internal link at the web root', async () => {
    const r = await checkLinks(t.site);
    console.log(`sample links (root): ${r.checked} checked, ${r.broken.length} broken`);
    expect(r.broken).toEqual([]);
    expect(r.checked).toBeGreaterThan(20);
  });

  it(`has no broken internal link under ${PREFIX}`, async () => {
    const r = await checkLinks(t.prefixRoot, PREFIX);
    console.log(`sample links (prefix): ${r.checked} checked, ${r.broken.length} broken`);
    expect(r.broken).toEqual([]);
    expect(r.checked).toBeGreaterThan(20);
  });

  it('validates every page, at the root and under the prefix', async () => {
    for (const dir of [t.site, join(t.prefixRoot, PREFIX)]) {
      const r = await validateHtml(dir);
      console.log(`sample html-validate: ${r.files} files, ${r.errors.length} errors`);
      expect(r.errors).toEqual([]);
    }
  });

  it('writes the site-wide files: feed, sitemap, robots.txt, 404, search', async () => {
    const years = [...new Set(t.ingest.articles.map((a) => (a.date ? a.date.slice(0, 4) : 'undated')))];
    const shards = years.map((y) => `pagefind/${y}/pagefind-entry.json`); // the newest also holds pagefind-ui.js (checked below)
    for (const f of ['feed.xml', 'sitemap.xml', 'robots.txt', '404.html', 'search/index.html', ...shards, 'timeline/index.html', 'connections/index.html', 'archive/index.html', 'people/by-mentions/index.html']) {
      expect(await exists(join(t.site, f)), f).toBe(true);
    }
    for (const f of await listFiles(t.site, '.xml')) expect(xmlProblems(await readFile(f, 'utf8')), f).toEqual([]);
    const sitemap = await read(t.site, 'sitemap.xml');
    for (const a of t.ingest.articles) expect(sitemap).toContain(`/${a.id}/</loc>`);
    expect(await read(t.site, 'robots.txt')).toMatch(/Sitemap: https?:\/\/\S+\/sitemap\.xml/);
  });

  it('prefixes every root-relative URL under a path prefix, feeds and search included', async () => {
    const root = join(t.prefixRoot, PREFIX);
    for (const f of await listFiles(root, '.html')) {
      if (f.includes('/pagefind/')) continue;
      const html = await readFile(f, 'utf8');
      const bad = [...html.matchAll(/(?:href|src|action)="(\/[^"]*)"/g)].map((m) => m[1]).filter((u) => !u.startsWith(PREFIX));
      expect(bad, f).toEqual([]);
    }
    const search = await read(root, 'search/index.html');
    expect(search).toMatch(new RegExp(`src="${PREFIX}pagefind/(\\d{4}(?:-q[1-4])?|undated)/pagefind-ui\\.js"`));
    expect(search).toContain(`data-prefix="${PREFIX}"`);
    expect(await read(root, '404.html')).toContain(`href="${PREFIX}search/"`);
  });

  it('gives the article page its metadata, entities, JSON-LD and search filters', async () => {
    const a = t.ingest.articles[0];
    const html = await read(t.site, `${a.id}/index.html`);
    expect(html).toContain('<link rel="canonical" href="http');
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toMatch(/\d+ min read/);
    expect(html).toContain('data-pagefind-body');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]) as Record<string, unknown>;
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe(a.title);
    const linked = [...((ld.about as Array<{ url: string }>) ?? []), ...((ld.mentions as Array<{ url: string }>) ?? [])].map((x) => x.url);
    for (const p of a.people) {
      expect(html).toContain(`<span data-pagefind-filter="person">${p.name}</span>`);
      expect(linked.some((u) => u.endsWith(`/people/${p.slug}/`))).toBe(true);
    }
  });

  it('gives each person a page with counts, chart, co-mentions and a feed', async () => {
    const a = t.ingest.articles.find((x) => x.date && x.people.length > 1)!;
    const p = a.people[0];
    const html = await read(t.site, `people/${p.slug}/index.html`);
    expect(html).toMatch(/Mentioned [\d,]+ times? in [\d,]+ articles?/);
    expect(html).toContain('<svg role="img"');
    expect(html).toContain('<title id="chart-title">');
    expect(html).toContain('Often mentioned with');
    expect(html).toContain(`href="/people/${p.slug}/feed.xml"`);
    const feed = await read(t.site, `people/${p.slug}/feed.xml`);
    expect(feed).toContain(`/${a.id}/</id>`);
  });

  it('has an A–Z index with a letter bar and a by-mentions page per kind', async () => {
    for (const kind of ['people', 'organisations', 'places']) {
      const az = await read(t.site, `${kind}/index.html`);
      expect(az).toContain('<nav class="letters" aria-label="Letters">');
      expect(az).toContain(`href="/${kind}/by-mentions/"`);
    }
  });
});
