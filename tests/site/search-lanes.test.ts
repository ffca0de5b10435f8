// The search index is made by several Pagefind processes at once (one per lane), and is the same as one process makes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { build } from '../../src/build.ts';
import { indexSearchOnly, renderSite } from '../../src/site/build-site.ts';
import { pagefindLanes, searchLaneCount } from '../../src/site/search-index.ts';
import { hashTree } from '../robustness/tree.ts';
import { tempDir, writeFiles } from '../helpers.ts';
import { bbcFiles } from './fixtures.ts';

let root: string;
let cleanup: () => Promise<void>;
const lanesEnv = process.env.DATELINE_SEARCH_LANES;

beforeAll(async () => {
  const tmp = await tempDir();
  root = tmp.path;
  cleanup = tmp.cleanup;
  await writeFiles(join(root, 'raw'), bbcFiles(30)); // 2004, 2005 and undated: three search shards
});
afterAll(async () => {
  if (lanesEnv === undefined) delete process.env.DATELINE_SEARCH_LANES;
  else process.env.DATELINE_SEARCH_LANES = lanesEnv;
  await cleanup();
});

describe('search lanes', () => {
  it('loads one Pagefind API instance (so one process) per lane', async () => {
    const lanes = await pagefindLanes(3);
    expect(lanes).toHaveLength(3);
    expect(new Set(lanes).size).toBe(3);
    expect(new Set(lanes.map((l) => l.createIndex)).size).toBe(3);
    await Promise.all(lanes.map((l) => l.close()));
  });

  it('takes the lane count from DATELINE_SEARCH_LANES, else two to four by cores', () => {
    process.env.DATELINE_SEARCH_LANES = '3';
    expect(searchLaneCount()).toBe(3);
    process.env.DATELINE_SEARCH_LANES = 'x';
    expect(searchLaneCount()).toBeGreaterThanOrEqual(2);
    expect(searchLaneCount()).toBeLessThanOrEqual(4);
  });

  it('writes the same search index with three lanes as with one', async () => {
    process.env.DATELINE_SEARCH_LANES = '1';
    const one = await build(join(root, 'raw'), join(root, 'site1'), { markdownDir: join(root, 'md') });
    expect(one.render.search?.rebuilt).toBe(3);
    process.env.DATELINE_SEARCH_LANES = '3';
    const three = await renderSite(join(root, 'md'), join(root, 'site3'), {});
    expect(three.search?.rebuilt).toBe(3);
    const pagefind = async (site: string) => Object.fromEntries(Object.entries(await hashTree(site)).filter(([k]) => k.startsWith('pagefind/')));
    const a = await pagefind(join(root, 'site1'));
    expect(Object.keys(a).length).toBeGreaterThan(10);
    expect(await pagefind(join(root, 'site3'))).toEqual(a);
    expect(await hashTree(join(root, 'site3'))).toEqual(await hashTree(join(root, 'site1')));
  }, 120_000);

  it('makes, alone (as the benchmark measures it), the search index a full build makes', async () => {
    const alone = join(root, 'search-alone');
    expect(await indexSearchOnly(join(root, 'md'), alone)).toEqual({ pages: 30, shards: 3 });
    const site = join(root, 'site1'); // built above
    const published = Object.fromEntries(Object.entries(await hashTree(site)).filter(([k]) => k.startsWith('pagefind/')));
    expect(await hashTree(alone)).toEqual(published);
  }, 120_000);
});
