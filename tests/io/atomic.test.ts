import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from '../../src/io/atomic.ts';
import { tempDir } from '../helpers.ts';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  const t = await tempDir();
  dir = t.path;
  cleanup = t.cleanup;
});
afterEach(() => cleanup());

describe('writeAtomic', () => {
  it('writes a string, bytes, or parts (text and bytes mixed, over several batches) exactly, leaving no temporary file', async () => {
    const file = join(dir, 'sub', 'x.txt');
    await writeAtomic(file, 'héllo\n');
    expect(await readFile(file, 'utf8')).toBe('héllo\n');
    await writeAtomic(file, Buffer.from('bytes'));
    expect(await readFile(file, 'utf8')).toBe('bytes');
    const line = `${'é'.repeat(3000)}\n`; // 6,001 bytes
    const parts: Array<string | Uint8Array> = [];
    for (let i = 0; i < 600; i++) parts.push(i % 3 === 0 ? Buffer.from(`${i}:${line}`) : `${i}:${line}`);
    await writeAtomic(file, parts.values());
    const expected = parts.map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString())).join('');
    expect(await readFile(file, 'utf8')).toBe(expected);
    await writeAtomic(file, [].values());
    expect(await readFile(file, 'utf8')).toBe('');
    expect(await readdir(join(dir, 'sub'))).toEqual(['x.txt']);
  });

  it('leaves the old file whole when the parts fail midway', async () => {
    const file = join(dir, 'y.txt');
    await writeAtomic(file, 'old');
    function* failing() {
      yield 'new ';
      throw new Error('boom');
    }
    await expect(writeAtomic(file, failing())).rejects.toThrow('boom');
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['y.txt']);
  });
});
