// Messy and hostile raw files, one by one: each either builds (with a warning where something was repaired)
// or is rejected with one clear line naming the file and the reason (and the line, for frontmatter errors).
// All of them together in one folder: every good article still builds.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildOne, ingestDir } from '../../src/io/ingest-dir.ts';
import { decodeArticle } from '../../src/io/decode.ts';
import { ROOT, tempDir, writeFiles } from '../helpers.ts';

const HOSTILE = join(ROOT, 'tests', 'fixtures', 'hostile');
const fixture = (name: string) => readFileSync(join(HOSTILE, name));

const BODY = 'LONDON - Café owners in Zürich said the naïve plan was “fine”.\n\nSecond paragraph.';
const utf16be = (s: string) => {
  const b = Buffer.from(s, 'utf16le');
  b.swap16();
  return b;
};

type Expect = { built: true; warning?: RegExp; check?: (a: NonNullable<ReturnType<typeof buildOne>['built']>) => void } | { rejected: RegExp; line?: number };

/** Every case: file name → bytes and the expected outcome. Binary cases are generated here at run time. */
const CASES: Array<[string, Uint8Array, Expect]> = [
  // Encodings
  ['utf8.txt', Buffer.from(BODY), { built: true, check: (b) => expect(b.article.paragraphs[0]).toBe('Café owners in Zürich said the naïve plan was “fine”.') }],
  ['utf8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BODY)]), { built: true, check: (b) => expect(b.article.location).toBe('London') }],
  ['utf16le-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BODY, 'utf16le')]), { built: true, check: (b) => expect(b.article.paragraphs[0]).toContain('Zürich') }],
  ['utf16be-bom.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(BODY)]), { built: true, check: (b) => expect(b.article.paragraphs[0]).toContain('naïve') }],
  ['utf16le-no-bom.txt', Buffer.from(BODY, 'utf16le'), { built: true, warning: /UTF-16 LE without a byte-order mark/ }],
  ['utf16be-no-bom.txt', utf16be(BODY), { built: true, warning: /UTF-16 BE without a byte-order mark/ }],
  [
    'utf32le-bom.txt',
    Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), ...[...BODY].map((c) => { const b = Buffer.alloc(4); b.writeUInt32LE(c.codePointAt(0)!); return b; })]),
    { built: true, warning: /UTF-32 LE/, check: (b) => expect(b.article.paragraphs[0]).toContain('Zürich') },
  ],
  ['utf16-odd-bytes.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BODY, 'utf16le'), Buffer.from([0x41])]), { rejected: /odd number of bytes/ }],
  ['utf16-broken-surrogate.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('LONDON - x ', 'utf16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]), { rejected: /surrogate/ }],
  [
    'windows-1252.txt',
    Buffer.from('LONDON - Caf\xe9 owners said \x93fine\x94 \x96 na\xefve.', 'latin1'),
    { built: true, warning: /Windows-1252/, check: (b) => expect(b.article.paragraphs[0]).toBe('Café owners said “fine” – naïve.') },
  ],
  [
    'mixed-utf8-latin1.txt',
    Buffer.concat([Buffer.from('LONDON - Zürich and '), Buffer.from([0x43, 0x61, 0x66, 0xe9]), Buffer.from(' met in Genève.')]),
    { built: true, warning: /mixed encodings: 1 byte/, check: (b) => expect(b.article.paragraphs[0]).toBe('Zürich and Café met in Genève.') },
  ],
  ['cyrillic-cp1251.txt', Buffer.from([0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0, 0x20, 0x2d, 0x20, 0xcf, 0xf3, 0xf2, 0xe8, 0xed, 0x20, 0xf1, 0xea, 0xe0, 0xe7, 0xe0, 0xeb, 0x2e]), { rejected: /not valid UTF-8.*save the file as UTF-8/ }],
  ['bad-utf8-bom.txt', Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42]), { rejected: /byte-order mark but is not valid UTF-8/ }],
  ['crlf.txt', Buffer.from(BODY.replace(/\n/g, '\r\n')), { built: true, check: (b) => expect(b.article.paragraphs).toEqual(['Café owners in Zürich said the naïve plan was “fine”.', 'Second paragraph.']) }],
  ['lone-cr.txt', Buffer.from(BODY.replace(/\n/g, '\r')), { built: true, warning: /lone CR/, check: (b) => expect(b.article.paragraphs).toHaveLength(2) }],
  ['nul-and-controls.txt', Buffer.from('LONDON - A\u0000 b\u0007 c\u001b[31m red\u000c.\n\nMore.'), { built: true, warning: /removed 4 control character/, check: (b) => expect(b.article.paragraphs.join('')).not.toMatch(/[\u0000-\u0008\u001b]/) }],
  ['c1-quotes.txt', Buffer.from('LONDON - He said \u0093yes\u0094 \u0085 then left.'), { built: true, warning: /C1 control/, check: (b) => expect(b.article.paragraphs[0]).toBe('He said “yes” … then left.') }],
  ['mostly-nul.txt', Buffer.concat([Buffer.from('Title\n\nBody\n'), Buffer.alloc(5000)]), { rejected: /binary data, not text: \d+% NUL/ }],
  ['nul-every-so-often.txt', Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 20 === 0 ? 0 : 0x61 + (i % 26)))), { rejected: /binary data/ }],
  ['png-named.txt', Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'), Buffer.alloc(64, 7)]), { rejected: /PNG image/ }],
  ['gzip-named.txt', gzipSync(Buffer.from(BODY.repeat(20))), { rejected: /gzip archive/ }],
  ['pdf-named.md', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1'), { rejected: /PDF document/ }],
  ['docx-named.txt', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]), { rejected: /ZIP archive/ }],
  ['random-bytes.txt', Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 197 + 31) % 256)), { rejected: /binary data|not valid UTF-8/ }],
  ['mojibake.txt', Buffer.from('LONDON - CafÃ© owners said it was fine.'), { built: true, warning: /mojibake/ }],
  ['bidi-override.txt', Buffer.from('LONDON - The file invoice\u202Efdp.exe was sent.'), { built: true, warning: /bidirectional override/ }],
  // Empty and odd structure
  ['empty.txt', Buffer.alloc(0), { rejected: /^empty file$/, line: 1 }],
  ['whitespace-only.txt', Buffer.from(' \n\t\n  \r\n'), { rejected: /empty file: only white space/, line: 1 }],
  ['bom-only.txt', Buffer.from([0xef, 0xbb, 0xbf]), { rejected: /empty file/ }],
  ['invisible-only.txt', Buffer.from('\u200b\u200b\n\u2060 \u00ad'), { rejected: /only invisible characters/ }],
  ['only-frontmatter.txt', fixture('only-frontmatter.txt'), { rejected: /no article text after the frontmatter/, line: 5 }],
  ['bad-yaml.txt', fixture('bad-yaml.txt'), { rejected: /invalid YAML frontmatter/, line: 3 }],
  ['bad-date.txt', fixture('bad-date.txt'), { rejected: /`date` is not a calendar date \(YYYY-MM-DD\): "2024-13-45"/, line: 3 }],
  ['feb-30.txt', Buffer.from('---\ndate: 2023-02-29\n---\nText.'), { rejected: /not a calendar date/, line: 2 }],
  ['date-word.txt', Buffer.from('---\ntitle: A\ndate: yesterday\n---\nText.'), { rejected: /not a calendar date/, line: 3 }],
  ['unclosed-frontmatter.txt', Buffer.from('---\ntitle: x\nThe body, but nobody closed the block.'), { rejected: /never closed/, line: 1 }],
  ['frontmatter-list.txt', Buffer.from('---\n- a\n- b\n---\nBody.'), { rejected: /must be a mapping/, line: 2 }],
  ['duplicate-key.txt', Buffer.from('---\ntitle: a\ntitle: b\n---\nBody.'), { rejected: /keys must be unique/i, line: 3 }],
  ['title-list.txt', Buffer.from('---\ndate: 2024-01-01\ntitle: [a, b]\n---\nBody.'), { rejected: /`title` must be text, not a list/, line: 3 }],
  ['people-bad.txt', Buffer.from('---\npeople: [{role: mayor}]\n---\nBody.'), { rejected: /`people` must be a list of names/, line: 2 }],
  ['title-number.txt', Buffer.from('---\ntitle: 1.50\n---\nBody text.'), { built: true, check: (b) => expect(b.article.title).toBe('1.50') }],
  [
    'title-replaces-line.txt',
    Buffer.from('---\ntitle: Given title\n---\nMOSCOW - {{ x }} spoke today.\n\nSecond para.'),
    { built: true, warning: /replaces the first line/, check: (b) => expect(b.article.titleOriginal).toBe('MOSCOW - {{ x }} spoke today.') },
  ],
  [
    'frontmatter-escapes.txt',
    Buffer.from('---\ntitle: "a\\u0000b\\u001b[2J\\x07c"\n---\nBody text.'),
    { built: true, warning: /removed 3 control character\(s\) written as escapes/, check: (b) => expect(b.article.title).toBe('ab[2Jc') },
  ],
  ['2024-13-45-bad-name-date.txt', Buffer.from('PARIS - The mayor opened a bridge.'), { built: true, warning: /file name starts with 2024-13-45, which is not a calendar date/, check: (b) => expect(b.article.date).toBeUndefined() }],
  ['us-spelling-key.txt', Buffer.from('---\norganizations: [Acme]\nauthor: Jane Roe\n---\nBody text.'), { built: true, warning: /`organizations` is not `organisations`[\s\S]*`author` is not `byline`/ }],
  ['wrong-case-key.txt', Buffer.from('---\nTitle: Wrong case\n---\nBody text.'), { built: true, warning: /`Title` is not `title`/, check: (b) => expect(b.article.extra).toEqual({ Title: 'Wrong case' }) }],
  [
    'unknown-keys.txt',
    fixture('unknown-keys.txt'),
    {
      built: true,
      warning: /`permalink` is not used by dateline/,
      check: (b) => {
        const extra = b.article.extra as Record<string, unknown>;
        expect(extra.category).toBe('Politics');
        expect(extra.permalink).toBe('../../../outside.html');
        expect(extra.eleventyComputed).toEqual({ title: '{{ 7 * 7 }}' });
        expect(extra.version).toBe('1.50'); // as written, not 1.5
        expect(extra.big).toBe('12345678901234567890'); // as written, not rounded
      },
    },
  ],
  ['proto-pollution.txt', fixture('proto-pollution.txt'), { rejected: /key `__proto__` is not allowed/, line: 5 }],
  ['constructor-pollution.txt', fixture('constructor-pollution.txt'), { rejected: /key `constructor` is not allowed/, line: 3 }],
  ['yaml-bomb.txt', fixture('yaml-bomb.txt'), { rejected: /alias bomb/ }],
  ['yaml-deep.txt', Buffer.from(`---\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\nBody.`), { rejected: /nested/ }],
  ['yaml-deep-block.txt', Buffer.from(`---\n${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} x\n---\nBody.`), { rejected: /nested more than 32 levels/ }],
  ['huge-frontmatter.txt', Buffer.from(`---\nlist:\n${'  - item\n'.repeat(20000)}---\nBody.`), { rejected: /over the 64 KB limit|longer than 64 KB/, line: 1 }],
  ['yaml-tags.txt', Buffer.from('---\ntitle: !!js/function "function(){return 1}"\nx: !!binary aGVsbG8=\n---\nBody.'), { built: true, check: (b) => expect(typeof b.article.title).toBe('string') }],
  // Paths in frontmatter
  ['path-traversal.txt', fixture('path-traversal.txt'), { built: true, warning: /not a plain URL slug; used "etc-passwd"/, check: (b) => expect(b.slug).toBe('etc-passwd') }],
  ['absolute-path.txt', fixture('absolute-path.txt'), { built: true, check: (b) => expect(b.slug).toMatch(/^[a-z0-9-]+$/) }],
];

