// HTML escaping: every piece of article text passes through here.

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escape text for HTML content and attribute values.
 * @example esc('<b>"Hi"</b>') //=> '&lt;b&gt;&quot;Hi&quot;&lt;/b&gt;'
 */
export function esc(value: unknown): string {
  const s = typeof value === 'string' ? value : String(value ?? '');
  return NEEDS_ESC.test(s) ? s.replace(/[&<>"']/g, (c) => ESC[c]) : s;
}
const NEEDS_ESC = /[&<>"']/;

/** Escape for JSON inside a <script type="application/ld+json"> element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
