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

/**
 * The research pieces' JSON texts (and the fragments file saved), from the canonical articles, each one's parts (the
 * research views read no paragraphs: the parts hold what they need of them) and keys (same order as `articles`).
 */
export async function researchPieces(articles: Article[], parts: (a: Article) => ArticleParts | undefined, keys: string[], descriptions: Map<string, string>, fragmentsFile: string, version: string): Promise<Record<ResearchPiece, string>> {
  const keyOf = new Map(articles.map((a, i) => [a, keys[i]]));
  const fragments = FragmentStore.read(fragmentsFile, version);
  const timeline = timelineGroupsJson(articles, (a) => keyOf.get(a)!, fragments, { parts: (a) => parts(a)?.timeline });
  const research = buildResearch(articles, descriptions, parts, { timeline: false });
  await fragments.save();
  return {
    timeline,
    network: JSON.stringify({ network: research.network, pairs: research.pairs }),
    bios: JSON.stringify(research.bios),
    quotes: JSON.stringify(research.quotes),
  };
}
