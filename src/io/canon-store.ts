// Archive-wide canonicalisation (src/curation/apply.ts), remembered between runs in `.dateline/canon.ndjson`.
// Canonicalisation gives each article's entities from its own extracted entities and from maps made of every
// article's (surnames, colliding slugs) and the curation file. The file records, under a hash of the curation file
// and of every article's facets in order (facets include the extracted entities: see facetsHash), each article's
// canonical entities: `=` when they are the extracted ones themselves, else their JSON. When the hash is this run's,
// the recorded entities are this run's (the same function of the same inputs), and the archive-wide passes are not
// made again: an edit that leaves every article's facets as they were (a paragraph edit) skips them.
//
//   {"canon":version,"ctx":hash}               first line
//   {"s":source,"e":"="|[people,organisations,places]}   one per article, in order
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Article, EntityRef } from '../types.ts';
import { ENTITY_KINDS } from '../types.ts';
import type { Curation } from '../curation/curation.ts';
import { canonicalizeArchive } from '../curation/apply.ts';
import { writeAtomic } from './atomic.ts';

/** The canonical articles, and a `save` that records them when they were made in this run. */
export interface Canonical {
  articles: Article[];
  /** Whether the archive-wide passes were made in this run (else the recorded entities were used). */
  made: boolean;
  save(): Promise<void>;
}

/**
 * canonicalizeArchive(articles, curation), from the record at `path` when it was made from the same curation file
 * and facets (`facets`: each article's facetsHash, same order), else made and recorded by `save`.
 */
export function canonicalizeRemembered(path: string, version: string, articles: Article[], facets: string[], curation: Curation): Canonical {
  const h = createHash('sha256').update(`${version}\n${JSON.stringify(curation)}\n`);
  articles.forEach((a, i) => h.update(`${JSON.stringify(a.source)} ${facets[i]}\n`));
  const ctx = h.digest('hex');
  const header = JSON.stringify({ canon: version, ctx });
  const recorded = readRecord(path, header, articles);
  if (recorded) return { articles: recorded, made: false, save: async () => undefined };
  const canonical = canonicalizeArchive(articles, curation);
  return {
    articles: canonical,
    made: true,
    save: () => {
      const lines = canonical.map((a, i) => `{"s":${JSON.stringify(a.source)},"e":${keepsEntities(a, articles[i]) ? '"="' : JSON.stringify([a.people, a.organisations, a.places])}}`);
      return writeAtomic(path, `${header}\n${lines.join('\n')}\n`);
    },
  };
}

/** Whether canonicalisation kept every entity of the article as it was (the same objects). */
export function keepsEntities(a: Pick<Article, 'people' | 'organisations' | 'places'>, before: Pick<Article, 'people' | 'organisations' | 'places'>): boolean {
  return ENTITY_KINDS.every((k) => a[k].length === before[k].length && a[k].every((e, i) => e === before[k][i]));
}

/**
 * The canonical articles from the record, when its first line is `header` and it has a valid line for each article,
 * in order; else undefined. An article whose entities were kept gets copies of its lists holding the same entities
 * (as canonicalizeArchive gives it).
 */
function readRecord(path: string, header: string, articles: Article[]): Article[] | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  if (lines[0] !== header || lines.length < articles.length + 1) return undefined;
  const out: Article[] = [];
  for (let i = 0; i < articles.length; i++) {
    const a = articles[i];
    const line = lines[i + 1];
    const head = `{"s":${JSON.stringify(a.source)},"e":`;
    if (!line.startsWith(head) || !line.endsWith('}')) return undefined;
    const e = line.slice(head.length, -1);
    if (e === '"="') {
      out.push({ ...a, people: a.people.slice(), organisations: a.organisations.slice(), places: a.places.slice() });
      continue;
    }
    let lists: unknown;
    try {
      lists = JSON.parse(e);
    } catch {
      return undefined;
    }
    if (!Array.isArray(lists) || lists.length !== 3 || !lists.every((l) => Array.isArray(l) && l.every(isRef))) return undefined;
    const [people, organisations, places] = lists as EntityRef[][];
    out.push({ ...a, people, organisations, places });
  }
  return out;
}

const isRef = (e: unknown): boolean => !!e && typeof e === 'object' && typeof (e as EntityRef).name === 'string' && typeof (e as EntityRef).slug === 'string';
