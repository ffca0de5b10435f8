// The archive's timeline: every dated event, newest first, grouped by month, each linked to its
// article(s) and to the entities its clause names (pure).
//
// Two articles that date the same thing the same way become one event with both sources: same
// date and either the same (non-empty) set of entities or clauses whose content words overlap
// (Jaccard ≥ 0.5).
import type { Article, DatePrecision, EntityKind } from '../types.ts';
import { ENTITY_KINDS } from '../types.ts';
import { createHash } from 'node:crypto';
import { compareArticles } from '../site/archive-index.ts';
import { articleMatcher, entityKey, type EntityKey } from './match.ts';

export interface TimelineSource {
  articleId: string;
  title: string;
  /** Publication date of the article. */
  published?: string;
  paragraph?: number;
  /** The clause as this article words it. */
  text: string;
}

export interface TimelineEvent {
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string;
  precision: DatePrecision;
  /** The clause, from the newest source. */
  text: string;
  /** Entities the clause names, in order of appearance (union over sources). */
  entities: EntityKey[];
  /** Newest article first. */
  sources: TimelineSource[];
}

export interface TimelineGroup {
  /** "YYYY-MM" for day and month dates; "YYYY" for events known only to the year (after that year's months). */
  key: string;
  /** "February 2025", or "2025 (month unknown)". */
  label: string;
  events: TimelineEvent[];
}

export interface Timeline {
  /** Newest first. */
  groups: TimelineGroup[];
  /** All events, newest first. */
  events: TimelineEvent[];
  /** Events naming each entity ("people:vladimir-putin" → events), newest first. */
  byEntity: Map<string, TimelineEvent[]>;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const STOP = new Set(
  'the a an and or of to in on at by for with from that this these those was were is are be been has have had will would could should said says its it their his her they he she as but not no than then after before over into about also which who'.split(
    ' ',
  ),
);

/** Content words of a clause, lower case. */
export function contentWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1 && !STOP.has(w)));
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

interface DateItem {
  ev: TimelineEvent;
  words: Set<string>;
  ents: string;
  /** Position in its date's list. */
  at: number;
}
interface DateEvents {
  list: DateItem[];
  /** Content word → positions of the events (of this date) that have it. */
  postings: Map<string, number[]>;
  /** Entity set → position of the first event with exactly that set. */
  firstByEnts: Map<string, number>;
}

function addWord(day: DateEvents, item: DateItem, w: string): void {
  if (item.words.has(w)) return;
  item.words.add(w);
  const p = day.postings.get(w);
  if (p) p.push(item.at);
  else day.postings.set(w, [item.at]);
}

/** Marks for findSame's candidates, by position in a date's list: `marks[i] === mark` when i is already a candidate. */
let marks = new Int32Array(256);
let mark = 0;
const NONE: number[] = [];

/**
 * The first event of the date that is the same as a new one: the same non-empty entity set, or Jaccard similarity
 * of content words ≥ threshold. Equal to scanning the list in order with `jaccard` (tested), but only a few events
 * are looked at: an event can be similar only if it shares at least `need` of the new event's words (its Jaccard
 * similarity is at most shared ÷ new words), so it has one of any `size - need + 1` of them — the candidates come
 * from the word postings of the rarest ones, and each is then checked exactly.
 */
function findSame(day: DateEvents, ents: string, words: Iterable<string>, size: number, threshold: number, exhaustive = false): DateItem | undefined {
  const { list } = day;
  if (exhaustive || !(threshold > 0)) {
    const w = words instanceof Set ? words : new Set(words);
    return list.find((x) => (ents && x.ents === ents) || jaccard(x.words, w) >= threshold);
  }
  let best = ents ? (day.firstByEnts.get(ents) ?? list.length) : list.length;
  if (!size || best === 0) return best < list.length ? list[best] : undefined;
  // Fewer shared words than t·size (by a relative margin far above rounding error) give a similarity below t.
  const need = Math.max(1, Math.ceil(threshold * size * (1 - 1e-9)));
  const probe = size - need + 1;
  if (probe > 0) {
    const postings: number[][] = [];
    for (const w of words) postings.push(day.postings.get(w) ?? NONE);
    if (probe < postings.length) postings.sort((x, y) => x.length - y.length);
    if (marks.length < list.length) marks = new Int32Array(Math.max(list.length, marks.length * 2));
    if (++mark === 0x7fffffff) {
      marks.fill(0);
      mark = 1;
    }
    for (let k = 0; k < probe && k < postings.length; k++) {
      for (const i of postings[k]) {
        if (i >= best || marks[i] === mark) continue;
        marks[i] = mark;
        const other = list[i].words;
        let n = 0;
        for (const w of words) if (other.has(w)) n++;
        if (n / (other.size + size - n) >= threshold) best = i;
      }
    }
  }
  return best < list.length ? list[best] : undefined;
}

