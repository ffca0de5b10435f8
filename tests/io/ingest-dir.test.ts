import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, readdir, rm, writeFile, access, rename } from 'node:fs/promises';
import { join } from 'node:path';
import matter from 'gray-matter';
import { ingestDir } from '../../src/io/ingest-dir.ts';
import { readSiteData } from '../../src/io/site-data.ts';
import { articleToMarkdown } from '../../src/markdown/serialize.ts';
import { tempDir, writeFiles } from '../helpers.ts';

let raw: string;
let out: string;
let cleanup: Array<() => Promise<void>> = [];

beforeEach(async () => {
  const a = await tempDir();
  const b = await tempDir();
  raw = a.path;
  out = b.path;
  cleanup = [a.cleanup, b.cleanup];
  await writeFiles(raw, {
    '2024-05-01-budget.txt': 'LONDON - Finance minister Jane Doe presented the budget to Parliament on Tuesday.\n\nDoe said taxes would fall.',
    'desk/notes.txt': '---\ntitle: Harbour reopens\ndate: 2024-06-02\n---\nThe harbour in Genoa reopened after repairs.',
    'broken.txt': '---\ndate: 2024-13-45\n---\nText.',
  });
});
afterEach(async () => {
  for (const c of cleanup) await c();
});

const exists = (p: string) => access(p).then(() => true, () => false);

describe('ingestDir', () => {
  it('writes one markdown file per good article and reports the bad one', async () => {
    const r = await ingestDir(raw, out);
    expect(r.articles).toHaveLength(2);
    expect(r.rejected).toEqual([{ file: 'broken.txt', line: 2, reason: expect.stringMatching(/not a calendar date/) }]);
    const files = r.articles.map((a) => `articles/${a.id}.md`);
    for (const f of files) {
      const fm = matter(await readFile(join(out, f), 'utf8')).data;
      expect(typeof fm.title).toBe('string');
      expect(Array.isArray(fm.people)).toBe(true);
      expect(Array.isArray(fm.organisations)).toBe(true);
      expect(Array.isArray(fm.places)).toBe(true);
    }
    const notes = r.articles.find((a) => a.source === 'desk/notes.txt')!;
    expect(notes.id).toBe('2024/06/harbour-reopens');
    expect(notes.date).toBe('2024-06-02');
    const budget = r.articles.find((a) => a.source === '2024-05-01-budget.txt')!;
    expect(budget.date).toBe('2024-05-01');
    expect(budget.dateSource).toBe('filename');
  });

  it('re-extracts nothing and rewrites nothing when nothing changed', async () => {
    await ingestDir(raw, out);
    const again = await ingestDir(raw, out);
    expect(again.cached).toBe(3);
    expect(again.written).toEqual([]);
  });

  it('produces byte-identical output on a clean re-run', async () => {
    const r1 = await ingestDir(raw, out);
    const first = await Promise.all(r1.articles.map((a) => readFile(join(out, `articles/${a.id}.md`), 'utf8')));
    await rm(out, { recursive: true, force: true });
    const r2 = await ingestDir(raw, out);
    const second = await Promise.all(r2.articles.map((a) => readFile(join(out, `articles/${a.id}.md`), 'utf8')));
    expect(second).toEqual(first);
  });

  it('removes the output of a deleted raw article and never touches files it did not write', async () => {
    const r = await ingestDir(raw, out);
    const notes = r.articles.find((a) => a.source === 'desk/notes.txt')!;
    await writeFile(join(out, 'articles', 'mine.md'), 'my own file');
    await writeFile(join(out, 'README.txt'), 'keep me');
    await rm(join(raw, 'desk/notes.txt'));
    const r2 = await ingestDir(raw, out);
    expect(r2.deleted).toEqual([`articles/${notes.id}.md`]);
    expect(await exists(join(out, `articles/${notes.id}.md`))).toBe(false);
    expect(await readFile(join(out, 'articles', 'mine.md'), 'utf8')).toBe('my own file');
    expect(await readFile(join(out, 'README.txt'), 'utf8')).toBe('keep me');
  });

  it('gives two articles with the same title and date distinct ids; renaming one leaves the other alone', async () => {
    await writeFiles(raw, {
      'a.txt': '---\ntitle: Storm hits coast\ndate: 2024-01-05\n---\nFirst report.',
      'b.txt': '---\ntitle: Storm hits coast\ndate: 2024-01-05\n---\nSecond report.',
    });
    const r1 = await ingestDir(raw, out);
    const idA = r1.articles.find((a) => a.source === 'a.txt')!.id;
    const idB = r1.articles.find((a) => a.source === 'b.txt')!.id;
    expect(idA).not.toBe(idB);
    await rename(join(raw, 'b.txt'), join(raw, 'c.txt'));
    const r2 = await ingestDir(raw, out);
    expect(r2.articles.find((a) => a.source === 'a.txt')!.id).toBe(idA);
  });

  it('leaves no temporary files behind', async () => {
    await ingestDir(raw, out);
    const all = await readdir(out, { recursive: true });
    expect(all.filter((f) => String(f).endsWith('.tmp'))).toEqual([]);
  });

  it('after a killed run (its lock left behind), removes the temporary files it left and rewrites a generated file it lost', async () => {
    const r = await ingestDir(raw, out);
    const file = join(out, `articles/${r.articles[0].id}.md`);
    const text = await readFile(file, 'utf8');
    const temp = `${file}.0123abcd.tmp`;
    await writeFile(temp, 'half a file');
    await rm(file);
    await writeFile(join(out, '.dateline', 'lock'), '999999999'); // no such process
    await ingestDir(raw, out);
    expect(await exists(temp)).toBe(false);
    expect(await readFile(file, 'utf8')).toBe(text);
    expect(await exists(join(out, '.dateline', 'lock'))).toBe(false);
  });

  it('refuses an article over the size limit with the limit and how to raise it', async () => {
    await writeFiles(raw, { 'huge.txt': 'word '.repeat(3000) });
    const r = await ingestDir(raw, out, { maxArticleBytes: 10_000 });
    const rej = r.rejected.find((x) => x.file === 'huge.txt');
    expect(rej?.reason).toMatch(/limit/);
    expect(rej?.reason).toMatch(/--max-article-size/);
  });
});

