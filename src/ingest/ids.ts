// Unique, stable article ids (their URL paths) across the archive.
import { createHash } from 'node:crypto';

export interface IdRequest {
  source: string;
  slug: string;
  date?: string;
}

/**
 * Assign each article `YYYY/MM/slug` (or `undated/slug`). Articles whose ids would collide each get a
 * suffix from their own source path, so renaming one file never changes another article's URL.
 * @example assignIds([{source: 'a.txt', slug: 'talks', date: '2025-02-27'}]) //=> Map { 'a.txt' => '2025/02/talks' }
 */
export function assignIds(items: IdRequest[]): Map<string, string> {
  const base = (it: IdRequest) => (it.date ? `${it.date.slice(0, 4)}/${it.date.slice(5, 7)}` : 'undated') + '/' + it.slug;
  const counts = new Map<string, number>();
  for (const it of items) counts.set(base(it), (counts.get(base(it)) ?? 0) + 1);
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const sorted = [...items].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  for (const it of sorted) {
    let id = base(it);
    if ((counts.get(id) ?? 0) > 1) id = `${id}-${shortHash(it.source)}`;
    while (taken.has(id)) id = `${id}-${shortHash(id)}`;
    taken.add(id);
    out.set(it.source, id);
  }
  return out;
}

export function shortHash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 6);
}
