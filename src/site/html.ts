// HTML escaping and number formatting: every piece of article text passes through here.

/**
 * Escape text for HTML content and attribute values. Most text has nothing to escape: it is found so by one scan
 * of character codes and returned as it is, without a regular expression or a new string.
 * @example esc('<b>"Hi"</b>') //=> '&lt;b&gt;&quot;Hi&quot;&lt;/b&gt;'
 */
export function esc(value: unknown): string {
  const s = typeof value === 'string' ? value : String(value ?? '');
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // & " ' < > are 38 34 39 60 62: one range test rules out everything else below 63 and above it.
    if (c <= 62 && (c === 38 || c === 60 || c === 62 || c === 34 || c === 39)) return escapeFrom(s, i);
  }
  return s;
}

/** `s` escaped, its first special character at `start`. */
function escapeFrom(s: string, start: number): string {
  let out = s.slice(0, start);
  let last = start;
  for (let i = start; i < s.length; i++) {
    let rep: string;
    switch (s.charCodeAt(i)) {
      case 38:
        rep = '&amp;';
        break;
      case 60:
        rep = '&lt;';
        break;
      case 62:
        rep = '&gt;';
        break;
      case 34:
        rep = '&quot;';
        break;
      case 39:
        rep = '&#39;';
        break;
      default:
        continue;
    }
    if (i > last) out += s.slice(last, i);
    out += rep;
    last = i + 1;
  }
  return last < s.length ? out + s.slice(last) : out;
}

/** Escape for JSON inside a <script type="application/ld+json"> element. */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value);
  return /[<>&]/.test(json) ? json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026') : json;
}

const EN = new Intl.NumberFormat('en');
/**
 * A count as `n.toLocaleString('en')` writes it ("1,234"), without a formatter lookup per call: numbers below
 * 1,000 are their digits, larger ones go through one shared formatter.
 * @example count(12345) //=> '12,345'
 */
export function count(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < 1000 ? String(n) : EN.format(n);
}
