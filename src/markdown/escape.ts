// Article text → markdown that renders back to exactly that text.

const INLINE = /[\\`*_[\]<>&~|{}$%]/g;
const LINE_START = /^(\s*)([#>+\-=:]|\d+(?=[.)])|\d+[.)])/;

/**
 * Escape one paragraph of plain text so markdown-it shows it literally:
 * no emphasis, links, HTML, headings, lists, quotes, code blocks or tables.
 * `{`, `}`, `$` and `%` are escaped too, so no template engine can read the text as code.
 * @example escapeMarkdown('# not a heading') //=> '\\# not a heading'
 */
export function escapeMarkdown(paragraph: string): string {
  return paragraph
    .split('\n')
    .map((raw) => {
      // Leading indentation would make a code block; trailing spaces a hard break.
      const line = raw.replace(/^[ \t]+/, '').replace(/[ \t]+$/, '');
      let esc = line.replace(INLINE, (c) => `\\${c}`);
      const m = LINE_START.exec(esc);
      if (m) {
        const [, ws, tok] = m;
        if (/^\d+$/.test(tok)) {
          // "1996. A year": escape the dot or paren after the number.
          const at = ws.length + tok.length;
          esc = esc.slice(0, at) + '\\' + esc.slice(at);
        } else {
          esc = ws + '\\' + esc.slice(ws.length);
        }
      }
      return esc;
    })
    .filter((l) => l.length > 0)
    .join('\n');
}
