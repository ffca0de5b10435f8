import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { escapeMarkdown } from '../../src/markdown/escape.ts';
import { htmlText } from '../helpers.ts';

const md = new MarkdownIt({ html: false });
const render = (text: string) => md.render(escapeMarkdown(text));

describe('escapeMarkdown', () => {
  // Lines that look like markdown must read exactly as written.
  const cases = [
    '1996. A year to remember',
    '# heading',
    '* item',
    '- item',
    '+ item',
    '> quote',
    '_under_ and *star* and **bold**',
    '|pipes| and | a | table |',
    '`code` and ```fence```',
    '[link](javascript:alert(1))',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '{{ 7 * 7 }} {% include "../package.json" %} ${process.env} <%= x %>',
    'Tom &amp; Jerry & friends',
    'a line\\ with backslash\\',
    '===',
    '---',
    '2) second',
    '![img](x.png)',
    '[ref]: http://example.com',
    '~~strike~~',
    'https://example.com/x_y_z',
    '<!-- hidden comment -->',
    '&copy; &#169; &#x27; &nbsp;',
    '* * *',
    '___',
    '<http://example.com>',
    '<a@b.co>',
    '\\',
    'Title\n===',
    'Title\n---',
    '1) first\n2) second',
    '- one\n- nested',
    '```js\nalert(1)\n```',
    '~~~\nfence\n~~~',
    '[a][b]\n[b]: javascript:alert(1)',
    '| a | b |\n|---|---|\n| 1 | 2 |',
    '{{ 7 * 7 }}{% raw %}{{ x }}{% endraw %}',
    '<%- include("../../etc/passwd") %>',
    '#{1+1} @{x} ${{ secrets.TOKEN }}',
  ];
  it.each(cases)('renders %j as the same text', (text) => {
    const html = render(text);
    expect(htmlText(html).trim()).toBe(text);
    expect(html).not.toMatch(/<(h\d|ul|ol|li|blockquote|pre|code|em|strong|table|script|img|a|hr|del)\b/);
  });

  it('turns four-space indents into plain paragraphs, not code blocks', () => {
    const html = render('    indented line');
    expect(html).not.toContain('<pre');
    expect(htmlText(html).trim()).toBe('indented line');
  });

  it('keeps lines of a paragraph together', () => {
    expect(htmlText(render('one\ntwo')).trim()).toBe('one\ntwo');
  });
});
