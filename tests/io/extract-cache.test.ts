// The extraction cache file is appended to: the last valid line for a source wins, and superseded lines are not parsed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readCache, entryLine } from '../../src/io/extract-cache.ts';
import { tempDir } from '../helpers.ts';

/** A source whose JSON holds `,\"h\":`, escaped: the reader must not take it for the end of the source. */
const A = 'a "quoted","h": name.txt';
const built = (title: string) => JSON.stringify({ built: { slug: title.toLowerCase(), warnings: [], article: { title } } });

afterEach(() => vi.restoreAllMocks());

describe('readCache', () => {
  it('takes the last valid line of each source and of the site, and parses no line it superseded', async () => {
    const tmp = await tempDir();
    const a1 = entryLine(A, 'h1', 's1', 'f1', built('First'));
    const b = entryLine('b.txt', 'hb', undefined, undefined, built('Bee'));
    const a2 = entryLine(A, 'h2', 's2', 'f2', built('Second'));
    const site1 = JSON.stringify({ site: { key: 'k1', structure: 'st' } });
    const a3 = entryLine(A, 'h3', 's3', 'f3', built('Third')).slice(0, -20); // damaged
    const site2 = JSON.stringify({ site: { key: 7 } }); // not a record
    const text = [JSON.stringify({ version: 'v' }), a1, b, a2, site1, a3, site2].join('\n') + '\n';
    const file = join(tmp.path, 'cache.ndjson');
    await writeFile(file, text);
    const parse = vi.spyOn(JSON, 'parse');
    const c = readCache(file, 'v')!;
    const parsed = parse.mock.calls.map((args) => args[0]);
    const a = c.entries.get(A)!;
    expect([a.hash, a.stamp, a.facets, a.built?.article.title]).toEqual(['h2', 's2', 'f2', 'Second']);
    expect(c.entries.get('b.txt')?.built?.article.title).toBe('Bee');
    expect(c.entries.size).toBe(2);
    expect(c.site).toEqual({ key: 'k1', structure: 'st' });
    expect([c.size, c.whole]).toEqual([Buffer.byteLength(text), true]);
    expect(parsed).not.toContain(a1);
    expect(parsed).toContain(a2);
    // the line an entry was read from is kept, to be written back as it is
    expect(c.bytes.toString('utf8', a.line![0] as number, a.line![1] as number)).toBe(a2);
    expect(readCache(file, 'other')).toBeUndefined();
    await tmp.cleanup();
  });
});
