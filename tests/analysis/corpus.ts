// NER-free articles from the shared corpora, read at run time (never copied into the repo).
// Entities come from a naive capitalised-run heuristic so these tests do not depend on NER quality.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeLayout } from '../../src/ingest/layout.ts';
import { extractEvents } from '../../src/ingest/events.ts';
import { extractQuotes } from '../../src/ingest/quotes.ts';
import { firstNames } from '../../src/lexicon/names.ts';
import { slugify } from '../../src/slug.ts';
import type { Article, Entities, EntityRef } from '../../src/types.ts';
import { SHARED } from '../helpers.ts';

export const CORPUS = join(SHARED, 'corpus');
export const CONLL_DEV = join(CORPUS, 'conll2003-dev', 'articles');
export const BBC = join(CORPUS, 'bbc');
export const haveCorpus = (dir: string) => existsSync(dir);

/** Text files under a folder (one level of sub-folders), sorted. */
export function corpusFiles(dir: string, limit = Infinity): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (name.isDirectory()) out.push(...corpusFiles(join(dir, name.name)));
    else if (name.name.endsWith('.txt') && !/README|duplicates/.test(name.name)) out.push(join(dir, name.name));
  }
  return out.slice(0, limit);
}

const ORG_WORD = /\b(?:Ministry|Department|Party|Bank|Corp|Inc|Ltd|Plc|Association|Federation|Union|Council|Committee|Agency|Club|Group|Commission|Office|Reuters|Kremlin|Parliament|Government|Court|Police|Army|Institute|University|Company|Service|Board)\b/;

/** People: capitalised runs of 2–4 words starting with a known first name; organisations: runs with an institution word. */
export function naiveEntities(paragraphs: string[]): Entities {
  const names = firstNames();
  const people = new Map<string, EntityRef>();
  const orgs = new Map<string, EntityRef>();
  const run = /(?<![\p{L}])(\p{Lu}[\p{L}'’-]+(?:\s+(?:of\s+)?\p{Lu}[\p{L}'’-]+){0,4})/gu;
  for (const p of paragraphs) {
    for (const m of p.matchAll(run)) {
      const words = m[1].split(/\s+/);
      const add = (map: Map<string, EntityRef>, name: string) => {
        const e = map.get(name);
        if (e) e.mentions = (e.mentions ?? 1) + 1;
        else map.set(name, { name, slug: slugify(name), mentions: 1 });
      };
      if (ORG_WORD.test(m[1])) add(orgs, m[1]);
      else if (words.length >= 2 && words.length <= 4 && names.has(words[0].toLowerCase())) add(people, m[1]);
    }
  }
  return { people: [...people.values()], organisations: [...orgs.values()], places: [] };
}

/** An Article built without NER: layout, naive entities, events against the dateline date, quotes. */
export function naiveArticle(file: string, id: string): Article {
  const text = readFileSync(file, 'utf8');
  const l = analyzeLayout(text, {});
  const ents = naiveEntities(l.paragraphs);
  const date = l.datelineDate;
  return {
    id,
    title: l.title || 'Untitled',
    titleSource: l.titleSource,
    ...(date ? { date } : {}),
    ...ents,
    events: date ? extractEvents(l.paragraphs, date) : [],
    quotes: extractQuotes(l.paragraphs, ents),
    source: file,
    paragraphs: l.paragraphs,
  };
}

export function naiveArticles(dir: string, limit = Infinity): Article[] {
  return corpusFiles(dir, limit).map((f, i) => naiveArticle(f, `a/${String(i).padStart(4, '0')}`));
}