const keySet = (ks: EntityKey[]) => ks.map((k) => entityKey(k.kind, k.slug)).sort().join('|');

const DATE_RE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/**
 * What the timeline takes from one article, per event of `events`: null when its date is not used, else the entities
 * its clause names (`e`: positions in the article's people, then organisations, then places) and its content words
 * (`w`: space-separated). Compact, as ingest keeps one per article between runs.
 */
export type TimelinePart = Array<{ e: number[]; w: string } | null>;

/** The timeline's per-article work (pure): a function of the article's events and entities only, so it can be remembered per article. */
export function timelinePart(a: Pick<Article, 'events' | EntityKind>): TimelinePart {
  if (!a.events?.length) return [];
  const matcher = articleMatcher(a);
  const at = new Map<string, number>();
  let i = 0;
  for (const kind of ENTITY_KINDS) for (const r of a[kind]) if (!at.has(refId(kind, r.slug, r.name))) at.set(refId(kind, r.slug, r.name), i++);
  else i++;
  return a.events.map((e) => (DATE_RE.test(e.date) ? { e: matcher.find(e.text).map((k) => at.get(refId(k.kind, k.slug, k.name))!), w: [...contentWords(e.text)].join(' ') } : null));
}

const refId = (kind: EntityKind, slug: string, name: string) => `${kind}\u0000${slug}\u0000${name}`;

/** The entities of a part's event, as the matcher gives them. */
function partEntities(a: Pick<Article, EntityKind>, positions: number[]): EntityKey[] {
  const out: EntityKey[] = [];
  for (let p of positions) {
    for (const kind of ENTITY_KINDS) {
      const list = a[kind];
      if (p < list.length) {
        out.push({ kind, slug: list[p].slug, name: list[p].name });
        break;
      }
      p -= list.length;
    }
  }
  return out;
}

export interface TimelineOptions {
  similarity?: number;
  /** Compare with every event of the date in turn (the reference the word index must equal; for tests). */
  exhaustive?: boolean;
  /** Each article's timelinePart, when known (remembered from an earlier run); computed when absent. */
  parts?: (a: Article) => TimelinePart | undefined;
}

/** One event of one article, as the timeline takes it. */
interface EventRef {
  a: Article;
  i: number;
  p: { e: number[]; w: string };
}

/** Every dated event of the articles, newest article first (the order events are merged in). */
function eventRefs(articles: Article[], opts: TimelineOptions): EventRef[] {
  const out: EventRef[] = [];
  for (const a of [...articles].sort(compareArticles)) {
    if (!a.events?.length) continue;
    const part = opts.parts?.(a) ?? timelinePart(a);
    for (let i = 0; i < a.events.length; i++) {
      const p = part[i];
      if (p) out.push({ a, i, p });
    }
  }
  return out;
}

/** The month group an event date belongs to: "YYYY-MM", or "YYYY" for a date known to the year only. */
const groupKey = (date: string) => (date.length >= 7 ? date.slice(0, 7) : date);

/** Merge events (in order) into the timeline's groups, newest first. */
function mergeEvents(refs: EventRef[], opts: TimelineOptions): TimelineGroup[] {
  const threshold = opts.similarity ?? 0.5;
  const byDate = new Map<string, DateEvents>();
  for (const { a, i, p } of refs) {
    const e = a.events[i];
    const entities = partEntities(a, p.e);
    const words = p.w ? p.w.split(' ') : [];
    const ents = keySet(entities);
    const source: TimelineSource = {
      articleId: a.id,
      title: a.title,
      ...(a.date ? { published: a.date } : {}),
      ...(e.paragraph != null ? { paragraph: e.paragraph } : {}),
      text: e.text,
    };
    let day = byDate.get(e.date);
    if (!day) byDate.set(e.date, (day = { list: [], postings: new Map(), firstByEnts: new Map() }));
    const same = findSame(day, ents, words, words.length, threshold, opts.exhaustive);
    if (same) {
      if (!same.ev.sources.some((s) => s.articleId === a.id)) same.ev.sources.push(source);
      for (const k of entities) if (!same.ev.entities.some((x) => x.kind === k.kind && x.slug === k.slug)) same.ev.entities.push(k);
      for (const w of words) addWord(day, same, w);
      continue;
    }
    const item = { ev: { date: e.date, precision: e.precision, text: e.text, entities, sources: [source] }, words: new Set<string>(), ents, at: day.list.length };
    day.list.push(item);
    for (const w of words) addWord(day, item, w);
    if (ents && !day.firstByEnts.has(ents)) day.firstByEnts.set(ents, item.at);
  }
  // Newest first: plain string order puts "2025-02" after "2025-02-27" and "2025" after "2025-01", so each group's
  // dates come together.
  const dates = [...byDate.keys()].sort((x, y) => (x < y ? 1 : x > y ? -1 : 0));
  const groups: TimelineGroup[] = [];
  for (const d of dates) {
    const key = groupKey(d);
    let g = groups[groups.length - 1];
    if (!g || g.key !== key) {
      g = { key, label: groupLabel(key), events: [] };
      groups.push(g);
    }
    for (const x of byDate.get(d)!.list) g.events.push(x.ev);
  }
  return groups;
}

