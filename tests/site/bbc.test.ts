// A larger site from 150 real BBC articles (read at run time from ../shared/corpus/bbc): every internal link
// resolves and every page validates, at the web root and under a path prefix; the build stays fast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bbcFiles, buildTestSite, BBC, PREFIX, type TestSite } from './fixtures.ts';
import { checkLinks, validateHtml, xmlProblems, listFiles, type LinkReport, type ValidationReport } from './check.ts';

const haveCorpus = existsSync(BBC);
let t: TestSite;
// The checks are slow-ish and mostly independent: start them together once the site is built.
let rootLinks: Promise<LinkReport>;
let prefixLinks: Promise<LinkReport>;
let validation: Promise<ValidationReport>;

beforeAll(async () => {
  if (!haveCorpus) return;
  t = await buildTestSite(bbcFiles(150), 'bbc');
  rootLinks = checkLinks(t.site);
  prefixLinks = checkLinks(t.prefixRoot, PREFIX);
  validation = validateHtml(t.site);
  // Keep rejections from surfacing before the test that awaits them.
  for (const p of [rootLinks, prefixLinks, validation]) p.catch(() => undefined);
});
afterAll(() => t?.cleanup());

describe.skipIf(!haveCorpus)('150 BBC articles', () => {
  it('ingests and renders every article, with search, in reasonable time', () => {
    expect(t.ingest.rejected).toEqual([]);
    expect(t.ingest.articles).toHaveLength(150);
    expect(t.render.search?.pages).toBe(150);
    console.log(`bbc150: ingest ${t.timings.ingest} ms; render ${t.timings.render} ms (eleventy ${t.render.timings.eleventy}, pagefind ${t.render.timings.search}); ${t.render.pages} files`);
  });

  it('has no broken internal link at the web root', async () => {
    const r = await rootLinks;
    console.log(`bbc150 links (root): ${r.checked} checked, ${r.broken.length} broken`);
    expect(r.broken).toEqual([]);
    expect(r.checked).toBeGreaterThan(1000);
  });

  it(`has no broken internal link under ${PREFIX}`, async () => {
    const r = await prefixLinks;
    console.log(`bbc150 links (prefix): ${r.checked} checked, ${r.broken.length} broken`);
    expect(r.broken).toEqual([]);
    expect(r.checked).toBeGreaterThan(1000);
  });

  it('validates every page', async () => {
    const r = await validation;
    console.log(`bbc150 html-validate: ${r.files} files, ${r.errors.length} errors`);
    expect(r.errors).toEqual([]);
    expect(r.files).toBeGreaterThan(150);
  });

  it('writes well-formed feeds and sitemap', async () => {
    const xml = await listFiles(t.site, '.xml');
    expect(xml.length).toBeGreaterThan(100);
    for (const f of xml) expect(xmlProblems(await readFile(f, 'utf8')), f).toEqual([]);
  });

  it('lists dated articles by year and month and the rest as undated', async () => {
    const archive = await readFile(join(t.site, 'archive/index.html'), 'utf8');
    expect(archive).toContain('href="/archive/2004/"');
    expect(archive).toContain('href="/archive/2005/"');
    expect(archive).toContain('href="/archive/undated/"');
    const undated = await readFile(join(t.site, 'archive/undated/index.html'), 'utf8');
    expect((undated.match(/class="article-item"/g) ?? []).length).toBe(50);
  });
});
