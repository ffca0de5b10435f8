import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { main } from '../src/cli.ts';
import { tempDir, writeFiles } from './helpers.ts';

function capture() {
  let text = '';
  const stream = new Writable({ write(chunk, _enc, cb) { text += String(chunk); cb(); } });
  return { stream, text: () => text };
}

async function run(argv: string[]) {
  const out = capture();
  const err = capture();
  const code = await main(argv, { out: out.stream as unknown as typeof process.stdout, err: err.stream as unknown as typeof process.stderr });
  return { code, out: out.text(), err: err.text() };
}

describe('dateline CLI', () => {
  it('prints help for every command with exit 0', async () => {
    for (const cmd of [['--help'], ['ingest', '--help'], ['build', '--help'], ['serve', '--help']]) {
      const r = await run(cmd);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/Usage: dateline/);
    }
  });

  it('exits 2 on a usage error', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['ingest', 'x'])).code).toBe(2); // --out missing
    expect((await run([])).code).toBe(2);
  });

  it('exits 1 and names the file when some input is rejected, building the rest', async () => {
    const tmp = await tempDir();
    await writeFiles(tmp.path, { 'raw/good.txt': 'PARIS - The mayor opened a bridge.', 'raw/bad.txt': '---\ndate: nope\n---\nText' });
    const r = await run(['ingest', `${tmp.path}/raw`, '--out', `${tmp.path}/md`]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/rejected: bad\.txt:2: frontmatter `date` is not a calendar date/);
    expect(r.out).toMatch(/1 article built/);
    await tmp.cleanup();
  });

  it('exits 0 when every article was built', async () => {
    const tmp = await tempDir();
    await writeFiles(tmp.path, { 'raw/good.txt': 'PARIS - The mayor opened a bridge.' });
    const r = await run(['ingest', `${tmp.path}/raw`, '--out', `${tmp.path}/md`]);
    expect(r.code).toBe(0);
    await tmp.cleanup();
  });
});
