// The site reads generated frontmatter with js-yaml (core schema) for speed; it must read back exactly what the
// serialiser wrote, the same data the `yaml` library parses, for any text in any field.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { articleToMarkdown } from '../../src/markdown/serialize.ts';
import { readGenerated, readArticlePage, withoutUnusedBlocks } from '../../src/site/article-plugin.ts';
import type { Article, EntityRef } from '../../src/types.ts';

// Text that looks like other YAML types, or like YAML syntax, mixed with any Unicode.
const tricky = fc.constantFrom(
  '2025-02-27', '2025-02-27T10:00:00Z', '1.50', '0x1F', '0o17', '1_000', '1e3', '.inf', '-.inf', '.nan', 'NaN', 'yes', 'no', 'on', 'off', 'y', 'n',
  'true', 'False', 'null', '~', '', ' ', '<<', '&a', '*a', '!!str', '!tag', '- x', '? x', ': x', 'a: b', '# c', '"q"', "'q'", '|', '>', '[1]', '{a: 1}',
  '---', '...', '\t', '\n', '\\', '%YAML', '@x', '`x', '0', '-0', '+1', '012', '0b101', '12:30', '1:20:30', '__proto__', 'constructor',
);
const text = fc.array(fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 3 })), { minLength: 1, maxLength: 4 }).map((xs) => xs.join(''));
const ref: fc.Arbitrary<EntityRef> = fc.record({ name: text, slug: fc.constantFrom('a', 'b-c'), aliases: fc.array(text, { maxLength: 3 }), mentions: fc.nat(50), role: fc.option(text, { nil: undefined }) }, { requiredKeys: ['name', 'slug', 'aliases', 'mentions'] }) as fc.Arbitrary<EntityRef>;

const article: fc.Arbitrary<Article> = fc.record({
  id: fc.constant('2025/02/x'),
  title: text,
  date: fc.option(fc.constantFrom('2025-02-27', '2024', '2023-05'), { nil: undefined }),
  location: fc.option(text, { nil: undefined }),
  byline: fc.option(text, { nil: undefined }),
  people: fc.array(ref, { maxLength: 3 }),
  organisations: fc.array(ref, { maxLength: 2 }),
  places: fc.array(ref, { maxLength: 2 }),
  paragraphs: fc.array(text, { minLength: 1, maxLength: 2 }),
  source: text,
  extra: fc.option(fc.dictionary(fc.constantFrom('note', 'tags', 'n'), fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.array(text, { maxLength: 2 }))), { nil: undefined }),
}, { requiredKeys: ['id', 'title', 'people', 'organisations', 'places', 'paragraphs', 'source'] }) as unknown as fc.Arbitrary<Article>;

// Events and quotes, which article pages do not show, with the same tricky text.
const withResearch: fc.Arbitrary<Article> = fc
  .tuple(
    article,
    fc.array(fc.record({ date: fc.constantFrom('2025-02-27', '2024', '2023-05'), precision: fc.constantFrom('day', 'year'), text, paragraph: fc.nat(9) }), { maxLength: 3 }),
    fc.array(fc.record({ text, paragraph: fc.nat(9), speaker: fc.option(fc.constantFrom('a', 'b-c'), { nil: undefined }), attribution: fc.option(text, { nil: undefined }) }, { requiredKeys: ['text', 'paragraph'] }), { maxLength: 3 }),
  )
  .map(([a, events, quotes]) => ({ ...a, events, quotes }) as unknown as Article);

describe('generated frontmatter read by the site', () => {
  it('reads the data of an article page as the yaml library does, without the events and quotes pages do not show', () => {
    fc.assert(
      fc.property(withResearch, (a) => {
        const file = articleToMarkdown(a);
        const fm = /^---\n([\s\S]*?)\n---\n/.exec(file)![1];
        const { events: _e, quotes: _q, ...rest } = parse(fm) as Record<string, unknown>;
        const page = readArticlePage(file);
        expect(page.data).toStrictEqual(rest);
        expect(page.body).toBe(readGenerated(file).body);
      }),
      { numRuns: 800 },
    );
  });

  it('cuts only whole top-level blocks of unused fields', () => {
    const fm = 'id: x\nevents:\n  - date: "2002"\n    text: a\n\n  # note\n- b\nquotesExtra: 1\nquotes: []\ntitle: events: no\n';
    expect(withoutUnusedBlocks(fm)).toBe('id: x\nquotesExtra: 1\ntitle: events: no\n');
  });

  it('reads back the same data as the yaml library, for any field text', () => {
    fc.assert(
      fc.property(article, (a) => {
        const file = articleToMarkdown(a);
        const fm = /^---\n([\s\S]*?)\n---\n/.exec(file)![1];
        expect(readGenerated(file).data).toStrictEqual(parse(fm));
      }),
      { numRuns: 1500 },
    );
  });

  it('keeps dates and number-like titles as the text written', () => {
    const a = { id: '2025/02/x', title: '1.50', date: '2025-02-27', people: [], organisations: [], places: [], paragraphs: ['x'], source: 'yes' } as unknown as Article;
    const { data } = readGenerated(articleToMarkdown(a));
    expect(data.title).toBe('1.50');
    expect(data.date).toBe('2025-02-27');
    expect(data.source).toBe('yes');
  });
});
