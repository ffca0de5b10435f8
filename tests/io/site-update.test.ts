// The site data in pieces (src/io/site-data.ts) and its update by article (src/io/site-update.ts): whatever was
// kept or patched, the pieces read back as the site data made whole from the articles.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { patchSiteData } from '../../src/io/site-update.ts';
import { indexPieceTexts, readSiteData, readSiteDataAndPieces, readSiteManifest, writeSiteData, SITE_PIECES_DIR } from '../../src/io/site-data.ts';
import { PartsStore } from '../../src/io/parts-store.ts';
import { articleParts } from '../../src/analysis/parts.ts';
import { buildArchiveIndex } from '../../src/site/archive-index.ts';
import { buildResearch } from '../../src/site/research-data.ts';
import { loadSiteContext } from '../../src/site/context.ts';
import { DEFAULT_SETTINGS } from '../../src/site/settings.ts';
import type { Article } from '../../src/types.ts';
import { article, ref } from '../analysis/fixtures.ts';
import { tempDir } from '../helpers.ts';

let tmp: { path: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  tmp = await tempDir('dateline-site-data-');
});
afterEach(() => tmp.cleanup());

const desc = new Map([['people:Vladimir Putin', 'President of Russia.']]);

function archive(): Article[] {
  const peskov = ref('Dmitry Peskov');
  const putin = ref('Vladimir Putin');
  const tass = ref('TASS');
  return [
    article('2025/02/a', '2025-02-27', { people: [peskov, putin], paragraphs: ['Kremlin spokesperson Dmitry Peskov said Vladimir Putin would travel.'], events: [{ date: '2025-02-12', precision: 'day', text: 'Putin spoke to Peskov on February 12', paragraph: 0 }] }),
    article('2025/02/b', '2025-02-13', { people: [putin], organisations: [tass], paragraphs: ['TASS, the Russian state news agency, said so.'], quotes: [{ text: 'We agreed.', speaker: 'vladimir-putin', paragraph: 0 }] }),
    article('2025/01/c', '2025-01-02', { people: [peskov], organisations: [tass], paragraphs: ['Peskov spoke to TASS.'] }),
  ];
}

/** The site data made whole, as readSiteData gives it. */
const whole = (arts: Article[]) => JSON.stringify({ settings: DEFAULT_SETTINGS, index: buildArchiveIndex(arts, desc), research: buildResearch(arts, desc) });

/** Write the site data of `arts` whole, and their parts under their keys; returns the keys. */
async function writeWhole(dir: string, arts: Article[]): Promise<string[]> {
  const r = buildResearch(arts, desc);
  const research = { timeline: JSON.stringify(r.timeline), network: JSON.stringify({ network: r.network, pairs: r.pairs }), bios: JSON.stringify(r.bios), quotes: JSON.stringify(r.quotes) };
  await writeSiteData(dir, DEFAULT_SETTINGS, { ...indexPieceTexts(buildArchiveIndex(arts, desc)), ...research }, {});
  const store = PartsStore.read(join(dir, 'parts.ndjson'), 'test');
  const keys = arts.map(keyOf);
  arts.forEach((a, i) => store.get(keys[i], () => articleParts(a)));
  await store.save();
  return keys;
}

/** An article's key: a hash of what it is here (as ingest's keys are). */
const keyOf = (a: Article) => createHash('sha1').update(JSON.stringify(a)).digest('hex');

/** Patch the site data in `dir` (made from articles with keys `oldKeys`) for `arts`, and write what changed. */
async function patch(dir: string, arts: Article[], oldKeys: string[]) {
  const store = PartsStore.read(join(dir, 'parts.ndjson'), 'test');
  const manifest = readSiteManifest(dir)!;
  const fresh = patchSiteData({ outDir: dir, manifest, articles: arts, keys: arts.map(keyOf), oldKeys, madeParts: () => undefined, store, descriptions: desc });
  expect(fresh).toBeDefined();
  await writeSiteData(dir, DEFAULT_SETTINGS, fresh!, manifest.pieces);
  await store.save();
  return { before: manifest, after: readSiteManifest(dir)! };
}

