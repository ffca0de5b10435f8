import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildArticle } from '../../src/ingest/article.ts';
import { InputError } from '../../src/types.ts';
import { SEED } from '../helpers.ts';

const seed = readFileSync(SEED, 'utf8');

describe('buildArticle', () => {
  it('builds the seed article with its frontmatter date and dateline place', () => {
    const { article } = buildArticle('seed.txt', `---\ndate: 2025-02-27\n---\n${seed}`);
    expect(article.date).toBe('2025-02-27');
    expect(article.dateSource).toBe('frontmatter');
    expect(article.location).toBe('Istanbul');
    expect(article.places.map((p) => p.name)).toContain('Istanbul');
    expect(article.paragraphs[0].startsWith('Istanbul')).toBe(false);
    expect(article.source).toBe('seed.txt');
  });

  it('lists each of the seed people once under the full name', () => {
    const { article } = buildArticle('seed.txt', seed);
    const names = article.people.map((p) => p.name).sort();
    expect(names).toEqual(
      ['Alexander Darchiyev', 'Dmitry Koshelev', 'Dmitry Peskov', 'Donald Trump', 'Joe Biden', 'Maria Zakharova', 'Sergei Lavrov', 'Sonata Coulter', 'Vladimir Putin'].sort(),
    );
  });

  it('leaves the date out when nothing gives one', () => {
    const { article } = buildArticle('notes.txt', 'Plain text with no date.\n\nSecond paragraph.');
    expect(article.date).toBeUndefined();
    expect(article.dateSource).toBeUndefined();
  });

  it('lets frontmatter fix the title and keeps unknown keys', () => {
    const { article } = buildArticle('a.txt', '---\ntitle: Fixed title\ndesk: foreign\n---\nSome text here.');
    expect(article.title).toBe('Fixed title');
    expect(article.titleSource).toBe('frontmatter');
    expect(article.extra).toEqual({ desk: 'foreign' });
  });

  it('adds and removes entities for one article from its frontmatter', () => {
    const { article } = buildArticle('a.txt', '---\npeople: [Jane Roe]\nignore: [Joe Biden]\n---\nJoe Biden met officials in Paris.');
    expect(article.people.map((p) => p.name)).toContain('Jane Roe');
    expect(article.people.map((p) => p.name)).not.toContain('Joe Biden');
  });

  it.each([
    ['---\ntitle: [unclosed\n---\nText', 2, /invalid YAML/],
    ['---\ndate: 2024-13-45\n---\nText', 2, /not a calendar date/],
    ['---\ntitle: Only frontmatter\n---\n', 4, /no article text/],
    ['   \n\n  ', 1, /empty file/],
    ['---\ntitle: x\nno end', 1, /never closed/],
  ])('rejects bad input %j with the file and line', (text, line, reason) => {
    try {
      buildArticle('bad.txt', text);
      expect.unreachable('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const err = e as InputError;
      expect(err.file).toBe('bad.txt');
      expect(err.line).toBe(line);
      expect(err.reason).toMatch(reason);
    }
  });
});
