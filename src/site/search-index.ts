// The Pagefind search index: one index per year or busy year's quarter (plus undated; see search-shards.ts), each
// rebuilt only when one of its articles changed.
//
// Records are built from the generated markdown and the archive index, not by parsing rendered HTML: Pagefind gets
// each article's text, title, date and entity filters directly, so indexing needs no rendered page and runs in
// Pagefind's own process while Eleventy renders the pages (see build-site.ts).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import type { SiteContext } from './context.ts';
import type { SiteState } from '../io/site-manifest.ts';
import { articleUrl, KIND_LABEL } from './archive-index.ts';
import { searchShardPlan } from './search-shards.ts';
import { readableDate } from './dates.ts';
import { ENTITY_KINDS } from '../types.ts';

const hash = (data: string | Uint8Array) => createHash('sha1').update(data).digest('hex');

/** The top-level files a merged (non-primary) shard keeps of Pagefind's output (with its folders: index, fragments, filters). */
const MERGED_TOP = /^(?:pagefind-entry\.json|.+\.pf_meta)$/;

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort?: Record<string, string>;
}

/**
 * Article text from generated markdown: the body with its markdown escapes removed (escapeMarkdown puts a
 * backslash before each character that markdown would read; removing them gives back the text).
 * @example markdownBodyText('---\nid: x\n---\n\n\\# One\n\nTwo\n') //=> '# One\n\nTwo'
 */
export function markdownBodyText(file: string): string {
  const m = /^---\n[\s\S]*?\n---\n/.exec(file);
  const body = m ? file.slice(m[0].length) : file;
  return body.replace(/\\([\s\S])/g, '$1').trim();
}

/** Entity names per article and kind, from the archive index (canonical names, as on the article page). */
function namesByArticle(ctx: SiteContext): Map<string, Record<string, string[]>> {
  const out = new Map<string, Record<string, string[]>>();
  for (const kind of ENTITY_KINDS) {
    const filter = KIND_LABEL[kind].filter;
    for (const e of ctx.index[kind]) {
      for (const id of e.articles) {
        let f = out.get(id);
        if (!f) out.set(id, (f = {}));
        (f[filter] ??= []).push(e.name);
      }
    }
  }
  for (const f of out.values()) for (const list of Object.values(f)) list.sort();
  return out;
}

/** The search record of one article. */
export function searchRecord(ctx: SiteContext, id: string, bodyText: string, filters: Record<string, string[]>): SearchRecord {
  const a = ctx.articleById.get(id);
  const head = [a?.location, a?.title, a?.byline ? `By ${a.byline}` : undefined].filter(Boolean).join('\n');
  return {
    url: articleUrl(id),
    content: `${head}\n\n${bodyText}`,
    language: ctx.settings.language,
    meta: { title: a?.title ?? id, ...(a?.date ? { date: readableDate(a.date) } : {}) },
    filters,
    ...(a?.date ? { sort: { date: a.date } } : {}),
  };
}

/**
 * Build the shards whose articles changed into `staging/pagefind/<shard>/`; record every shard file in `next`.
 * Files identical to the published ones are dropped from staging so they are not moved again.
 */