describe('each hostile input, alone', () => {
  it.each(CASES)('%s', (name, bytes, want) => {
    const r = buildOne(name, bytes);
    if ('rejected' in want) {
      expect(r.built, `${name} should be rejected`).toBeUndefined();
      expect(r.error!.file).toBe(name);
      expect(r.error!.reason).toMatch(want.rejected);
      expect(r.error!.reason).not.toMatch(/\n|internal error/);
      if (want.line) expect(r.error!.line).toBe(want.line);
    } else {
      expect(r.error, `${name}: ${r.error?.reason}`).toBeUndefined();
      const b = r.built!;
      if (want.warning) expect(b.warnings.map((w) => w.message).join('\n')).toMatch(want.warning);
      else expect(b.warnings.filter((w) => /decoded|removed|mojibake/.test(w.message))).toEqual([]);
      for (const w of b.warnings) expect(w.file).toBe(name);
      for (const p of b.article.paragraphs) expect(p).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\ufffd]/);
      want.check?.(b);
    }
  });

  it('decodes every encoding of the same text to the same text', () => {
    const encodings = [
      Buffer.from(BODY),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BODY)]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BODY, 'utf16le')]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(BODY)]),
      Buffer.from(BODY, 'utf16le'),
      utf16be(BODY),
      Buffer.from(BODY.replace(/\n/g, '\r\n')),
    ];
    for (const e of encodings) expect(decodeArticle(e).text).toBe(BODY);
  });
});