/**
 * Build the archive timeline from the articles' events.
 * @example buildTimeline([]).groups //=> []
 */
export function buildTimeline(articles: Article[], opts: TimelineOptions = {}): Timeline {
  const groups = mergeEvents(eventRefs(articles, opts), opts);
  const events = groups.flatMap((g) => g.events);
  // Made when first asked for: ingest keeps only the groups.
  let byEntity: Map<string, TimelineEvent[]> | undefined;
  return {
    groups,
    events,
    get byEntity() {
      return (byEntity ??= eventsByEntity(events));
    },
  };
}

/** Remembered JSON texts, by key (see timelineGroupsJson). */
export interface JsonMemo {
  get(key: string): string | undefined;
  set(key: string, json: string): void;
}

/**
 * `JSON.stringify(buildTimeline(articles, opts).groups)`, with each month group's JSON remembered in `memo` under a
 * hash of what it is made from: the events that fall in it, in the order they are merged, each named by its
 * article's key (`keyOf`: equal keys for equal articles) and its position. Events merge only with events of the
 * same date, so a group depends on nothing else (tested equal to the whole computation); an edit recomputes the
 * groups of the edited articles' events only.
 */
export function timelineGroupsJson(articles: Article[], keyOf: (a: Article) => string, memo: JsonMemo, opts: TimelineOptions = {}): string {
  const byGroup = new Map<string, EventRef[]>();
  for (const r of eventRefs(articles, opts)) {
    const k = groupKey(r.a.events[r.i].date);
    const list = byGroup.get(k);
    if (list) list.push(r);
    else byGroup.set(k, [r]);
  }
  const keys = [...byGroup.keys()].sort((x, y) => (x < y ? 1 : x > y ? -1 : 0));
  const out: string[] = [];
  const missing: EventRef[] = [];
  const missingAt = new Map<string, { at: number; hash: string }>();
  for (const k of keys) {
    const h = createHash('sha1').update(`${opts.similarity ?? 0.5}\n${k}\n`);
    for (const r of byGroup.get(k)!) h.update(`${keyOf(r.a)}:${r.i}\n`);
    const hash = h.digest('hex');
    const json = memo.get(hash);
    if (json !== undefined) out.push(json);
    else {
      missingAt.set(k, { at: out.length, hash });
      out.push('');
      missing.push(...byGroup.get(k)!);
    }
  }
  if (missing.length) {
    for (const g of mergeEvents(missing, opts)) {
      const m = missingAt.get(g.key)!;
      out[m.at] = JSON.stringify(g);
      memo.set(m.hash, out[m.at]);
    }
  }
  return `[${out.join(',')}]`;
}

/** Events naming each entity ("people:vladimir-putin" → events), in the order given. */
function eventsByEntity(events: TimelineEvent[]): Map<string, TimelineEvent[]> {
  const byEntity = new Map<string, TimelineEvent[]>();
  for (const ev of events) {
    for (const k of ev.entities) {
      const id = entityKey(k.kind, k.slug);
      const l = byEntity.get(id) ?? [];
      l.push(ev);
      byEntity.set(id, l);
    }
  }
  return byEntity;
}

/** Events that name one entity, newest first. */
export function entityEvents(t: Timeline, kind: EntityKey['kind'], slug: string): TimelineEvent[] {
  return t.byEntity.get(entityKey(kind, slug)) ?? [];
}

function groupLabel(key: string): string {
  if (key.length === 4) return `${key} (month unknown)`;
  return `${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;
}

/** "27 February 2025", "February 2025", "2025". */
export function eventDateLabel(date: string): string {
  const [y, m, d] = date.split('-');
  if (!m) return y;
  if (!d) return `${MONTHS[Number(m) - 1]} ${y}`;
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}
