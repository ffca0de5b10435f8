// The fast frontmatter emitter writes exactly what the `yaml` package writes, and reads back as the same data
// with `yaml` and with gray-matter (js-yaml, as Eleventy uses it).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import matter from '@11ty/gray-matter';
import { articleToMarkdown, fastYaml, frontmatterData, frontmatterYaml, yamlPackageFrontmatter } from '../../src/markdown/serialize.ts';
import type { Article } from '../../src/types.ts';

// Strings rich in YAML syntax, mixed with any Unicode.
const syntax = fc.constantFrom(':', ': ', ' #', '#', '-', '- ', '?', '? ', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '~', ' ', '\t', '\n', '\r', '\\', '---', '...', '0', '1.5', '0x1F', '0o7', '1e3', '.inf', '-.inf', '.nan', 'null', 'Null', 'NULL', 'true', 'True', 'false', 'FALSE', 'yes', 'no', 'on', 'off', '~', '2024-05-01', '12:30', '<<', '=', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff', '\ud800', '\udc00', '😀', 'é', 'İ', '李');
const word = fc.string({ unit: 'grapheme', maxLength: 6 });
const lineSyntax = syntax.filter((x) => !/[\n\r\u0085\u2028\u2029]|^(?:---|\.\.\.|%)/.test(x));
const messy = fc.oneof(
  fc.array(fc.oneof(syntax, word, fc.stringMatching(/^[A-Za-z]{1,8}$/)), { maxLength: 8 }).map((xs) => xs.join('')),
  fc.array(fc.stringMatching(/^[A-Za-z]{1,8}$/), { minLength: 1, maxLength: 8 }).map((xs) => xs.join(' ')),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
// Mostly one-line text, as articles have: the fast path takes most of these.
const tame = fc.array(fc.oneof(lineSyntax, fc.stringMatching(/^[A-Za-zé李]{1,8}$/), fc.constant(' ')), { minLength: 1, maxLength: 8 }).map((xs) => xs.join('')).filter((x) => !/^(?:---|\.\.\.|%)/.test(x));
const text = fc.oneof({ weight: 1, arbitrary: messy }, { weight: 6, arbitrary: tame });
const int = fc.oneof({ weight: 8, arbitrary: fc.nat(50) }, { weight: 1, arbitrary: fc.integer() }, { weight: 1, arbitrary: fc.constantFrom(-0, 1.5, NaN, Infinity) });
const ref = fc.record({ name: text, slug: text, aliases: fc.array(text, { maxLength: 3 }), mentions: int, role: text, roleOrg: text }, { requiredKeys: ['name', 'slug'] });
const event = fc.record({ date: text, precision: fc.constantFrom('day', 'month', 'year'), text, paragraph: int }, { requiredKeys: ['date', 'precision', 'text'] });
const quote = fc.record(
  { text, speaker: text, speakerName: text, unnamed: fc.boolean(), attribution: text, paragraph: int, paragraphEnd: int },
  { requiredKeys: ['text', 'paragraph'] },
);
const article: fc.Arbitrary<Article> = fc.record(
  {
    id: fc.stringMatching(/^(?:\d{4}\/\d{2}|undated)\/[a-z0-9]+(?:-[a-z0-9]+)*$/),
    title: text,
    titleOriginal: text,
    titleSource: fc.constantFrom('frontmatter', 'headline', 'lead'),
    date: fc.oneof(fc.constant('2024-05-01'), text),
    dateSource: fc.constantFrom('frontmatter', 'dateline', 'filename'),
    dateline: text,
    location: text,
    byline: text,
    people: fc.array(ref, { maxLength: 3 }),
    organisations: fc.array(ref, { maxLength: 3 }),
    places: fc.array(ref, { maxLength: 3 }),
    events: fc.array(event, { maxLength: 3 }),
    quotes: fc.array(quote, { maxLength: 3 }),
    source: text,
    paragraphs: fc.array(text, { maxLength: 3 }),
    extra: fc.option(fc.dictionary(text, text, { maxKeys: 2 }), { nil: undefined, freq: 8 }),
  },
  { requiredKeys: ['id', 'title', 'titleSource', 'people', 'organisations', 'places', 'events', 'quotes', 'source', 'paragraphs'] },
) as fc.Arbitrary<Article>;

const yamlOf = (md: string) => md.slice(md.indexOf('\n', md.indexOf('\n') + 1) + 1, md.indexOf('\n---\n') + 1);

describe('frontmatter emitter', () => {
  it('writes byte for byte what the yaml package writes', () => {
    let fast = 0;
    fc.assert(
      fc.property(article, (a) => {
        const fm = frontmatterData(a);
        const f = fastYaml(fm);
        if (f !== undefined) fast++;
        expect(frontmatterYaml(a)).toBe(yamlPackageFrontmatter(fm));
        expect(yamlOf(articleToMarkdown(a))).toBe(yamlPackageFrontmatter(fm));
      }),
      { numRuns: 1500 },
    );
    expect(fast).toBeGreaterThan(100); // the fast path is exercised, not only the fallback
  });

  it('reads back as the same data with yaml and with gray-matter', () => {
    const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? 1 : v])) as T;
    const jsonOnly = article.map((a) => ({ ...a, extra: undefined, people: a.people.map(clean), organisations: a.organisations.map(clean), places: a.places.map(clean), quotes: a.quotes.map(clean), events: a.events.map(clean) }) as Article);
    fc.assert(
      // U+FFFE/U+FFFF: js-yaml refuses these non-characters however they are written (the yaml package writes them raw).
      fc.property(jsonOnly.filter((a) => !/[\ufffe\uffff]/.test(JSON.stringify(a))), (a) => {
        const md = articleToMarkdown(a);
        const fm = JSON.parse(JSON.stringify(frontmatterData(a)));
        expect(parse(yamlOf(md))).toEqual(fm);
        const data = matter(md).data as Record<string, unknown>;
        // js-yaml (YAML 1.1 schema) reads an unquoted date as a Date: the generated files always did that.
        if (data.date instanceof Date) data.date = data.date.toISOString().slice(0, 10);
        for (const e of (data.events ?? []) as Array<Record<string, unknown>>) if (e.date instanceof Date) e.date = e.date.toISOString().slice(0, 10);
        expect(data.title).toBe(fm.title);
        expect(data.people).toEqual(fm.people);
        expect(data.quotes).toEqual(fm.quotes);
        expect(data.source).toBe(fm.source);
      }),
      { numRuns: 1000 },
    );
  });

  it('writes any one-line string itself, as the yaml package does, at any depth', () => {
    const line = fc.oneof(messy, tame, fc.string({ unit: 'binary', maxLength: 12 })).filter((x) => !x.includes('\n') && !/^(?:---|\.\.\.)/.test(x));
    fc.assert(
      fc.property(line, (x) => {
        const fm = { id: 'a', title: x, people: [{ name: x, aliases: [x] }] };
        const f = fastYaml(fm);
        expect(f).toBeDefined();
        expect(f).toBe(yamlPackageFrontmatter(fm));
      }),
      { numRuns: 3000 },
    );
  });

  it('covers plain text, quoted text and the fallbacks', () => {
    const base: Article = { id: '2024/05/x', title: 'Talks: day two', titleSource: 'headline', people: [{ name: 'Jane Doe', slug: 'jane-doe', mentions: 2 }], organisations: [], places: [], events: [{ date: '2024-05', precision: 'month', text: 'and then', paragraph: 0 }], quotes: [], source: 'a.txt', paragraphs: ['x'] };
    for (const a of [base, { ...base, title: 'A\nB' }, { ...base, extra: { k: [1, [2]] } }, { ...base, title: 'true' }, { ...base, title: "It's \"x\"" }]) {
      expect(frontmatterYaml(a)).toBe(yamlPackageFrontmatter(frontmatterData(a)));
    }
    expect(fastYaml(frontmatterData(base))).toContain('title: "Talks: day two"\n');
  });
});