describe('ingestDir state between runs', () => {
  /** The site data, as one JSON text. */
  const siteJson = async (dir = out) => JSON.stringify(readSiteData(dir));

  it('keeps the site data when nothing it is made from changed, and remakes it when anything did', async () => {
    await ingestDir(raw, out);
    const first = await siteJson();
    const warm = await ingestDir(raw, out);
    expect(warm.cached).toBe(3);
    expect(await siteJson()).toBe(first);
    // A curation description is part of the site data.
    await writeFile(join(raw, 'curation.yaml'), 'entities:\n  - name: Jane Doe\n    type: person\n    description: Finance minister\n');
    await ingestDir(raw, out);
    const curated = await siteJson();
    expect(curated).not.toBe(first);
    expect(curated).toContain('Finance minister');
    // A damaged or deleted site data file is made again, equal to a clean build's.
    await writeFile(join(out, '.dateline', 'site.json'), '{}');
    await ingestDir(raw, out);
    expect(await siteJson()).toBe(curated);
    await rm(join(out, '.dateline', 'site.json'));
    await ingestDir(raw, out);
    expect(await siteJson()).toBe(curated);
    // Settings too.
    await writeFile(join(raw, 'site.yaml'), 'title: Harbour News\n');
    await ingestDir(raw, out);
    expect(await siteJson()).toContain('Harbour News');
    // And an edited article.
    await writeFile(join(raw, 'desk/notes.txt'), '---\ntitle: Harbour closes\ndate: 2024-06-02\n---\nThe harbour in Genoa closed for repairs.');
    const edited = await ingestDir(raw, out);
    expect(edited.cached).toBe(2);
    expect(await siteJson()).toContain('Harbour closes');
    const clean = await tempDir();
    await ingestDir(raw, clean.path);
    expect(await siteJson()).toBe(await siteJson(clean.path));
    await clean.cleanup();
  });

  it('extracts again only the files whose cache lines are damaged', async () => {
    await ingestDir(raw, out);
    const cacheFile = join(out, '.dateline', 'cache.ndjson');
    const lines = (await readFile(cacheFile, 'utf8')).split('\n');
    const i = lines.findIndex((l) => l.includes('"s":"desk/notes.txt"'));
    lines[i] = lines[i].slice(0, 40);
    await writeFile(cacheFile, lines.join('\n'));
    const r = await ingestDir(raw, out);
    expect(r.cached).toBe(2);
    expect(r.written).toEqual([]);
    await writeFile(cacheFile, 'not json\n');
    expect((await ingestDir(raw, out)).cached).toBe(0);
  });

  it('builds in worker threads exactly what it builds in this process; a writer thread writes what the serialiser makes', async () => {
    const files: Record<string, string> = {};
    const people = ['Jane Doe', 'John Smith', 'Maria Garcia', 'Li Wei'];
    for (let i = 0; i < 300; i++) {
      files[`w/a${String(i).padStart(3, '0')}.txt`] = `---\ndate: 2024-0${(i % 9) + 1}-1${i % 10}\n---\nPARIS - ${people[i % 4]} met ${people[(i + 1) % 4]} on Tuesday. Report ${i}.\n\n"We agreed," said ${people[i % 4]}.`;
    }
    // Surnames alone, which canonicalisation resolves to the full names: what the workers made ahead of these is made again.
    for (let i = 0; i < 20; i++) files[`w/s${String(i).padStart(2, '0')}.txt`] = `---\ndate: 2024-10-0${(i % 9) + 1}\n---\nROME - Doe spoke on Monday about the budget ${i}.\n\nSmith, the finance minister, agreed with Doe.`;
    await writeFiles(raw, files);
    const saved = process.env.DATELINE_WORKERS;
    const single = await tempDir();
    try {
      process.env.DATELINE_WORKERS = '2';
      const pooled = await ingestDir(raw, out);
      process.env.DATELINE_WORKERS = '1';
      const local = await ingestDir(raw, single.path);
      expect(pooled.articles).toEqual(local.articles);
      expect(pooled.rejected).toEqual(local.rejected);
      expect(await siteJson()).toBe(await siteJson(single.path));
      for (const a of local.articles) expect(await readFile(join(out, 'articles', `${a.id}.md`), 'utf8')).toBe(await readFile(join(single.path, 'articles', `${a.id}.md`), 'utf8'));
      // Over 256 files: written by the writer thread, each exactly the serialiser's text.
      expect(pooled.written).toHaveLength(pooled.articles.length);
      for (const a of pooled.articles) expect(await readFile(join(out, 'articles', `${a.id}.md`), 'utf8')).toBe(articleToMarkdown(a));
      const again = await ingestDir(raw, out);
      expect(again.written).toEqual([]);
      // Without the cache, every file is compared (in the writer thread) and none is rewritten.
      await rm(join(out, '.dateline', 'cache.ndjson'));
      const compared = await ingestDir(raw, out);
      expect(compared.cached).toBe(0);
      expect(compared.written).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.DATELINE_WORKERS;
      else process.env.DATELINE_WORKERS = saved;
      await single.cleanup();
    }
  }, 120_000);
});