describe('site data in pieces', () => {
  it('reads back as the site data made whole, one piece file each', async () => {
    await writeWhole(tmp.path, archive());
    expect(JSON.stringify(readSiteData(tmp.path))).toBe(whole(archive()));
    const m = readSiteManifest(tmp.path)!;
    for (const name of Object.values(m.pieces)) expect(statSync(join(tmp.path, SITE_PIECES_DIR, name)).isFile()).toBe(true);
  });

  it('a missing or damaged piece is an error naming its file', async () => {
    await writeWhole(tmp.path, archive());
    const m = readSiteManifest(tmp.path)!;
    const file = join(tmp.path, SITE_PIECES_DIR, m.pieces.bios);
    writeFileSync(file, '{"broken');
    expect(() => loadSiteContext(tmp.path)).toThrow(file);
    await rm(file);
    expect(() => loadSiteContext(tmp.path)).toThrow(file);
  });

  it('the research pieces are read when first used; a missing one is an error at once, a damaged one when used', async () => {
    const arts = archive();
    await writeWhole(tmp.path, arts);
    const m = readSiteManifest(tmp.path)!;
    const file = join(tmp.path, SITE_PIECES_DIR, m.pieces.network);
    writeFileSync(file, '{"broken');
    const read = readSiteDataAndPieces(tmp.path)!; // the index pieces only
    expect(read.data.index.articles.length).toBe(arts.length);
    expect(() => read.data.research).toThrow(file);
    await rm(file);
    expect(() => readSiteDataAndPieces(tmp.path)).toThrow(file);
    await writeWhole(tmp.path, arts);
    expect(JSON.stringify(readSiteDataAndPieces(tmp.path)!.data)).toBe(whole(arts));
  });

  it('no site data gives an empty site; the earlier single-file form is read as it is', async () => {
    expect(loadSiteContext(tmp.path).index.articles).toEqual([]);
    const arts = archive();
    await writeWhole(tmp.path, arts);
    writeFileSync(join(tmp.path, '.dateline', 'site.json'), whole(arts));
    expect(JSON.stringify(readSiteData(tmp.path))).toBe(whole(arts));
  });
});

describe('site data patched by article', () => {
  it('a paragraph edit that changes a lede and word count: only the article summaries are written again', async () => {
    const arts = archive();
    const oldKeys = await writeWhole(tmp.path, arts);
    const edited = arts.map((a) => (a.id === '2025/01/c' ? { ...a, paragraphs: ['Peskov spoke to TASS again, at length.', 'A second paragraph.'] } : a));
    const { before, after } = await patch(tmp.path, edited, oldKeys);
    expect(JSON.stringify(readSiteData(tmp.path))).toBe(whole(edited));
    expect(after.pieces.articles).not.toBe(before.pieces.articles);
    for (const p of ['entities', 'timeline', 'network', 'bios', 'quotes'] as const) expect(after.pieces[p]).toBe(before.pieces[p]);
  });

  it('a paragraph edit that gives a person a role: the bios are made again', async () => {
    const arts = archive();
    const oldKeys = await writeWhole(tmp.path, arts);
    const edited = arts.map((a) => (a.id === '2025/01/c' ? { ...a, paragraphs: ['Peskov, the Kremlin spokesman, spoke to TASS.'] } : a));
    const { before, after } = await patch(tmp.path, edited, oldKeys);
    expect(JSON.stringify(readSiteData(tmp.path))).toBe(whole(edited));
    expect(after.pieces.bios).not.toBe(before.pieces.bios);
    expect(JSON.stringify(readSiteData(tmp.path)?.research?.bios)).toContain('Kremlin spokesman');
  });

  it('nothing changed: nothing is written; every remembered part is kept', async () => {
    const arts = archive();
    const oldKeys = await writeWhole(tmp.path, arts);
    const { before, after } = await patch(tmp.path, arts, oldKeys);
    expect(after).toEqual(before);
    const store = PartsStore.read(join(tmp.path, 'parts.ndjson'), 'test');
    for (const k of oldKeys) expect(store.remembered(k)).toBeDefined();
  });
});
