// An ingest that reuses what earlier runs remembered (extractions by content hash, unread files by stamp, each
// article's analysis parts by the article's key, the site data by its inputs) must write exactly what a clean ingest
// of the same input writes: the whole markdown folder, the site data's files included, byte for byte (the caches
// aside), with site data equal to buildArchiveIndex and buildResearch over the full article list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { appendFile, readFile, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestDir, type IngestResult } from '../../src/io/ingest-dir.ts';
import { fileStampOf, settledStamp, STAMP_SETTLE_MS } from '../../src/io/extract-cache.ts';
import { buildResearch } from '../../src/site/research-data.ts';
import { buildArchiveIndex } from '../../src/site/archive-index.ts';
import { readSiteData, readSiteManifest, SITE_PIECES_DIR } from '../../src/io/site-data.ts';
import { parseCuration, type Curation } from '../../src/curation/curation.ts';
import { hashTree } from '../robustness/tree.ts';
import { SEED, tempDir, writeFiles } from '../helpers.ts';
import { BBC, bbcFiles } from '../site/fixtures.ts';

const haveCorpus = existsSync(BBC) && existsSync(SEED);
/** Files that only make later runs faster: everything else must equal a clean ingest's. */
const CACHES = new Set(['.dateline/cache.ndjson', '.dateline/parts.ndjson', '.dateline/fragments.ndjson']);

let tmp: { path: string; cleanup: () => Promise<void> };
let raw: string;
let md: string;
let names: string[] = [];
let clean = 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const withoutCaches = (t: Record<string, string>) => Object.fromEntries(Object.entries(t).filter(([rel]) => !CACHES.has(rel)));

async function curation(): Promise<Curation> {
  const file = join(raw, 'curation.yaml');
  return existsSync(file) ? parseCuration(await readFile(file, 'utf8'), file) : { entities: [], ignore: [] };
}

/** Ingest into the kept folder and check it against a clean ingest of the same input, and its research data against buildResearch. */
async function ingestAndCheck(): Promise<IngestResult> {
  const r = await ingestDir(raw, md);
  const dir = join(tmp.path, `clean-${++clean}`);
  const fresh = await ingestDir(raw, dir);
  expect(r.articles).toEqual(fresh.articles);
  expect(r.rejected).toEqual(fresh.rejected);
  expect(withoutCaches(await hashTree(md))).toEqual(withoutCaches(await hashTree(dir)));
  await rm(dir, { recursive: true, force: true });
  // The site data is the archive index and research data computed from the full article list.
  const text = siteText();
  const c = await curation();
  const descriptions = new Map(c.entities.flatMap((e) => (e.description ? [[`${e.kind}:${e.name}`, e.description] as [string, string]] : [])));
  const settings = (JSON.parse(text) as { settings: unknown }).settings;
  expect(text).toBe(JSON.stringify({ settings, index: buildArchiveIndex(r.articles, descriptions), research: buildResearch(r.articles, descriptions) }));
  return r;
}

/** The site data of the kept folder, as one JSON text. */
const siteText = () => JSON.stringify(readSiteData(md));

/** The cache line of a raw file (the last one: later lines win). */
function cacheLine(source: string): { h: string; t?: string } {
  const lines = readFileSync(join(md, '.dateline', 'cache.ndjson'), 'utf8').split('\n').filter((l) => l.startsWith(`{"s":${JSON.stringify(source)},`));
  return JSON.parse(lines[lines.length - 1]) as { h: string; t?: string };
}

beforeAll(async () => {
  if (!haveCorpus) return;
  tmp = await tempDir('dateline-incremental-');
  raw = join(tmp.path, 'raw');
  md = join(tmp.path, 'md');
  const files = Object.entries(bbcFiles(30)).map(([name, text], i) => [`${2020 + (i % 3)}-0${1 + (i % 9)}-1${i % 10}-${name.replace(/\//g, '-')}`, text]);
  names = files.map(([n]) => n);
  await writeFiles(raw, { ...Object.fromEntries(files), '2025-02-27-seed.txt': readFileSync(SEED, 'utf8') });
  // Whole-second modification times an hour ago (so that a test can set them back exactly); then old enough (their
  // change times too) that the first run records every file's stamp.
  const hourAgo = Math.floor(Date.now() / 1000) - 3600;
  for (const n of names) await utimes(join(raw, n), hourAgo, hourAgo);
  await sleep(STAMP_SETTLE_MS + 200);
  await ingestAndCheck();
}, 300_000);
afterAll(() => tmp?.cleanup());

