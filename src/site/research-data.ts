// Quotes, timeline, connections and bio lines for the whole archive, computed once at ingest (where every
// article is in memory) and stored as plain JSON beside the archive index.
import type { Article } from '../types.ts';
import { buildTimeline, type Timeline, type TimelineEvent } from '../analysis/timeline.ts';
import { connectionSummary, type ConnectionNode, type Neighbour, type Pair } from '../analysis/connections.ts';
import { buildBios, type Bio } from '../analysis/bio.ts';
import { quotesBySpeaker, type SpeakerQuote } from '../analysis/quotes-index.ts';
import type { ArticleParts } from '../analysis/parts.ts';

/** Neighbours kept per entity, quotations per speaker, pairs on the connections page. */
const NEIGHBOURS = 12;
const QUOTES_PER_SPEAKER = 50;
const TOP_PAIRS = 100;

export interface ResearchData {
  /** Timeline groups (months, newest first) with their events. */
  timeline: Timeline['groups'];
  /**
   * `kind:slug` → the entity as a network node and its strongest neighbours, each named by its key (every
   * neighbour has an entry of its own: a link is mutual). `networkOf` gives the neighbours' nodes back.
   */
  network: Record<string, { node: ConnectionNode; neighbours: StoredNeighbour[] }>;
  pairs: Pair[];
  bios: Record<string, Bio>;
  quotes: Record<string, SpeakerQuote[]>;
}

/** A neighbour as stored: its key instead of its node, which the site data holds once, in the neighbour's own entry. */
export interface StoredNeighbour {
  key: string;
  shared: number;
  score: number;
}

/** The network with each neighbour's node in place (what the pages use). */
export function networkOf(stored: ResearchData['network']): Record<string, { node: ConnectionNode; neighbours: Neighbour[] }> {
  const out: Record<string, { node: ConnectionNode; neighbours: Neighbour[] }> = {};
  for (const [key, { node, neighbours }] of Object.entries(stored)) {
    out[key] = {
      node,
      neighbours: neighbours.map((n) => {
        const other = stored[n.key]?.node;
        if (!other) throw new Error(`site data: network neighbour ${n.key} of ${key} has no entry (run ingest again)`);
        return { node: other, shared: n.shared, score: n.score };
      }),
    };
  }
  return out;
}

export const EMPTY_RESEARCH: ResearchData = { timeline: [], network: {}, pairs: [], bios: {}, quotes: {} };

/**
 * Compute every research view of the archive (pure). `descriptions` are the curation file's, keyed `kind:name`.
 * `parts`: each article's per-article parts when known (src/analysis/parts.ts); computed when absent.
 * `opts.timeline: false` leaves the timeline out (empty), for a caller that makes its JSON by timelineGroupsJson.
 */
export function buildResearch(articles: Article[], descriptions: Map<string, string>, parts?: (a: Article) => ArticleParts | undefined, opts: { timeline?: boolean } = {}): ResearchData {
  const timeline = opts.timeline === false ? { groups: [] } : buildTimeline(articles, parts ? { parts: (a) => parts(a)?.timeline } : {});
  const conns = connectionSummary(articles, { neighbours: NEIGHBOURS, pairs: TOP_PAIRS, minShared: 2 });
  const network: ResearchData['network'] = {};
  for (const [key, node] of conns.nodes) {
    const neighbours = conns.neighbours.get(key);
    if (neighbours?.length) network[key] = { node, neighbours: neighbours.map((n) => ({ key: `${n.node.kind}:${n.node.slug}`, shared: n.shared, score: n.score })) };
  }
  const quotes: ResearchData['quotes'] = {};
  for (const [key, list] of quotesBySpeaker(articles)) quotes[key] = list.slice(0, QUOTES_PER_SPEAKER);
  return {
    timeline: timeline.groups,
    network,
    pairs: conns.pairs,
    bios: researchBios(articles, descriptions, parts),
    quotes,
  };
}

/** The research data's bios (pure): buildBios as the site data keeps it. */
export function researchBios(articles: Article[], descriptions: Map<string, string>, parts?: (a: Article) => ArticleParts | undefined): ResearchData['bios'] {
  return Object.fromEntries(buildBios(articles, descriptions, parts ? { parts: (a) => parts(a)?.bio } : {}));
}

/** Rebuild the Timeline shape (with its per-entity lookup) from stored groups. */
export function timelineFrom(groups: Timeline['groups']): Timeline {
  const events = groups.flatMap((g) => g.events);
  const byEntity = new Map<string, TimelineEvent[]>();
  for (const e of events) {
    for (const k of e.entities) {
      const key = `${k.kind}:${k.slug}`;
      const list = byEntity.get(key);
      if (list) list.push(e);
      else byEntity.set(key, [e]);
    }
  }
  return { groups, events, byEntity };
}