describe('all hostile inputs in one folder', () => {
  it('builds every good article and names every bad file once, with a reason', async () => {
    const raw = await tempDir();
    const out = await tempDir();
    const files: Record<string, Uint8Array> = Object.fromEntries(CASES.map(([n, b]) => [n, b]));
    files['good one.txt'] = Buffer.from('---\ndate: 2024-02-03\n---\nPARIS - The mayor opened a bridge.');
    files['Ünïcödé ñame/İstanbul haberi.txt'] = Buffer.from('ISTANBUL - Ferries resumed.');
    for (const f of readdirSync(HOSTILE)) files[`fixtures/${f}`] = readFileSync(join(HOSTILE, f));
    await writeFiles(raw.path, files);
    const r = await ingestDir(raw.path, out.path);
    const rejectedNames = r.rejected.map((x) => x.file);
    expect(new Set(rejectedNames).size).toBe(rejectedNames.length);
    const expectRejected = CASES.filter(([, , w]) => 'rejected' in w).map(([n]) => n);
    for (const n of expectRejected) expect(rejectedNames).toContain(n);
    const builtSources = new Set(r.articles.map((a) => a.source));
    expect(builtSources.has('good one.txt')).toBe(true);
    expect(builtSources.has('Ünïcödé ñame/İstanbul haberi.txt')).toBe(true);
    for (const [n, , w] of CASES) if ('built' in w) expect(builtSources.has(n), n).toBe(true);
    // Every input accounted for exactly once.
    expect(builtSources.size + rejectedNames.length).toBe(Object.keys(files).length);
    // Ids are unique and URL-safe.
    const ids = r.articles.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(\d{4}\/\d{2}|undated)\/[a-z0-9][a-z0-9-]*$/);
    await raw.cleanup();
    await out.cleanup();
  });

  it('reads a curation file and site settings in any encoding the articles accept, and names a binary one', async () => {
    const raw = await tempDir();
    const out = await tempDir();
    await writeFiles(raw.path, {
      'a.txt': 'PARIS - The mayor opened a bridge.',
      'curation.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ignore:\r\n  - Paris\r\n', 'utf16le')]),
      'site.yaml': Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(32)]),
    });
    const r = await ingestDir(raw.path, out.path);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0].places.map((p) => p.name)).not.toContain('Paris');
    expect(r.rejected).toEqual([{ file: join(raw.path, 'site.yaml'), reason: expect.stringMatching(/PNG image \(default settings used\)/) }]);
    await raw.cleanup();
    await out.cleanup();
  });

  it('skips symbolic links with a warning instead of following them', async () => {
    const raw = await tempDir();
    const out = await tempDir();
    await writeFiles(raw.path, { 'a.txt': 'PARIS - The mayor opened a bridge.' });
    const { symlink } = await import('node:fs/promises');
    await symlink('/etc/passwd', join(raw.path, 'passwd.txt'));
    await symlink('/etc', join(raw.path, 'etc'));
    const r = await ingestDir(raw.path, out.path);
    expect(r.articles.map((a) => a.source)).toEqual(['a.txt']);
    expect(r.warnings.map((w) => `${w.file}: ${w.message}`)).toEqual(expect.arrayContaining([expect.stringMatching(/^passwd\.txt: symbolic link not followed/), expect.stringMatching(/^etc: symbolic link not followed/)]));
    await raw.cleanup();
    await out.cleanup();
  });

  it('never reads its own output as input when the output folder sits inside the raw folder', async () => {
    const raw = await tempDir();
    await writeFiles(raw.path, { 'a.txt': 'PARIS - The mayor opened a bridge.' });
    const first = await ingestDir(raw.path, join(raw.path, '_markdown'));
    const second = await ingestDir(raw.path, join(raw.path, '_markdown'));
    expect(first.articles).toHaveLength(1);
    expect(second.articles).toHaveLength(1);
    await expect(ingestDir(join(raw.path, '_markdown', 'articles'), join(raw.path, '_markdown'))).rejects.toThrow(/inside the output folder/);
    await raw.cleanup();
  });
});
