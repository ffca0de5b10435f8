import { describe, it, expect } from 'vitest';
import MarkdownIt from 'markdown-it';
import { findWord, linkMentionsPlugin } from '../../src/site/link-mentions.ts';

describe('findWord', () => {
  it('finds whole words only: letters and digits of any script and "_" join a word, punctuation does not', () => {
    expect(findWord('(Blair) said', 'Blair')).toBe(1);
    expect(findWord('Blairite Blair', 'Blair')).toBe(9);
    expect(findWord('_Blair Blair', 'Blair')).toBe(7);
    expect(findWord('1Blair Blair9 Blair', 'Blair')).toBe(14);
    expect(findWord('éBlair Blairé Blair.', 'Blair')).toBe(14);
    expect(findWord('ДBlair Blair', 'Blair')).toBe(7);
    expect(findWord('Blair', 'Blair', 1)).toBe(-1);
    expect(findWord("Blair's", 'Blair')).toBe(0);
  });
});

describe('linkMentionsPlugin', () => {
  const md = new MarkdownIt({ html: false });
  md.use(linkMentionsPlugin, { href: (kind: string, slug: string) => `/${kind}/${slug}/` });
  const env = {
    people: [{ name: 'Tony Blair', slug: 'tony-blair', aliases: ['Blair'] }, { name: 'Gordon Brown', slug: 'gordon-brown' }],
    places: [{ name: 'London', slug: 'london' }],
  };

  it('links the first mention of each entity, longest form first, and leaves the text as it was', () => {
    const html = md.render('Blair met Gordon Brown in London. Tony Blair and Gordon Brown left London.\n\nBlair again.', env);
    expect(html).toBe(
      '<p><a href="/people/tony-blair/" class="mention">Blair</a> met <a href="/people/gordon-brown/" class="mention">Gordon Brown</a> in <a href="/places/london/" class="mention">London</a>. Tony Blair and Gordon Brown left London.</p>\n<p>Blair again.</p>\n',
    );
  });

  it('prefers the longer form at the same place and never links inside a word or a link', () => {
    const html = md.render('Tony Blairite [Tony Blair](https://x.org) Londoners, then Tony Blair.', env);
    expect(html).toBe('<p>Tony Blairite <a href="https://x.org">Tony Blair</a> Londoners, then <a href="/people/tony-blair/" class="mention">Tony Blair</a>.</p>\n');
  });
});
