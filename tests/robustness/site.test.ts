// Hostile input through the whole build: text on every page is data (never markup or template code),
// output stays inside the site folder, the same input gives byte-identical output, and pages of deleted
// articles disappear while files the tool did not write stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, readdir, rm, writeFile, access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type BuildResult } from '../../src/build.ts';
import { SITE_MANIFEST } from '../../src/io/site-manifest.ts';
import { tempDir, writeFiles, htmlText } from '../helpers.ts';
import { hashTree } from './tree.ts';

const exists = (p: string) => access(p).then(() => true, () => false);

const HOSTILE_TITLE = '<script>alert(1)</script> {{ 7 * 7 }} ${process.env.HOME} <%= x %>';
const HOSTILE_FILES: Record<string, string> = {
  'injection.txt': [
    '---',
    `title: ${JSON.stringify(HOSTILE_TITLE)}`,
    'date: 2024-05-03',
    'byline: "<img src=x onerror=alert(2)>"',
    'location: "{% include \\"../package.json\\" %}"',
    'people: [{name: "<b onclick=\\"x()\\">Evil</b> Person", role: "{{ role }} <i>"}, "Anna ${x} Smith"]',
    'organisations: ["<svg onload=alert(3)> Corp"]',
    'note: "<script>alert(4)</script>"',
    'permalink: ../../../../outside.html',
    'layout: ../../../package.json',
    'eleventyComputed: {title: "{{ 7 * 7 }}"}',
    'pagination: {data: collections.all, size: 1}',
    '---',
    'MOSCOW - Officials said {{ 7 * 7 }} and {% include "../package.json" %} and ${process.env.HOME} and <%= x %>.',
    '',
    '<script>alert(5)</script> <a href="javascript:alert(6)" onmouseover="alert(7)">click</a> [link](javascript:alert(8))',
    '',
    '1996. A year',
    '',
    '# heading',
    '',
    '* item',
    '',
    '> quote',
    '',
    '    four-space indent',
    '',
    '_under_ and |pipes| and `ticks` and &amp; and &#60;b&#62;',
  ].join('\n'),
  'traversal.txt': '---\ntitle: ../../../../tmp/pwned\nslug: ../../../etc/passwd\ndate: 2024-05-04\n---\nBody of a path traversal attempt.\n',
  'absolute.txt': '---\ntitle: /etc/passwd\nslug: /absolute/path\n---\nAnother traversal attempt.\n',
  'scripts.txt': '---\ntitle: Names in any script\ndate: 2024-05-05\npeople: [Recep Tayyip Erdoğan, Владимир Путин, Κυριάκος Μητσοτάκης, محمد بن سلمان, 习近平]\n---\nANKARA - Leaders met.\n',
  'collide.txt': '---\ndate: 2024-01-06\npeople: [李伟, 李薇, Li Wei, By Mentions]\n---\nBEIJING - Officials met.\n',
  'same-1.txt': '---\ntitle: Storm hits coast\ndate: 2024-01-05\n---\nFirst report.\n',
  'same 2 ünïcode.txt': '---\ntitle: Storm hits coast\ndate: 2024-01-05\n---\nSecond report.\n',
  '<img src=x onerror=alert(9)>.txt': 'PARIS - The mayor opened a bridge.\n',
  'bad.txt': '---\ndate: 2024-13-45\n---\nText.\n',
  'curation.yaml': [
    'entities:',
    '  - name: "<i onmouseover=alert(10)>Evil</i> Org"',
    '    type: organisation',
    '    aliases: ["<svg onload=alert(3)> Corp"]',
    '    description: "<script>alert(11)</script> {{ 7 * 7 }} [x](javascript:alert(12))"',
  ].join('\n'),
};

let tmp: Awaited<ReturnType<typeof tempDir>>;
let raw: string;
let site: string;
let md: string;
let r: BuildResult;
let firstHashes: Record<string, string>;

beforeAll(async () => {
  tmp = await tempDir('dateline-hostile-site-');
  raw = join(tmp.path, 'raw');
  site = join(tmp.path, 'site');
  md = join(tmp.path, 'md');
  await writeFiles(raw, HOSTILE_FILES);
  r = await build(raw, site, { markdownDir: md, quiet: true });
  firstHashes = await hashTree(site);
}, 120_000);
afterAll(() => tmp.cleanup());

const article = (source: string) => r.ingest.articles.find((a) => a.source === source)!;
const pageOf = (source: string) => readFile(join(site, article(source).id, 'index.html'), 'utf8');