describe('the stamp rule', () => {
  it('records a stamp only for a file whose times lie over the settling time before the run', () => {
    const s = { size: 10, mtimeMs: 1_000_000, ctimeMs: 1_000_000, ino: 7 };
    expect(settledStamp(s, 1_000_000 + STAMP_SETTLE_MS + 1)).toBe(fileStampOf(s));
    expect(settledStamp(s, 1_000_000 + STAMP_SETTLE_MS)).toBeUndefined();
    // A change of the change time alone (utimes, chmod, a rewrite with the times set back) changes the stamp.
    expect(fileStampOf({ ...s, ctimeMs: s.ctimeMs + 1 })).not.toBe(fileStampOf(s));
    expect(settledStamp({ ...s, ctimeMs: 1_000_000 + 5000 }, 1_000_000 + STAMP_SETTLE_MS + 1)).toBeUndefined();
  });
});

describe.skipIf(!haveCorpus)('incremental ingest equals a clean ingest', () => {
  it('records stamps for settled files', () => {
    for (const n of names) expect(cacheLine(n).t).toMatch(/^\d+:/);
  });

  it('after editing one article: only it is extracted and written', async () => {
    const seed = join(raw, '2025-02-27-seed.txt');
    await appendFile(seed, '\n\nForeign Minister Sergei Lavrov later met Ambassador Jane Holloway in Moscow on Friday.\n');
    const r = await ingestAndCheck();
    expect(r.cached).toBe(names.length);
    expect(r.written).toHaveLength(1);
    // Just written, so not settled: no stamp yet (read and hashed again next run, then stamped).
    expect(cacheLine('2025-02-27-seed.txt').t).toBeUndefined();
  }, 120_000);

  it('after rewording an event of an article (same events, same id): its month of the timeline', async () => {
    const seed = join(raw, '2025-02-27-seed.txt');
    const text = await readFile(seed, 'utf8');
    expect(text).toContain('a phone call between Trump');
    await writeFile(seed, text.replace('a phone call between Trump', 'a telephone call between Trump'));
    const r = await ingestAndCheck();
    expect(r.written).toHaveLength(1);
    expect(siteText()).toContain('a telephone call between Trump');
  }, 120_000);

  it('after touching a file without changing it: nothing is written, the file is stamped anew', async () => {
    const file = join(raw, names[2]);
    const before = cacheLine(names[2]);
    const site = await hashTree(join(md, '.dateline'));
    const now = new Date();
    await utimes(file, now, now);
    const r = await ingestAndCheck();
    expect(r.cached).toBe(names.length + 1);
    expect(r.written).toEqual([]);
    const after = await hashTree(join(md, '.dateline'));
    for (const [rel, hash] of Object.entries(site)) if (rel === 'site.json' || rel.startsWith('site/')) expect(after[rel]).toBe(hash);
    expect(cacheLine(names[2]).h).toBe(before.h);
    expect(cacheLine(names[2]).t).toBeUndefined(); // touched just now: not settled
  }, 120_000);

  it('after changing a file but keeping its size and modification time: the change is seen', async () => {
    // A stamped file: its change time moves when it is written, whatever its modification time is set back to.
    const file = join(raw, names[4]);
    expect(cacheLine(names[4]).t).toBeDefined();
    const before = await stat(file);
    const text = await readFile(file, 'utf8');
    const changed = text.replace(/\bthe\b/, 'THE');
    expect(changed).not.toBe(text);
    await writeFile(file, changed);
    await utimes(file, before.mtimeMs / 1000, before.mtimeMs / 1000);
    const after = await stat(file);
    expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
    let r = await ingestAndCheck();
    expect(r.written).toHaveLength(1);
    // The racy case: a file read in the same instant it was written is not stamped, so a second change within the
    // same clock tick (same size and times, simulated by setting them back) is still seen by the next run.
    const racy = join(raw, names[6]);
    const now = Math.floor(Date.now() / 1000);
    await writeFile(racy, (await readFile(racy, 'utf8')).replace(/\ba\b/, 'A'));
    await utimes(racy, now, now);
    r = await ingestAndCheck();
    expect(r.written).toHaveLength(1);
    expect(cacheLine(names[6]).t).toBeUndefined();
    await writeFile(racy, (await readFile(racy, 'utf8')).replace(/\ban\b/, 'AN'));
    await utimes(racy, now, now);
    r = await ingestAndCheck();
    expect(r.written).toHaveLength(1);
  }, 120_000);

  it('after an edit of paragraphs only: the pieces of the site data made of the rest are kept as they are', async () => {
    const before = readSiteManifest(md)!;
    await appendFile(join(raw, names[10]), '\n\nAn editor added this sentence after publication.\n');
    const r = await ingestAndCheck();
    expect(r.written).toHaveLength(1);
    const after = readSiteManifest(md)!;
    expect(after.pieces.articles).not.toBe(before.pieces.articles);
    for (const p of ['entities', 'timeline', 'network', 'quotes'] as const) expect(after.pieces[p]).toBe(before.pieces[p]);
  }, 120_000);

  it('after a piece of the site data went missing: it is made again', async () => {
    const m = readSiteManifest(md)!;
    await rm(join(md, SITE_PIECES_DIR, m.pieces.network));
    await ingestAndCheck();
  }, 120_000);

  it('after the record of canonical names was damaged: they are made again', async () => {
    const file = join(md, '.dateline', 'canon.ndjson');
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines.length).toBeGreaterThan(names.length);
    lines[3] = lines[3].replace('"e":', '"e":[[{"name":1}],[],[]],"x":');
    await writeFile(file, lines.join('\n'));
    await appendFile(join(raw, names[11]), '\n\nAn editor added this sentence after publication.\n');
    await ingestAndCheck();
  }, 120_000);

  it('after a curation change: descriptions, merged aliases, ignored names', async () => {
    await writeFile(
      join(raw, 'curation.yaml'),
      'entities:\n  - name: Sergei Lavrov\n    type: person\n    description: Foreign minister of Russia.\n  - name: Russia\n    type: place\n    aliases: [Russian Federation]\nignore: [Reuters]\n',
    );
    const r = await ingestAndCheck();
    expect(r.cached).toBe(names.length + 1);
  }, 120_000);

  it('after deleting one article and adding another', async () => {
    await rm(join(raw, names[5]));
    await writeFiles(raw, { '2022-06-01-new.txt': 'LONDON - Prime Minister Tony Blair met Chancellor Gordon Brown at Downing Street on Monday.\n\n"We agreed on the budget," Blair said.' });
    const r = await ingestAndCheck();
    expect(r.deleted).toHaveLength(1);
  }, 120_000);

  it('after a run killed while appending to the cache, and with no cache at all', async () => {
    const cacheFile = join(md, '.dateline', 'cache.ndjson');
    await appendFile(join(raw, names[7]), '\nOne more line.\n');
    await ingestAndCheck();
    const { size } = await stat(cacheFile);
    await truncate(cacheFile, size - 40); // half of the last line
    await appendFile(join(raw, names[8]), '\nAnother line.\n');
    await ingestAndCheck();
    expect(readFileSync(cacheFile, 'utf8').endsWith('\n')).toBe(true);
    await rm(cacheFile);
    await rm(join(md, '.dateline', 'parts.ndjson'));
    const r = await ingestAndCheck();
    expect(r.cached).toBe(0);
    expect(r.written).toEqual([]);
  }, 120_000);

  it('keeps the cache from growing without bound', async () => {
    const cacheFile = join(md, '.dateline', 'cache.ndjson');
    const file = join(raw, names[9]);
    for (let i = 0; i < 4; i++) {
      await appendFile(file, `\nLine ${i}.\n`);
      await ingestDir(raw, md);
    }
    const lines = readFileSync(cacheFile, 'utf8').split('\n').filter(Boolean);
    // The header, the current line of every raw file and of the site data, and at most as much again.
    expect(lines.length).toBeLessThanOrEqual(2 * (names.length + 3));
    await ingestAndCheck();
  }, 120_000);
});
