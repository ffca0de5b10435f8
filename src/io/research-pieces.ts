// The research pieces of the site data (timeline, network, bios, quotes) as JSON texts, from the canonical articles
// and their parts, made after the archive index. The timeline's month groups are remembered in the fragments file by
// what they are made from (see timelineGroupsJson).
import type { Article } from '../types.ts';
import type { ArticleParts } from '../analysis/parts.ts';
import { timelineGroupsJson } from '../analysis/timeline.ts';
import { buildResearch } from '../site/research-data.ts';
import { FragmentStore } from './fragment-store.ts';
import type { SitePiece } from './site-data.ts';

export type ResearchPiece = Extract<SitePiece, 'timeline' | 'network' | 'bios' | 'quotes'>;

/** What the research pieces are made from. */
export interface ResearchJob {
  /** The canonical articles (the research views read no paragraphs: the parts hold what they need of them). */
  articles: Article[];
  /** Each article's timeline and bio parts, and key (same order). */
  timeline: Array<ArticleParts['timeline']>;
  bio: Array<ArticleParts['bio']>;
  keys: string[];
  /** Curation descriptions, `kind:name` → text. */
  descriptions: Array<[string, string]>;
  /** The fragments file, and the version of the code that may reuse it. */
  fragments: string;
  version: string;
}

/** The job for `articles` with their `parts` and keys. */
export function researchJob(articles: Article[], parts: (a: Article) => ArticleParts, keys: string[], descriptions: Map<string, string>, fragments: string, version: string): ResearchJob {
  return {
    articles,
    timeline: articles.map((a) => parts(a).timeline),
    bio: articles.map((a) => parts(a).bio),
    keys,
    descriptions: [...descriptions],
    fragments,
    version,
  };
}

/** The research pieces' JSON texts (and the fragments file saved). */
export async function researchPieces(job: ResearchJob): Promise<Record<ResearchPiece, string>> {
  const at = new Map(job.articles.map((a, i) => [a, i]));
  const parts = (a: Article): ArticleParts | undefined => {
    const i = at.get(a);
    return i === undefined ? undefined : { index: { lede: '', words: 0 }, timeline: job.timeline[i], bio: job.bio[i] };
  };
  const fragments = FragmentStore.read(job.fragments, job.version);
  const timeline = timelineGroupsJson(job.articles, (a) => job.keys[at.get(a)!], fragments, { parts: (a) => parts(a)?.timeline });
  const research = buildResearch(job.articles, new Map(job.descriptions), parts, { timeline: false });
  await fragments.save();
  return {
    timeline,
    network: JSON.stringify({ network: research.network, pairs: research.pairs }),
    bios: JSON.stringify(research.bios),
    quotes: JSON.stringify(research.quotes),
  };
}
