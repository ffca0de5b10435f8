// Readable, URL-safe slugs for any script.
import slugifyLatin from '@sindresorhus/slugify';
import { slugify as transliterate } from 'transliteration';

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
