// The extraction cache file is appended to: the last valid line for a source wins, and superseded lines are not parsed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readCache, entryLine } from '../../src/io/extract-cache.ts';
import { createWarmState } from '../../src/io/warm.ts';
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

  it('with a memo, takes what a line parsed to last time while its bytes are the same, and keeps only current lines', async () => {
    const tmp = await tempDir();
    const file = join(tmp.path, 'cache.ndjson');
    const a = entryLine('a.txt', 'ha', 's', 'f', built('Aye'));
    const b = entryLine('b.txt', 'hb', 's', 'f', built('Bee'));
    const c = entryLine('c.txt', 'hc', 's', 'f', built('See'));
    await writeFile(file, [JSON.stringify({ version: 'v' }), a, b, c].join('\n') + '\n');
    const memo = createWarmState().cacheLines;
    const first = readCache(file, 'v', memo)!;
    expect([...memo.lines.keys()].sort()).toEqual(['a.txt', 'b.txt', 'c.txt']);
    // b changed (another run wrote it), c is gone: a's line is taken as parsed, b's parsed again.
    const b2 = entryLine('b.txt', 'hb2', 's', 'f', built('Bee two'));
    await writeFile(file, [JSON.stringify({ version: 'v' }), a, b2].join('\n') + '\n');
    const parse = vi.spyOn(JSON, 'parse');
    const second = readCache(file, 'v', memo)!;
    const parsed = parse.mock.calls.map((args) => args[0]);
    expect(second.entries.get('a.txt')!.built).toBe(first.entries.get('a.txt')!.built);
    expect(parsed).not.toContain(a);
    expect(second.entries.get('b.txt')!.built?.article.title).toBe('Bee two');
    expect(second.entries.get('b.txt')!.hash).toBe('hb2');
    expect(second.entries.has('c.txt')).toBe(false);
    expect([...memo.lines.keys()].sort()).toEqual(['a.txt', 'b.txt']);
    // The same line under another version (other extraction code) is parsed again.
    await writeFile(file, [JSON.stringify({ version: 'w' }), a].join('\n') + '\n');
    expect(readCache(file, 'w', memo)!.entries.get('a.txt')!.built).not.toBe(first.entries.get('a.txt')!.built);
    await tmp.cleanup();
  });

  it('with a memo, reads only what was appended since, and the whole file when it was replaced or rewritten in place', async () => {
    const tmp = await tempDir();
    const file = join(tmp.path, 'cache.ndjson');
    const line = (n: number, title: string) => entryLine(`f${n}.txt`, `h${n}`, 's', 'f', built(title));
    // big enough for the check of earlier bytes to look at several blocks
    const lines = Array.from({ length: 200 }, (_, n) => line(n, `Article number ${n} ${'x'.repeat(50)}`));
    await writeFile(file, [JSON.stringify({ version: 'v' }), ...lines].join('\n') + '\n');
    const memo = createWarmState().cacheLines;
    const view = (c: ReturnType<typeof readCache>) => [...c!.entries].map(([k, e]) => `${k} ${e.hash} ${e.built?.article.title}`).sort();
    readCache(file, 'v', memo);
    const buf = memo.file!.buf;
    // appended (as a run does): the new lines are read into the same buffer, and the result is that of a fresh read
    await appendFile(file, `${line(7, 'Seven again')}\n${line(300, 'New')}\n`);
    const appended = readCache(file, 'v', memo)!;
    expect(memo.file!.buf).toBe(buf);
    expect(view(appended)).toEqual(view(readCache(file, 'v')));
    expect(appended.entries.get('f7.txt')!.built?.article.title).toBe('Seven again');
    expect(appended.bytes.equals(readCache(file, 'v')!.bytes)).toBe(true);
    // rewritten in place, longer, a line in the middle changed (the same inode): read whole
    const changed = lines.map((l, n) => (n === 100 ? line(100, `Changed ${'y'.repeat(50)}`) : l));
    const grown = [JSON.stringify({ version: 'v' }), ...changed, ...Array.from({ length: 5 }, (_, n) => line(301 + n, 'More'))].join('\n') + '\n';
    expect(Buffer.byteLength(grown)).toBeGreaterThan(memo.file!.size);
    await writeFile(file, grown);
    const inPlace = readCache(file, 'v', memo)!;
    expect(inPlace.entries.get('f100.txt')!.built?.article.title).toBe(`Changed ${'y'.repeat(50)}`);
    expect(view(inPlace)).toEqual(view(readCache(file, 'v')));
    // replaced by another file (a rename, as a whole rewrite is): read whole
    const other = join(tmp.path, 'other.ndjson');
    await writeFile(other, `${grown}${line(400, 'Last')}\n`);
    await rename(other, file);
    const replaced = readCache(file, 'v', memo)!;
    expect(replaced.entries.get('f400.txt')!.built?.article.title).toBe('Last');
    expect(view(replaced)).toEqual(view(readCache(file, 'v')));
    await tmp.cleanup();
  });
});
