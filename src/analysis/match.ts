// Finding an article's entities inside a piece of its text (pure).
import type { Article, EntityKind, EntityRef } from '../types.ts';
import { ENTITY_KINDS } from '../types.ts';
import { wholeWordFinder } from '../lexicon/words.ts';

export interface EntityKey {
  kind: EntityKind;
  slug: string;
  name: string;
}

/** "people:vladimir-putin": one key per entity across the archive. */
export const entityKey = (kind: EntityKind, slug: string): string => `${kind}:${slug}`;


export interface Matcher {
  /** Entities named in `text`, in order of first appearance, each once. */
  find(text: string): EntityKey[];
}

/**
 * A matcher for one article's entities: canonical names, aliases and (for people) surnames that
 * no other person in the article shares. Case-sensitive, whole words.
 */
export function articleMatcher(a: Pick<Article, EntityKind>): Matcher {
  const forms = new Map<string, EntityKey>();
  const surnames = new Map<string, EntityKey[]>();
  for (const kind of ENTITY_KINDS) {
    for (const e of a[kind] as EntityRef[]) {
      const key: EntityKey = { kind, slug: e.slug, name: e.name };
      for (const n of [e.name, ...(e.aliases ?? [])]) {
        if (n.length >= 2 && !forms.has(n)) forms.set(n, key);
        if (kind === 'people') {
          const parts = n.split(/\s+/);
          const last = parts[parts.length - 1];
          if (parts.length > 1 && last.length >= 3) {
            const l = surnames.get(last) ?? [];
            if (!l.some((k) => k.slug === key.slug)) l.push(key);
            surnames.set(last, l);
          }
        }
      }
    }
  }
  for (const [s, keys] of surnames) if (keys.length === 1 && !forms.has(s)) forms.set(s, keys[0]);
  if (!forms.size) return { find: () => [] };
  const findNames = wholeWordFinder(forms.keys());
  return {
    find(text: string): EntityKey[] {
      const out: EntityKey[] = [];
      const seen = new Set<string>();
      for (const m of findNames(text)) {
        const k = forms.get(m.text);
        if (!k) continue;
        const id = entityKey(k.kind, k.slug);
        if (seen.has(id)) continue;
        seen.add(id);
        out.push(k);
      }
      return out;
    },
  };
}
