// Readable, URL-safe slugs for any script.
import { createRequire } from 'node:module';
import slugifyLatin from '@sindresorhus/slugify';

type Transliterate = (text: string, opts: { lowercase: boolean; separator: string }) => string;
let transliterateFn: Transliterate | undefined;
/** `transliteration` (non-Latin scripts) is loaded on first use: most archives never need it, every worker would pay for it. */
function transliterate(text: string, opts: { lowercase: boolean; separator: string }): string {
  transliterateFn ??= (createRequire(import.meta.url)('transliteration') as { slugify: Transliterate }).slugify;
  return transliterateFn(text, opts);
}

/**
 * A readable ASCII slug for a name or title in any script.
 * @example slugify('Recep Tayyip Erdoğan') //=> 'recep-tayyip-erdogan'
 * @example slugify('习近平') //=> 'xi-jin-ping'
 */
export function slugify(text: string): string {
  let s = slugifyLatin(text, { decamelize: false });
  if (!s || /[^a-z0-9-]/.test(s)) s = transliterate(text, { lowercase: true, separator: '-' });
  s = s.replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (s.length > 80) s = s.slice(0, 80).replace(/-[^-]*$/, '') || s.slice(0, 80);
  return s || 'untitled';
}
