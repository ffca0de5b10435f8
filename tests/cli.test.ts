import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { main, progressBars } from '../src/cli.ts';
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

  it('says so when the raw folder does not exist', async () => {
    const r = await run(['build', '/nonexistent/raw', '--out', '/tmp/dateline-never/site']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: raw folder not found: \/nonexistent\/raw$/m);
  });

  it('exits 0 when every article was built', async () => {
    const tmp = await tempDir();
    await writeFiles(tmp.path, { 'raw/good.txt': 'PARIS - The mayor opened a bridge.' });
    const r = await run(['ingest', `${tmp.path}/raw`, '--out', `${tmp.path}/md`]);
    expect(r.code).toBe(0);
    await tmp.cleanup();
  });
});

describe('dateline build: hostile input end to end', () => {
  it('refuses a 5 MB article at the default limit, naming the limit and the flag, and builds it once raised', async () => {
    const tmp = await tempDir();
    const sentence = 'On Tuesday the minister said the talks in Geneva would continue next week. ';
    const big = `PARIS - ${sentence.repeat(Math.ceil((5 * 1048576) / sentence.length))}`;
    await writeFiles(tmp.path, { 'raw/big.txt': big, 'raw/small.txt': 'PARIS - The mayor opened a bridge.' });
    const r = await run(['build', `${tmp.path}/raw`, '--out', `${tmp.path}/site`]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^rejected: big\.txt: file is 5\.0 MB, over the 4\.0 MB limit per article \(raise it with --max-article-size <MB>\)$/m);
    expect(r.out).toMatch(/^1 article built/m);
    // Raised: accepted (the size check is what changed; a smaller file keeps the test fast).
    await writeFiles(tmp.path, { 'raw/big.txt': `PARIS - ${sentence.repeat(Math.ceil(150_000 / sentence.length))}` });
    const low = await run(['build', `${tmp.path}/raw`, '--out', `${tmp.path}/site`, '--max-article-size', '0.1']);
    expect(low.err).toMatch(/rejected: big\.txt: file is 0\.14 MB, over the 0\.10 MB limit per article/);
    const ok = await run(['build', `${tmp.path}/raw`, '--out', `${tmp.path}/site`, '--max-article-size', '0.2']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^2 articles built/m);
    expect((await run(['build', `${tmp.path}/raw`, '--out', `${tmp.path}/site`, '--max-article-size', 'lots'])).code).toBe(2);
    await tmp.cleanup();
  }, 120_000);

  it('ends with a summary, then one line per rejected file; control characters in names are shown escaped', async () => {
    const tmp = await tempDir();
    await writeFiles(tmp.path, {
      'raw/good.txt': 'PARIS - The mayor opened a bridge.',
      'raw/bad\u001b[2Jname\nx.txt': '---\ndate: 2024-13-45\n---\nText',
      'raw/empty.txt': '',
      'raw/latin1.txt': Buffer.from('PARIS - Caf\xe9 au lait.', 'latin1'),
    });
    const r = await run(['build', `${tmp.path}/raw`, '--out', `${tmp.path}/site`]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^2 articles built \(.*\), 1 warning\(s\), 2 rejected$/m);
    expect(r.out).toMatch(/^site: \d+ file\(s\) in /m);
    const lines = r.err.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('rejected: '))).toEqual([
      'rejected: bad\\u001b[2Jname\\nx.txt:2: frontmatter `date` is not a calendar date (YYYY-MM-DD): "2024-13-45"',
      'rejected: empty.txt:1: empty file',
    ]);
    expect(lines.slice(-2).every((l) => l.startsWith('rejected: '))).toBe(true);
    expect(r.err).toMatch(/^warning: latin1\.txt: not valid UTF-8; decoded as Windows-1252/m);
    expect(r.err).not.toContain('\u001b');
    await tmp.cleanup();
  }, 60_000);

  it('shows progress bars for long builds on a terminal, and nothing when stderr is not a terminal', async () => {
    const plain = capture();
    const quiet = progressBars(plain.stream);
    expect(quiet.ingest).toBeUndefined();
    expect(quiet.render).toBeUndefined();
    quiet.stop();
    expect(plain.text()).toBe('');

    const tty = capture();
    Object.assign(tty.stream, { isTTY: true, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    const bars = progressBars(tty.stream);
    bars.ingest!(10, 10); // too few articles for a bar
    for (let i = 0; i <= 200; i += 50) bars.ingest!(i, 200);
    bars.render!('articles', 100, 200);
    bars.render!('pages', 500, 1000);
    bars.render!('search', 1, 3);
    await new Promise((r) => setTimeout(r, 300)); // bars redraw on a timer
    const shown = tty.text();
    bars.stop();
    expect(shown).toMatch(/ingest\s+\[.*\] 200\/200 articles/);
    expect(shown).toMatch(/articles\s+\[.*\] 100\/200 article pages/);
    expect(shown).toMatch(/pages\s+\[.*\] 500\/1000 other pages/);
    expect(shown).toMatch(/search\s+\[.*\] 1\/3 search shards/);
    expect(shown).not.toMatch(/10\/10/);
  });
});
