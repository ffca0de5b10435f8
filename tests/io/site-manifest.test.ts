import { describe, expect, it } from 'vitest';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isSafeSitePath, pruneSite, publishStaged, readSiteManifest, SITE_MANIFEST } from '../../src/io/site-manifest.ts';
import { ingestDir } from '../../src/io/ingest-dir.ts';
import { tempDir, writeFiles } from '../helpers.ts';

const exists = (p: string) => access(p).then(() => true, () => false);

describe('site manifest', () => {
  it('accepts only plain relative paths inside the site', () => {
    for (const ok of ['index.html', '2024/05/x/index.html', 'assets/style.css']) expect(isSafeSitePath(ok), ok).toBe(true);
    for (const bad of ['', '/etc/passwd', '../x', 'a/../../x', 'a//b', './a', '.dateline-site.json', 'a/.git/config', 'a\\..\\b', 'a\0b']) expect(isSafeSitePath(bad), bad).toBe(false);
  });

  it('deletes only files an earlier build wrote and this one did not, and empty folders it left', async () => {
    const site = await tempDir();
    await writeFiles(site.path, { 'a/index.html': 'a', 'b/index.html': 'b', 'b/mine.txt': 'user file', 'c/index.html': 'c', 'user.html': 'user' });
    await pruneSite(site.path, ['a/index.html', 'b/index.html', 'c/index.html']);
    const deleted = await pruneSite(site.path, ['a/index.html']);
    expect(deleted).toEqual(['b/index.html', 'c/index.html']);
    expect(await exists(join(site.path, 'c'))).toBe(false); // emptied: removed
    expect(await readFile(join(site.path, 'b/mine.txt'), 'utf8')).toBe('user file'); // folder kept: not empty
    expect(await readFile(join(site.path, 'user.html'), 'utf8')).toBe('user');
    expect(await readSiteManifest(site.path)).toEqual(['a/index.html']);
    await site.cleanup();
  });

  it('ignores a tampered manifest that names files outside the site or dot-files', async () => {
    const root = await tempDir();
    const site = join(root.path, 'site');
    await writeFiles(root.path, { 'outside.txt': 'keep', 'site/.git/config': 'keep', 'site/x.html': 'x' });
    await writeFile(join(site, SITE_MANIFEST), JSON.stringify({ files: ['../outside.txt', '/etc/hostname', '.git/config', 'x.html', 42, null] }));
    expect(await pruneSite(site, [])).toEqual(['x.html']);
    expect(await readFile(join(root.path, 'outside.txt'), 'utf8')).toBe('keep');
    expect(await readFile(join(site, '.git/config'), 'utf8')).toBe('keep');
    await writeFile(join(site, SITE_MANIFEST), '{not json');
    expect(await pruneSite(site, [])).toEqual([]);
    await root.cleanup();
  });

  it('publishes a staged site: unchanged files are not rewritten, stale ones go, staging is removed', async () => {
    const root = await tempDir();
    const site = join(root.path, 'site');
    const stage = join(site, '.dateline-staging');
    await writeFiles(stage, { 'index.html': 'home', 'old/index.html': 'old' });
    expect((await publishStaged(stage, site)).written).toEqual(['index.html', 'old/index.html']);
    await writeFiles(stage, { 'index.html': 'home', 'new/index.html': 'new' });
    const r = await publishStaged(stage, site);
    expect(r.written).toEqual(['new/index.html']);
    expect(r.deleted).toEqual(['old/index.html']);
    expect(await exists(stage)).toBe(false);
    expect(await exists(join(site, 'old'))).toBe(false);
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
