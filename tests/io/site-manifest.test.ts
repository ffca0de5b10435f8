import { describe, expect, it } from 'vitest';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyState, isSafeSitePath, publishSite, readSiteState, serializeState, SITE_MANIFEST, SITE_PENDING, SITE_STAGING } from '../../src/io/site-manifest.ts';
import { ingestDir } from '../../src/io/ingest-dir.ts';
import { tempDir, writeFiles } from '../helpers.ts';

const exists = (p: string) => access(p).then(() => true, () => false);

describe('site manifest', () => {
  it('writes the record with every map in key order, escaped, whatever order it was filled in', () => {
    // Keys that look like numbers ("2015") are enumerated first by JavaScript objects: the text must still be in
    // string order; a key with a quote, a backslash or a control character is escaped as JSON escapes it.
    const s = { ...emptyState(), version: 'v"1', files: { 'b/index.html': 'h2', 'a/index.html': 'h1', 'q"\\\n.html': 'h3' }, shards: { undated: 's3', '2016': 's2', '2015-q1': 's1', '2015': 's0' } };
    const text = serializeState(s);
    const expected = (o: Record<string, string>) => `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(o[k])}`).join(',')}}`;
    expect(text).toContain(`"files":${expected(s.files)}`);
    expect(text).toContain(`"shards":{"2015":"s0","2015-q1":"s1","2016":"s2","undated":"s3"}`);
    expect(JSON.parse(text)).toEqual({ ...s, data: '' });
    // Written again from a record whose order it takes (a kept record): the same bytes; a key added: still in order.
    expect(serializeState({ ...s, files: { ...s.files } }, s)).toBe(text);
    const more = { ...s, shards: { ...s.shards, '2014': 'sx' } };
    expect(serializeState(more, s)).toContain(`"shards":{"2014":"sx","2015":"s0","2015-q1":"s1","2016":"s2","undated":"s3"}`);
  });

  it('accepts only plain relative paths inside the site', () => {
    for (const ok of ['index.html', '2024/05/x/index.html', 'assets/style.css']) expect(isSafeSitePath(ok), ok).toBe(true);
    for (const bad of ['', '/etc/passwd', '../x', 'a/../../x', 'a//b', './a', '.dateline-site.json', 'a/.git/config', 'a\\..\\b', 'a\0b', 'a/', 'a/.', 'a/..', '.', '..', '/', 'a/b/', 'a\\b', 'x'.repeat(4097)]) expect(isSafeSitePath(bad), bad).toBe(false);
  });

  it('deletes only files an earlier build wrote and this one did not, and empty folders it left', async () => {
    const site = await tempDir();
    const stage = join(site.path, SITE_STAGING);
    await writeFiles(site.path, { 'b/mine.txt': 'user file', 'user.html': 'user' });
    await writeFiles(stage, { 'a/index.html': 'a', 'b/index.html': 'b', 'c/index.html': 'c' });
    const first = { ...emptyState(), files: { 'a/index.html': 'h', 'b/index.html': 'h', 'c/index.html': 'h' } };
    expect(await publishSite(site.path, stage, emptyState(), first)).toEqual([]);
    const deleted = await publishSite(site.path, stage, first, { ...emptyState(), files: { 'a/index.html': 'h' } });
    expect(deleted).toEqual(['b/index.html', 'c/index.html']);
    expect(await exists(join(site.path, 'c'))).toBe(false); // emptied: removed
    expect(await readFile(join(site.path, 'a/index.html'), 'utf8')).toBe('a');
    expect(await readFile(join(site.path, 'b/mine.txt'), 'utf8')).toBe('user file'); // folder kept: not empty
    expect(await readFile(join(site.path, 'user.html'), 'utf8')).toBe('user');
    expect(Object.keys((await readSiteState(site.path)).files)).toEqual(['a/index.html']);
    expect(await exists(stage)).toBe(false);
    await site.cleanup();
  });

  it('moves a staged folder that is new to the site whole, and files into folders the site has one by one', async () => {
    const site = await tempDir();
    const stage = join(site.path, SITE_STAGING);
    await writeFiles(site.path, { 'old/user.txt': 'user file' });
    const built = { 'new/a/index.html': 'a', 'new/b/index.html': 'b', 'old/c/index.html': 'c', 'old/index.html': 'o', 'mixed/ok.html': 'ok', 'top.html': 't' };
    await writeFiles(stage, { ...built, 'mixed/.hidden/x.html': 'never published' });
    await publishSite(site.path, stage, emptyState(), { ...emptyState(), files: Object.fromEntries(Object.keys(built).map((f) => [f, 'h'])) });
    for (const [rel, text] of Object.entries({ 'new/a/index.html': 'a', 'new/b/index.html': 'b', 'old/c/index.html': 'c', 'old/index.html': 'o', 'mixed/ok.html': 'ok', 'top.html': 't', 'old/user.txt': 'user file' })) {
      expect(await readFile(join(site.path, rel), 'utf8'), rel).toBe(text);
    }
    // A folder holding a file the site may not receive is not moved whole: the dot-folder stays behind (and goes with the staging folder).
    expect(await exists(join(site.path, 'mixed/.hidden'))).toBe(false);
    expect(await exists(stage)).toBe(false);
  });

  it('after builds killed while publishing, keeps every file they may have moved on record until a build finishes', async () => {
    const site = await tempDir();
    const stage = join(site.path, SITE_STAGING);
    await writeFiles(stage, { 'a/index.html': 'a' });
    await publishSite(site.path, stage, emptyState(), { ...emptyState(), files: { 'a/index.html': 'h' } });
    expect(await exists(join(site.path, SITE_PENDING))).toBe(false);
    // A build killed after listing (and perhaps moving) b and c.
    await writeFiles(site.path, { 'b/index.html': 'b', 'c/index.html': 'c', [SITE_PENDING]: JSON.stringify(['b/index.html', 'c/index.html', '../x']) });
    const killed = await readSiteState(site.path);
    expect(killed.pending).toBe(true);
    expect(killed.files).toEqual({ 'a/index.html': 'h', 'b/index.html': '', 'c/index.html': '' });
    // The next build, which produces a and d only, removes what the killed one may have left.
    await writeFiles(stage, { 'd/index.html': 'd' });
    const second = await publishSite(site.path, stage, killed, { ...emptyState(), files: { 'a/index.html': 'h', 'd/index.html': 'h' } });
    expect(second).toEqual(['b/index.html', 'c/index.html']);
    expect(await exists(join(site.path, SITE_PENDING))).toBe(false);
    const done = await readSiteState(site.path);
    expect(done.pending).toBeUndefined();
    expect(done.files).toEqual({ 'a/index.html': 'h', 'd/index.html': 'h' });
    await site.cleanup();
  });

  it('ignores a tampered record that names files outside the site or dot-files', async () => {
    const root = await tempDir();
    const site = join(root.path, 'site');
    await writeFiles(root.path, { 'outside.txt': 'keep', 'site/.git/config': 'keep', 'site/x.html': 'x' });
    const files = { '../outside.txt': 'h', '/etc/hostname': 'h', '.git/config': 'h', 'x.html': 'h', 'y.html': 42 };
    await writeFile(join(site, SITE_MANIFEST), JSON.stringify({ files }));
    const old = await readSiteState(site);
    expect(old.files).toEqual({ 'x.html': 'h' });
    expect(await publishSite(site, join(site, SITE_STAGING), old, emptyState())).toEqual(['x.html']);
    expect(await readFile(join(root.path, 'outside.txt'), 'utf8')).toBe('keep');
    expect(await readFile(join(site, '.git/config'), 'utf8')).toBe('keep');
    await writeFile(join(site, SITE_MANIFEST), '{not json');
    expect(await readSiteState(site)).toEqual(emptyState());
    // An older record (a list of paths) is still honoured for deletion.
    await writeFile(join(site, SITE_MANIFEST), JSON.stringify({ files: ['x.html', '../outside.txt'] }));
    expect(Object.keys((await readSiteState(site)).files)).toEqual(['x.html']);
    await root.cleanup();
  });
});

describe('one ingest at a time', () => {
  it('refuses to write while another live process holds the lock, and takes over a dead one', async () => {
    const raw = await tempDir();
    const out = await tempDir();
    await writeFiles(raw.path, { 'a.txt': 'PARIS - The mayor opened a bridge.' });
    await mkdir(join(out.path, '.dateline'), { recursive: true });
    await writeFile(join(out.path, '.dateline', 'lock'), String(process.ppid));
    await expect(ingestDir(raw.path, out.path)).rejects.toThrow(/another dateline run \(process \d+\) is writing/);
    await writeFile(join(out.path, '.dateline', 'lock'), '2147483646');
    expect((await ingestDir(raw.path, out.path)).articles).toHaveLength(1);
    expect(await exists(join(out.path, '.dateline', 'lock'))).toBe(false);
    await raw.cleanup();
    await out.cleanup();
  });

  it('queues runs in the same process on the same folder instead of interleaving them', async () => {
    const raw = await tempDir();
    const out = await tempDir();
    await writeFiles(raw.path, { 'a.txt': 'PARIS - The mayor opened a bridge.' });
    const rs = await Promise.all([1, 2, 3].map(() => ingestDir(raw.path, out.path)));
    expect(rs.map((r) => [r.articles.length, r.cached])).toEqual([[1, 0], [1, 1], [1, 1]]);
    await raw.cleanup();
    await out.cleanup();
  });
});