async function allHtml(): Promise<Array<[string, string]>> {
  const files = (await readdir(site, { recursive: true })).filter((f) => String(f).endsWith('.html') || String(f).endsWith('.xml'));
  return Promise.all(files.map(async (f) => [String(f), await readFile(join(site, String(f)), 'utf8')] as [string, string]));
}

describe('hostile input through build()', () => {
  it('builds every article but the bad one, which is named with its line', () => {
    expect(r.ingest.rejected).toEqual([{ file: 'bad.txt', line: 2, reason: expect.stringMatching(/not a calendar date/) }]);
    expect(r.ingest.articles).toHaveLength(Object.keys(HOSTILE_FILES).length - 2);
  });

  it('shows article text, title, names, roles and file names literally, never as markup or template code', async () => {
    const html = await pageOf('injection.txt');
    const text = htmlText(html);
    expect(text).toContain(HOSTILE_TITLE);
    expect(text).toContain('Officials said {{ 7 * 7 }} and {% include "../package.json" %} and ${process.env.HOME} and <%= x %>.');
    expect(text).toContain('<script>alert(5)</script> <a href="javascript:alert(6)" onmouseover="alert(7)">click</a> [link](javascript:alert(8))');
    for (const line of ['1996. A year', '# heading', '* item', '> quote', 'four-space indent', '_under_ and |pipes| and `ticks` and &amp; and &#60;b&#62;']) {
      expect(text).toContain(line);
    }
    expect(text).toContain('<b onclick="x()">Evil</b> Person');
    expect(text).toContain('<img src=x onerror=alert(2)>');
    expect(text).not.toMatch(/\b49\b/);
    const org = article('injection.txt').organisations.find((o) => o.name.startsWith('<i'))!;
    expect(org.aliases).toContain('<svg onload=alert(3)> Corp');
    const orgPage = htmlText(await readFile(join(site, 'organisations', org.slug, 'index.html'), 'utf8'));
    expect(orgPage).toContain('<i onmouseover=alert(10)>Evil</i> Org');
    expect(orgPage).toContain('<svg onload=alert(3)> Corp'); // the alias, as written
    expect(orgPage).toContain('<script>alert(11)</script> {{ 7 * 7 }} [x](javascript:alert(12))');
    const role = htmlText(await readFile(join(site, 'people', article('injection.txt').people.find((p) => p.name.startsWith('<b'))!.slug, 'index.html'), 'utf8'));
    expect(role).toContain('<b onclick="x()">Evil</b> Person');
    const src = htmlText(await pageOf('<img src=x onerror=alert(9)>.txt'));
    expect(src).toContain('<img src=x onerror=alert(9)>.txt');
  });

  it('has no markup from the input anywhere in the site: no handlers, no javascript: links, no injected elements', async () => {
    for (const [file, html] of await allHtml()) {
      // Attribute values are escaped text (an aria-label may read "<b onclick=…>"): look at the markup around them.
      const markup = html.replace(/="[^"]*"/g, '=""');
      expect(markup, file).not.toMatch(/<(script|img|svg|b|i|a)\b[^>]*\s(onerror|onclick|onload|onmouseover)\s*=/i);
      expect(html, file).not.toMatch(/<script>alert|<svg onload|<img src=x|<i onmouseover/i);
      expect(html, file).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
      expect(html, file).not.toContain('>49<');
    }
  });

  it('keeps JSON-LD valid JSON with the text as written', async () => {
    const html = await pageOf('injection.txt');
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    for (const b of blocks) {
      expect(b).not.toMatch(/<\/?script/i);
      const data = JSON.parse(b);
      if (data.headline) expect(data.headline).toBe(HOSTILE_TITLE);
    }
  });

  it('never lets frontmatter steer Eleventy: permalink, layout, eleventyComputed stay data under `extra`', async () => {
    expect(await exists(join(tmp.path, 'outside.html'))).toBe(false);
    const all = await readdir(tmp.path, { recursive: true });
    expect(all.filter((f) => String(f).endsWith('outside.html'))).toEqual([]);
    const a = article('injection.txt');
    expect(a.extra).toMatchObject({ permalink: '../../../../outside.html', layout: '../../../package.json', eleventyComputed: { title: '{{ 7 * 7 }}' } });
    const gen = await readFile(join(md, 'articles', `${a.id}.md`), 'utf8');
    expect(gen.match(/^permalink: .*$/m)?.[0]).toBe(`permalink: /${a.id}/`);
    expect(gen.match(/^layout: .*$/m)?.[0]).toBe('layout: article.11ty.js');
    expect(gen).not.toMatch(/^(eleventyComputed|pagination|tags):/m);
  });

  it('keeps every URL inside the site folder, from readable slugs', () => {
    expect(article('traversal.txt').id).toBe('2024/05/etc-passwd');
    expect(article('absolute.txt').id).toMatch(/^undated\/[a-z0-9-]+$/);
    expect(r.ingest.warnings.map((w) => w.message).join('\n')).toMatch(/not a plain URL slug/);
  });

  it('gives same title and date distinct stable URLs, and colliding entity slugs distinct pages', async () => {
    const a = article('same-1.txt').id;
    const b = article('same 2 ünïcode.txt').id;
    expect(a).not.toBe(b);
    expect(a).toMatch(/^2024\/01\/storm-hits-coast-[0-9a-f]{6}$/);
    expect(r.ingest.warnings).toContainEqual({ file: 'same-1.txt', message: expect.stringMatching(/another article has the same URL slug in the same month/) });
    const people = article('collide.txt').people;
    const slugs = people.map((p) => p.slug);
    expect(new Set(slugs).size).toBe(4);
    expect(people.find((p) => p.name === 'Li Wei')!.slug).toBe('li-wei');
    expect(people.find((p) => p.name === 'By Mentions')!.slug).toMatch(/^by-mentions-[0-9a-f]{6}$/);
    for (const p of people) expect(htmlText(await readFile(join(site, 'people', p.slug, 'index.html'), 'utf8'))).toContain(p.name);
    const scripts = Object.fromEntries(article('scripts.txt').people.map((p) => [p.name, p.slug]));
    expect(scripts).toMatchObject({ 'Recep Tayyip Erdoğan': 'recep-tayyip-erdogan', 'Владимир Путин': 'vladimir-putin', 'Κυριάκος Μητσοτάκης': 'kyriakos-mitsotakis', 习近平: 'xi-jin-ping' });
    for (const s of Object.values(scripts)) expect(s).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('builds byte-identical output twice in a row, and the same from a clean folder', async () => {
    const again = await build(raw, site, { markdownDir: md, quiet: true });
    expect(again.written).toEqual([]);
    expect(await hashTree(site)).toEqual(firstHashes);
    const site2 = join(tmp.path, 'site2');
    await build(raw, site2, { markdownDir: join(tmp.path, 'md2'), quiet: true });
    expect(await hashTree(site2)).toEqual(firstHashes);
    expect(Object.keys(firstHashes)).toContain(SITE_MANIFEST);
    expect(Object.keys(firstHashes).filter((f) => f.includes('.dateline-staging') || f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('removes the pages of a deleted article and entities only it mentioned, and nothing it did not write', async () => {
    const gone = article('collide.txt');
    await writeFile(join(site, 'my-notes.html'), 'mine');
    await mkdir(join(site, '2024', '01', 'mine'), { recursive: true });
    await writeFile(join(site, '2024', '01', 'mine', 'index.html'), 'mine too');
    await rm(join(raw, 'collide.txt'));
    const r2 = await build(raw, site, { markdownDir: md, quiet: true });
    expect(await exists(join(site, gone.id, 'index.html'))).toBe(false);
    expect(await exists(join(site, gone.id))).toBe(false);
    expect(await exists(join(md, 'articles', `${gone.id}.md`))).toBe(false);
    for (const p of gone.people) expect(await exists(join(site, 'people', p.slug, 'index.html')), p.slug).toBe(false);
    expect(r2.removed).toContain(`${gone.id}/index.html`);
    expect(await readFile(join(site, 'my-notes.html'), 'utf8')).toBe('mine');
    expect(await readFile(join(site, '2024', '01', 'mine', 'index.html'), 'utf8')).toBe('mine too');
    for (const a of r2.ingest.articles) expect(await exists(join(site, a.id, 'index.html')), a.id).toBe(true);
    // Put it back: the same pages return, byte for byte.
    await writeFiles(raw, { 'collide.txt': HOSTILE_FILES['collide.txt'] });
    await build(raw, site, { markdownDir: md, quiet: true });
    const back = await hashTree(site);
    delete back['my-notes.html'];
    delete back['2024/01/mine/index.html'];
    expect(back).toEqual(firstHashes);
  }, 120_000);
});
