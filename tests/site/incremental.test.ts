// A rebuild skips what did not change (article pages by their inputs, listing pages by theirs, search shards by
// their articles); after every kind of edit the site must still equal a clean build of the same input, byte
// for byte, and only pages whose content changed are rewritten.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type BuildOptions } from '../../src/build.ts';
import { closeWarmState, createWarmState, type WarmState } from '../../src/io/warm.ts';
import { hashTree } from '../robustness/tree.ts';
import { tempDir, writeFiles, SEED } from '../helpers.ts';
import { bbcFiles, BBC } from './fixtures.ts';

const haveCorpus = existsSync(BBC);

// Every case runs twice: rebuilds by separate builds (the CLI), and rebuilds that share a warm state (serve: the
// parsed extraction cache, site data pieces and site record, and one Eleventy worker, kept from build to build).
describe.skipIf(!haveCorpus).each(['cold', 'warm'] as const)('incremental rebuilds equal clean builds (%s)', (mode) => {
  let tmp: { path: string; cleanup: () => Promise<void> };
  let raw: string;
  let site: string;
  let md: string;
  let clean = 0;
  let names: string[] = [];
  let warm: WarmState | undefined;
  /** Options of a build of the site under test: in warm mode, with the warm state and article pages in the Eleventy worker. */
  const opts = (o: BuildOptions = {}): BuildOptions => ({ markdownDir: md, quiet: true, ...(warm ? { warm, eleventyWorker: true } : {}), ...o });

  /** Build `raw` from nothing and return its tree. */
  async function cleanTree(): Promise<Record<string, string>> {
    const dir = join(tmp.path, `clean-${++clean}`);
    await build(raw, join(dir, 'site'), { markdownDir: join(dir, 'md'), quiet: true });
    const t = await hashTree(join(dir, 'site'));
    await rm(dir, { recursive: true, force: true });
    return t;
  }

  async function rebuild() {
    const r = await build(raw, site, opts());
    expect(await hashTree(site)).toEqual(await cleanTree());
    return r;
  }

  beforeAll(async () => {
    tmp = await tempDir();
    raw = join(tmp.path, 'raw');
    site = join(tmp.path, 'site');
    md = join(tmp.path, 'md');
    // Dates spread over three years, so there are several search shards.
    const files = Object.entries(bbcFiles(40)).map(([name, text], i) => [`${2020 + (i % 3)}-0${1 + (i % 9)}-1${i % 10}-${name.replace(/\//g, '-')}`, text]);
    names = files.map(([n]) => n);
    await writeFiles(raw, { ...Object.fromEntries(files), '2025-02-27-seed.txt': readFileSync(SEED, 'utf8') });
    if (mode === 'warm') warm = createWarmState();
    await build(raw, site, opts());
  }, 300_000);
  afterAll(async () => {
    if (warm) await closeWarmState(warm);
    await tmp?.cleanup();
  });

  it('after editing one article: its page, its entities and its listings are rewritten, not the rest', async () => {
    const seed = join(raw, '2025-02-27-seed.txt');
    await writeFile(seed, `${await readFile(seed, 'utf8')}\n\nForeign Minister Sergei Lavrov later met Ambassador Jane Holloway in Moscow.\n`);
    const r = await rebuild();
    // Its page, and the pages that show its summary (previous/next, related).
    expect(r.render.articlesRendered).toBeGreaterThanOrEqual(1);
    expect(r.render.articlesRendered).toBeLessThan(10);
    // Search records hold an article's own text, title and names, not its neighbours: one shard (its year) is re-indexed.
    expect(r.render.search?.rebuilt).toBe(1);
    expect(r.written.some((f) => f.startsWith('people/jane-holloway/'))).toBe(true);
    expect(r.written).toContain('people/sergei-lavrov/index.html');
    // An entity the seed does not name keeps its page untouched.
    const untouched = r.written.filter((f) => f.startsWith('people/') && !/jane-holloway|sergei-lavrov|vladimir-putin|people\/index|by-mentions/.test(f));
    expect(untouched.length).toBeLessThan(10);
  }, 300_000);

  it('after a curation change: a description and a merged alias', async () => {
    await writeFile(join(raw, 'curation.yaml'), 'entities:\n  - name: Sergei Lavrov\n    type: person\n    description: Foreign minister of Russia.\n  - name: Russia\n    type: place\n    aliases: [Russian Federation]\n');
    const r = await rebuild();
    expect(r.written).toContain('people/sergei-lavrov/index.html');
    expect(r.render.articlesRendered).toBeLessThan(5);
  }, 300_000);

  it('after retitling an article: every listing that shows the title', async () => {
    const file = names[3];
    await writeFile(join(raw, file), `---\ntitle: A retitled story\n---\n${await readFile(join(raw, file), 'utf8')}`);
    await rebuild();
  }, 300_000);

  it('after rewording the lede of an article that keeps its URL: every listing that shows the lede', async () => {
    const file = join(raw, names[7]);
    const [title, ...rest] = (await readFile(file, 'utf8')).split('\n');
    const i = rest.findIndex((l) => l.includes(' the '));
    rest[i] = rest[i].replace(' the ', ' the very ');
    await writeFile(file, [title, ...rest].join('\n'));
    const r = await rebuild();
    expect(r.written.filter((f) => /^(people|organisations|places)\/[^/]+\/index\.html$/.test(f)).length).toBeGreaterThan(0);
  }, 300_000);

  it('after an edit that changes no listing: listing pages keep their signatures, only the article page is rendered', async () => {
    const file = join(raw, names[10]);
    await writeFile(file, `${await readFile(file, 'utf8')}\n\nNothing more was added to it.\n`);
    const r = await rebuild();
    // The entities and research data are unchanged and no list item changed: no page that declares its listed
    // articles has its inputs computed again (those left are the few pages made of the article summaries themselves).
    const { pages, signed, rendered } = r.render.listing;
    expect(signed).toBeLessThan(pages / 4);
    expect(rendered).toBe(0);
    expect(r.written.filter((f) => /^(people|organisations|places)\//.test(f))).toEqual([]);
  }, 300_000);

  it('after rewording a lede, names and dates untouched: exactly the listings of that article are signed again and rewritten', async () => {
    const file = join(raw, names[11]);
    const text = await readFile(file, 'utf8');
    const [title, ...rest] = text.split('\n');
    const i = rest.findIndex((l) => l.trim().length > 0);
    rest[i] = `${rest[i]} Few expected it.`;
    await writeFile(file, [title, ...rest].join('\n'));
    const before = await hashTree(site);
    const r = await rebuild();
    const id = r.ingest.articles.find((a) => a.source === names[11])!.id;
    const listing = (t: Record<string, string>) => Object.keys(t).filter((f) => /^(people|organisations|places)\/[^/]+\/(\d+\/)?index\.html$/.test(f));
    const after = await hashTree(site);
    const changed = listing(after).filter((f) => after[f] !== before[f]);
    expect(changed.length).toBeGreaterThan(0);
    // Every entity page rewritten lists the article.
    for (const f of changed) expect(after[f] === before[f] || readFileSync(join(site, f), 'utf8').includes(`/${id}/`)).toBe(true);
    expect(r.render.listing.signed).toBeLessThan(r.render.listing.pages / 2);
  }, 300_000);

  it('after deleting one article and adding another', async () => {
    await rm(join(raw, names[5]));
    await writeFiles(raw, { '2022-06-01-new.txt': 'LONDON - Prime Minister Tony Blair met Chancellor Gordon Brown at Downing Street on Monday.\n\nThe talks covered the budget.' });
    await rebuild();
  }, 300_000);

  it('after deleting the newest year: the next year becomes the search index that carries Pagefind\'s scripts', async () => {
    // The search page loads Pagefind from its first (newest) shard and merges the others, which carry no scripts.
    expect(existsSync(join(site, 'pagefind/2025/pagefind-ui.js'))).toBe(true);
    expect(existsSync(join(site, 'pagefind/2022/pagefind-ui.js'))).toBe(false);
    expect(existsSync(join(site, 'pagefind/2022/pagefind-entry.json'))).toBe(true);
    await rm(join(raw, '2025-02-27-seed.txt'));
    const r = await rebuild();
    expect(existsSync(join(site, 'pagefind/2025'))).toBe(false);
    expect(existsSync(join(site, 'pagefind/2022/pagefind-ui.js'))).toBe(true);
    expect(readFileSync(join(site, 'search/index.html'), 'utf8')).toContain('pagefind/2022/pagefind-ui.js');
    // The new primary is re-indexed with its scripts; the other shards' records did not change.
    expect(r.render.search?.rebuilt).toBe(1);
  }, 300_000);

  it('puts back pages removed from the site folder by hand, whether the Eleventy worker asked which are missing or each is asked in turn', async () => {
    for (const eleventyWorker of [true, false]) {
      const article = Object.keys(await hashTree(site)).find((f) => /^\d{4}\/\d{2}\/[^/]+\/index\.html$/.test(f))!;
      await rm(join(site, article));
      await rm(join(site, 'people/index.html'));
      const r = await build(raw, site, opts({ eleventyWorker }));
      expect(r.written).toEqual(expect.arrayContaining([article, 'people/index.html']));
      expect(await hashTree(site)).toEqual(await cleanTree());
    }
  }, 300_000);

  it('indexes a search shard again when one of its files was being moved into place as a build was killed', async () => {
    const entry = Object.keys(await hashTree(site)).find((f) => /^pagefind\/[^/]+\/pagefind-entry\.json$/.test(f))!;
    await writeFile(join(site, '.dateline-pending.json'), JSON.stringify([entry]));
    const r = await build(raw, site, opts());
    expect(r.render.search?.rebuilt).toBe(1);
    expect(await hashTree(site)).toEqual(await cleanTree());
  }, 300_000);

  it('puts back generated markdown removed by hand, whether the Eleventy worker asked which files are missing or each is asked in turn', async () => {
    for (const eleventyWorker of [true, false]) {
      const before = await hashTree(md);
      const gone = Object.keys(before).filter((f) => f.startsWith('articles/') && f.endsWith('.md')).slice(0, 2);
      expect(gone).toHaveLength(2);
      for (const f of gone) await rm(join(md, f));
      const r = await build(raw, site, opts({ eleventyWorker }));
      expect(r.ingest.written.sort()).toEqual([...gone].sort());
      expect(await hashTree(md)).toEqual(before);
      expect(await hashTree(site)).toEqual(await cleanTree());
    }
  }, 300_000);
  it.runIf(mode === 'warm')('keeps one Eleventy worker and what it parsed, and sees builds made without it', async () => {
    const worker = warm!.eleventy;
    expect(worker?.usable()).toBe(true);
    expect(warm!.cacheLines.lines.size).toBeGreaterThan(30);
    // The lines parsed last time are taken as they are: the same objects.
    const before = warm!.cacheLines.lines.get(names[20])!.parsed;
    let file = join(raw, names[12]);
    await writeFile(file, `${await readFile(file, 'utf8')}\n\nThe minister, Jane Holloway, declined to comment.\n`);
    await rebuild();
    expect(warm!.eleventy).toBe(worker);
    expect(warm!.cacheLines.lines.get(names[20])!.parsed).toBe(before);
    expect(warm!.site.state).toBeDefined();
    // Another process (a build without the warm state) rebuilds after an edit and a new article: the extraction
    // cache, the site data pieces and the site record all change behind the warm state's back. The next warm build
    // must know the pages that build wrote (the new article's are removed with it).
    file = join(raw, names[13]);
    await writeFile(file, `${await readFile(file, 'utf8')}\n\nOfficials in Paris said talks would resume.\n`);
    await writeFiles(raw, { '2023-03-03-behind.txt': 'OSLO - Foreign Minister Ingrid Solbakken met envoy Pieter Vandersloot in Bergen on Friday.\n\nThe two discussed fisheries.' });
    const other = await build(raw, site, { markdownDir: md, quiet: true });
    expect(other.written.some((f) => f.startsWith('people/pieter-vandersloot/'))).toBe(true);
    await rm(join(raw, '2023-03-03-behind.txt'));
    file = join(raw, names[14]);
    await writeFile(file, `---\ntitle: Retitled behind the warm state\n---\n${await readFile(file, 'utf8')}`);
    const r = await rebuild();
    expect(r.removed.some((f) => f.startsWith('people/pieter-vandersloot/'))).toBe(true);
    // A failed worker is replaced on the next build.
    await worker!.close();
    expect(worker!.usable()).toBe(false);
    file = join(raw, names[15]);
    await writeFile(file, `${await readFile(file, 'utf8')}\n\nA later paragraph.\n`);
    await rebuild();
    expect(warm!.eleventy).not.toBe(worker);
    expect(warm!.eleventy?.usable()).toBe(true);
  }, 300_000);
});