export async function indexShards(
  ctx: SiteContext,
  markdownDir: string,
  site: string,
  staging: string,
  old: SiteState,
  next: SiteState,
  /** Hash of each generated markdown file (`articles/<id>.md` → hash), as ingest recorded them. */
  mdHashes: Record<string, string>,
  onProgress?: (done: number, total: number) => void,
): Promise<{ pages: number; shards: number; rebuilt: number }> {
  const byShard = searchShardPlan(ctx.index.articles);
  const names = namesByArticle(ctx);
  // The search page loads Pagefind's scripts from the first (newest) shard and merges the others into it; a merged
  // index needs only its entry, metadata and index chunks, so the other shards go without the scripts and styles.
  const primary = byShard.keys().next().value;
  const todo: Array<[string, string[]]> = [];
  const kept = new Set<string>();
  // A shard with a file of unknown content on record (being moved into place when a build was killed) is indexed
  // again, whatever its signature: keeping it would record that file's hash as unknown.
  const unsure = new Set<string>();
  /** The search files on record, by shard (a few hundred of the record's tens of thousands of paths). */
  const onRecord: Array<[rel: string, shard: string, hash: string]> = [];
  for (const rel in old.files) {
    if (!rel.startsWith('pagefind/')) continue;
    const m = /^pagefind\/([^/]+)\//.exec(rel);
    if (!m) continue;
    const h = old.files[rel];
    if (!h) unsure.add(m[1]);
    onRecord.push([rel, m[1], h]);
  }
  for (const [shard, ids] of byShard) {
    // A shard is made from its articles' records: text (the markdown's hash), heading fields and entity filters.
    // Neighbours (previous/next, related) are not in a record, so a change to them re-renders pages, not shards.
    const h = createHash('sha1').update(`${next.version}\n${shard === primary ? 'primary' : 'merged'}\n`);
    for (const id of ids) {
      const a = ctx.articleById.get(id);
      h.update(`${id}\t${mdHashes[`articles/${id}.md`] ?? 'missing'}\t${JSON.stringify([a?.title, a?.date, a?.location, a?.byline, names.get(id)])}\n`);
    }
    const sig = h.digest('hex');
    next.shards[shard] = sig;
    if (old.shards[shard] === sig && !unsure.has(shard)) kept.add(shard);
    else todo.push([shard, ids]);
  }
  for (const [rel, shard, h] of onRecord) if (kept.has(shard)) next.files[rel] = h;
  if (!todo.length) return { pages: ctx.index.articles.length, shards: byShard.size, rebuilt: 0 };
  // One Pagefind process per lane (loaded only when a shard is to be indexed): a Pagefind process answers one request at
  // a time, so with one process the shards were indexed one after the other on one core while the other was idle.
  const lanes = await pagefindLanes(Math.min(todo.length, searchLaneCount()));
  /** Index one shard's articles into `staging/pagefind/<shard>/` with `pagefind` and record its files. */
  const buildShard = async (pagefind: PagefindApi, shard: string, ids: string[]): Promise<void> => {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`search index: ${errors.join('; ')}`);
    const added = await Promise.all(
      ids.map((id) => {
        const body = markdownBodyText(readFileSync(join(markdownDir, 'articles', `${id}.md`), 'utf8'));
        return index.addCustomRecord(searchRecord(ctx, id, body, names.get(id) ?? {}));
      }),
    );
    const failed = added.find((r) => r.errors.length);
    if (failed) throw new Error(`search index: ${failed.errors.join('; ')}`);
    const out = join(staging, 'pagefind', shard);
    const w = await index.writeFiles({ outputPath: out });
    await index.deleteIndex(); // free the shard's memory in Pagefind's process
    if (w.errors.length) throw new Error(`search index: ${w.errors.join('; ')}`);
    const dir = `pagefind/${shard}/`;
    for (const f of readdirSync(out, { recursive: true }) as string[]) {
      const full = join(out, f);
      if (shard !== primary && !/[/\\]/.test(f) && !MERGED_TOP.test(f)) {
        try {
          rmSync(full); // a script, style or wasm file that only the primary shard serves
        } catch {
          // a folder: kept
        }
        continue;
      }
      let data: Buffer;
      try {
        data = readFileSync(full);
      } catch {
        continue; // a folder
      }
      const rel = `${dir}${f.split(sep).join('/')}`;
      const h = hash(data);
      next.files[rel] = h;
      if (old.files[rel] === h && existsSync(join(site, rel))) rmSync(full);
    }
  };
  try {
    // One shard at a time per lane: each Pagefind process holds one shard in memory (all of them at once took 1.2 GB
    // at 20,000 articles).
    let done = 0;
    let nextShard = 0;
    const lane = async (pagefind: PagefindApi) => {
      while (nextShard < todo.length) {
        const [shard, ids] = todo[nextShard++];
        await buildShard(pagefind, shard, ids);
        onProgress?.(++done, todo.length);
      }
    };
    await Promise.all(lanes.map(lane));
  } finally {
    await Promise.all(lanes.map((p) => p.close()));
  }
  return { pages: ctx.index.articles.length, shards: byShard.size, rebuilt: todo.length };
}

type PagefindApi = typeof import('pagefind');

/** Pagefind processes to index shards with: one per core, two at least (one indexes while the other's shard is fed), four at most (memory). */
export function searchLaneCount(): number {
  const fromEnv = Number(process.env.DATELINE_SEARCH_LANES);
  if (Number.isInteger(fromEnv) && fromEnv >= 1) return fromEnv;
  return Math.max(2, Math.min(4, availableParallelism()));
}

/**
 * `count` (at least one) instances of the Pagefind API, each with a Pagefind process of its own. The package keeps one
 * process per module instance, so the second and later are the same module loaded under another URL (a query
 * string); where the module cannot be resolved to a URL, one lane.
 */
export async function pagefindLanes(count: number): Promise<PagefindApi[]> {
  const first = await import('pagefind');
  if (count <= 1) return [first];
  let url: string | undefined;
  try {
    url = import.meta.resolve('pagefind');
  } catch {
    url = undefined;
  }
  if (!url || !url.startsWith('file:')) return [first];
  const more = await Promise.all(Array.from({ length: Math.max(0, count - 1) }, (_, i) => (import(`${url}?lane=${i + 2}`) as Promise<PagefindApi>).catch(() => undefined)));
  return [first, ...more.filter((p): p is PagefindApi => p !== undefined)];
}
