// Render the site from the generated markdown, rewriting only what changed.
//
// Article pages are rendered by Eleventy (article-plugin.ts); every other page is a plain function of the
// archive index (pages.ts) and is rendered directly. The site folder holds a record of every file written
// (with its hash) and of each article page's inputs, so a rebuild renders only the articles whose page
// would change and writes only files whose bytes changed. Files are rendered into a staging folder and then
// moved into place by atomic renames (a folder new to the site in one); a killed build leaves every file whole,
// and the next build finishes the job. Files the tool did not write are never touched.
import { createHash, hash as digestOf } from 'node:crypto';
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EMPTY_INDEX, makeSiteContext, type SiteContext } from './context.ts';
import { DEFAULT_SETTINGS, normalizePrefix } from './settings.ts';
import { readSiteDataAndPieces, type SitePiece } from '../io/site-data.ts';
import type { WarmState } from '../io/warm.ts';
import { articleUrl } from './archive-index.ts';
import { indexShards } from './search-index.ts';
import { digest, sitePages, PageInputs } from './pages.ts';
import { runEleventy, runEleventyInWorker, type EleventyWorker } from './eleventy-run.ts';
import { emptyState, publishSite, readSiteState, SITE_STAGING, type SiteState } from '../io/site-manifest.ts';
import { removeStaleTemps } from '../io/atomic.ts';
import { SRC_DIR } from '../paths.ts';
import { folderMaker } from './folders.ts';

const here = join(SRC_DIR, 'site'); // the sources, also when running compiled (renderVersion hashes them)
export { CONFIG_PATH } from './eleventy-run.ts';
/**
 * Eleventy runs in a worker thread, beside the listing pages, when it has 400+ article pages to render, or any at
 * all in an archive of 2,000+ articles: there the listing pages' input signatures alone keep this thread busy for
 * longer than a worker takes to start (about 0.3 s).
 */
const WORKER_THRESHOLD = 400;
const WORKER_ARCHIVE = 2000;
/**
 * Longest stretch of listing pages rendered without letting the event loop run. The search records go to Pagefind's
 * process through a pipe that takes 64 kB at a time, each more only when the loop runs: yielding every 500 pages
 * (about half a second) left Pagefind idle until the pages were done, then alone on the machine for its whole index.
 */
const YIELD_MS = 10;
export const ASSETS_DIR = join(here, '../../layouts/assets');

export interface RenderOptions {
  pathPrefix?: string;
  quiet?: boolean;
  /** Build the Pagefind search index (default true). */
  search?: boolean;
  /** Run Eleventy in a worker thread, beside the listing pages (default: when there are 400+ articles to render, or any in an archive of 2,000+). */
  eleventyWorker?: boolean;
  /** Articles per Eleventy run (default 1,000): bounds Eleventy's memory on large archives. */
  eleventyBatch?: number;
  /** What this process kept from its last build of the same archive (serve; see src/io/warm.ts). */
  warm?: WarmState;
  /** Progress of each rendering step: `articles` (Eleventy), `pages` (every other page), `search` (index shards). */
  onRenderProgress?: (step: RenderStep, done: number, total: number) => void;
}

export type RenderStep = 'articles' | 'pages' | 'search';

export interface RenderResult {
  /** Files the site holds after this build. */
  pages: number;
  /** Article pages Eleventy rendered in this build. */
  articlesRendered: number;
  /** Files whose bytes changed (or are new). */
  written: string[];
  /** Files of earlier builds removed because this build no longer produces them. */
  removed: string[];
  /**
   * Listing pages (every page but articles' and assets): how many there are, how many had their inputs computed
   * (the others kept their last signature: nothing they are made from changed) and how many were rendered.
   */
  listing: { pages: number; signed: number; rendered: number };
  /** Article pages in the search index, its shards (one per year, plus undated) and how many were rebuilt. */
  search?: { pages: number; shards: number; rebuilt: number };
  /** Milliseconds: `load` reads the site data and the site's record; `eleventy` runs beside `pages` (listing pages). */
  timings: { load: number; eleventy: number; pages: number; search: number; publish: number };
}

const hash = (data: string | Uint8Array) => digestOf('sha1', data, 'hex');

/** Site-relative output path for a URL path ("/people/x/" → "people/x/index.html"). */
export function outputPath(url: string): string {
  const p = url.replace(/^\/+/, '');
  return p === '' || p.endsWith('/') ? `${p}index.html` : p;
}

let versionCache: string | undefined;
/** Hash of the code that shapes pages: a change to a layout re-renders every page. */
export function renderVersion(): string {
  if (versionCache) return versionCache;
  const h = createHash('sha1');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|js|css)$/.test(e.name)) h.update(e.name).update(readFileSync(p));
    }
  };
  for (const d of [join(here, '../../layouts'), here, join(here, '../analysis')]) if (existsSync(d)) walk(d);
  return (versionCache = h.digest('hex').slice(0, 16));
}

/**
 * What an article page is made from, besides its own markdown: its neighbours' summaries, settings, prefix.
 * `summary` gives each summary's digest, made once: every summary appears in about seven signatures (its own, its neighbours').
 */
function articleSignature(ctx: SiteContext, id: string, mdHash: string, base: string, summary: (id: string | undefined) => string): string {
  const s = ctx.articleById.get(id);
  let near = '';
  if (s) {
    near = summary(id) + summary(s.prev) + summary(s.next);
    for (const r of s.related ?? []) near += summary(r);
  }
  return hash(`${base}\n${mdHash}\n[${near}]`);
}

/**
 * Digests of summaries, by the summary: a summary is never changed once made (a changed article gets a new one), and
 * a process that builds again (serve) keeps the unchanged ones, so their digests are not made again.
 */
const SUMMARY_DIGESTS = new WeakMap<object, string>();

/** Digests (sha1, base64) of article summaries' JSON by id, each made once ("null" for none). */
function summaryDigests(ctx: SiteContext): (id: string | undefined) => string {
  return (id) => {
    if (id === undefined) return 'null';
    const a = ctx.articleById.get(id);
    if (!a) return digest('null');
    let d = SUMMARY_DIGESTS.get(a);
    if (d === undefined) SUMMARY_DIGESTS.set(a, (d = digest(JSON.stringify(a))));
    return d;
  };
}

/** What `build` may have ready before the render starts (src/build.ts). */
export interface RenderHead {
  /** The site folder's record, read already. */
  old?: SiteState;
  /** An Eleventy worker started ahead (it loads Eleventy meanwhile); used when the render runs Eleventy in a worker, and closed either way. */
  worker?: EleventyWorker;
  /** Which files of `old` are missing from the site folder, asked ahead (see EleventyWorker.missing); else asked here, file by file. */
  missing?: Promise<Set<string>>;
}

/**
 * Whether a render of a site whose record is `old` will probably run Eleventy in a worker thread (an archive of
 * WORKER_ARCHIVE articles or more), so that starting one ahead pays.
 */
export function expectsEleventyWorker(old: SiteState, opts: RenderOptions = {}): boolean {
  return opts.eleventyWorker ?? Object.keys(old.articles).length >= WORKER_ARCHIVE;
}

/** Render `markdownDir` into `siteDir`. */
export async function renderSite(markdownDir: string, siteDir: string, opts: RenderOptions = {}, head: RenderHead = {}): Promise<RenderResult> {
  try {
    return await render(markdownDir, siteDir, opts, head);
  } finally {
    void head.worker?.close(); // when it was not used (a worker that ran its job has ended)
  }
}

async function render(markdownDir: string, siteDir: string, opts: RenderOptions, head: RenderHead): Promise<RenderResult> {
  const tLoad = performance.now();
  const site = resolve(siteDir);
  const md = resolve(markdownDir);
  const prefix = normalizePrefix(opts.pathPrefix);
  const { read, ctx } = siteContextOf(md, prefix, opts.warm?.pieces);
  const old = head.old ?? (await readSiteState(site, opts.warm?.site));
  const missing = head.old && head.missing ? await head.missing.catch(() => undefined) : undefined;
  /** Whether a file on record is still there. */
  const present = (rel: string) => (missing ? !missing.has(rel) : existsSync(join(site, rel)));
  if (old.pending) await removeStaleTemps(site); // the last build was killed while writing
  // or while writing the list of files it was about to move (see publishSite), which is written, with the site record,
  // at the top of the site folder: the only files written there directly
  else await removeStaleTemps(site, false);
  const version = `${renderVersion()}|${prefix}|${JSON.stringify(ctx.settings)}`;
  const sameVersion = old.version === version;
  const staging = join(site, SITE_STAGING);
  await rm(staging, { recursive: true, force: true }); // debris of a killed build
  await mkdir(staging, { recursive: true });
  const next: SiteState = { version, files: {}, articles: {}, shards: {}, inputs: {}, listed: {}, data: listingDataKey(ctx, read?.pieces) };
  const written: string[] = [];
  // Listing pages are written into the staging folder like everything else, synchronously (tens of thousands of
  // small files: no await per file). Nothing there is published until the last step moves it into place, where a
  // folder that is new to the site moves whole (see moveStaged), so a first build costs no rename per page.
  const folder = folderMaker(staging);
  const place = (rel: string, content: string | Uint8Array) => {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content; // encoded once, for the hash and the file
    const h = hash(bytes);
    next.files[rel] = h;
    if (old.files[rel] === h && present(rel)) return; // unchanged and still there
    const slash = rel.lastIndexOf('/');
    if (slash > 0) folder(rel.slice(0, slash));
    writeFileSync(join(staging, rel), bytes);
    written.push(rel);
  };

  /** A page made by the same code from the same inputs as last time, and still there, is kept as it is. */
  const keepsOld = (rel: string, oldSig: string | undefined, sig: string) => sameVersion && oldSig === sig && !!old.files[rel] && present(rel);

  const t0 = performance.now();
  const mdHashes = readMarkdownHashes(md);
  // The search index is built from the markdown in Pagefind's own process, alongside everything below: started
  // first, so that Pagefind has the records of the shards to rebuild while this thread signs and renders pages.
  const progress = opts.onRenderProgress;
  const searching = opts.search === false ? undefined : indexShards(ctx, md, site, staging, old, next, mdHashes, progress && ((done, total) => progress('search', done, total)));
  searching?.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
  let lastYield = performance.now();
  /** Let the event loop run (Pagefind's records go out through a pipe only then) when YIELD_MS have passed. */
  const breathe = async () => {
    if (performance.now() - lastYield > YIELD_MS) {
      await new Promise((r) => setImmediate(r));
      lastYield = performance.now();
    }
  };

  // 1. Article pages: Eleventy renders those whose inputs changed.
  const toRender: string[] = [];
  const summary = summaryDigests(ctx);
  for (let i = 0; i < ctx.index.articles.length; i++) {
    const a = ctx.index.articles[i];
    const sig = articleSignature(ctx, a.id, mdHashes[`articles/${a.id}.md`] ?? 'missing', version, summary);
    next.articles[a.id] = sig;
    const rel = outputPath(articleUrl(a.id));
    if (keepsOld(rel, old.articles[a.id], sig)) next.files[rel] = old.files[rel];
    else toRender.push(a.id);
    if (i % 64 === 63) await breathe();
  }
  // Eleventy renders the changed articles; a large plan runs in a worker thread, on the other core, while this
  // thread renders the listing pages.
  const job = { input: md, output: staging, pathPrefix: prefix, quiet: opts.quiet ?? true, plan: toRender, ...(opts.eleventyBatch ? { batch: opts.eleventyBatch } : {}) };
  const inWorker = toRender.length > 0 && (opts.eleventyWorker ?? (toRender.length >= WORKER_THRESHOLD || ctx.index.articles.length >= WORKER_ARCHIVE));
  const articleProgress = progress && ((done: number) => progress('articles', done, toRender.length));
  const rendering = !toRender.length
    ? Promise.resolve([])
    : inWorker
      ? (head.worker ? head.worker.run.bind(head.worker) : runEleventyInWorker)(job, articleProgress, { settings: ctx.settings, articles: ctx.index.articles })
      : runEleventy(job, articleProgress, ctx);
  rendering.catch(() => undefined);
  let tEleventy = 0;
  void rendering.then(() => (tEleventy = performance.now()), () => undefined);
  if (!inWorker) await rendering;
  const t1 = performance.now();

  // 2. Every other page, rendered directly from the index; only changed bytes are written.
  const inputs = new PageInputs(ctx);
  const pages = sitePages(ctx, { inputs, ...(read?.pieces ? { pieces: read.pieces } : {}) });
  // An article whose page signature is unchanged has the same summary (the signature holds its digest), so what
  // listing pages show of it is as it was.
  for (const a of ctx.index.articles) {
    const was = old.listed[a.id];
    next.listed[a.id] = sameVersion && was !== undefined && old.articles[a.id] === next.articles[a.id] ? was : inputs.listed(a.id);
  }
  const changed = sameVersion ? changedListings(old, next) : undefined;
  let signed = 0;
  let rendered = 0;
  const assets = readdirSync(ASSETS_DIR);
  for (let i = 0; i < pages.length; i++) {
    const p = pages[i];
    const rel = outputPath(p.url);
    if (p.inputs) {
      // A page made from the same inputs as last time is the same page: keep it without rendering it.
      // A page whose inputs depend only on data that did not change keeps its signature without computing it again.
      const prev = old.inputs[rel];
      const reuse = changed && p.lists && prev !== undefined && !p.lists().some((id) => changed.has(id));
      const sig = reuse ? prev : hash(p.inputs());
      if (!reuse) signed++;
      next.inputs[rel] = sig;
    }
    if (p.inputs && keepsOld(rel, old.inputs[rel], next.inputs[rel])) next.files[rel] = old.files[rel];
    else {
      place(rel, p.render());
      rendered++;
    }
    if (i % 500 === 499) progress?.('pages', i + 1, pages.length);
    if (i % 16 === 15) await breathe();
  }
  progress?.('pages', pages.length, pages.length);
  for (const f of assets) place(`assets/${f}`, readFileSync(join(ASSETS_DIR, f)));
  const t2 = performance.now();
  for (const f of await rendering) {
    next.files[f.rel] = f.hash;
    written.push(f.rel);
  }

  // 3. Search: one Pagefind index per year (plus undated); only shards whose articles changed are rebuilt.
  const search = await searching;
  const t3 = performance.now();

  // 4. Move staged files into place, then remove what this build no longer produces.
  const removed = await publishSite(site, staging, old, next, opts.warm?.site);
  const t4 = performance.now();
  return {
    pages: Object.keys(next.files).length,
    articlesRendered: toRender.length,
    written: [...new Set(written)].sort(),
    removed,
    listing: { pages: pages.length, signed, rendered },
    ...(search ? { search } : {}),
    timings: { load: Math.round(t0 - tLoad), eleventy: Math.round((tEleventy || t1) - t0), pages: Math.round(t2 - t1), search: Math.round(t3 - t2), publish: Math.round(t4 - t3) },
  };
}

/**
 * What listing pages are made from besides the article summaries: the site data's pieces other than the summaries
 * (each named by a hash of its text) and the newest date ('' when the pieces are not known: nothing is reused).
 */
function listingDataKey(ctx: SiteContext, pieces: Record<SitePiece, string> | undefined): string {
  return pieces ? JSON.stringify([pieces.entities, pieces.timeline, pieces.network, pieces.bios, pieces.quotes, ctx.newestDate ?? '']) : '';
}

/**
 * The articles whose listed digest changed since the last build, when every other input of the pages that declare
 * their listed articles (SitePage.lists) is as it was: the same listing data and the same set of articles. Undefined
 * when that does not hold, and every page's inputs must be computed.
 */
function changedListings(old: SiteState, next: SiteState): Set<string> | undefined {
  if (!next.data || old.data !== next.data) return undefined;
  const ids = Object.keys(next.listed);
  if (Object.keys(old.listed).length !== ids.length) return undefined;
  const changed = new Set<string>();
  for (const id of ids) {
    const was = old.listed[id];
    if (was === undefined) return undefined;
    if (was !== next.listed[id]) changed.add(id);
  }
  return changed;
}

/**
 * The search index alone, every shard, into `outDir/pagefind/` (a new folder): what a full render's search step does
 * with nothing on record, without the pages. The benchmark measures it beside the full build, to show the share of
 * the full build that is Pagefind's own work.
 */
export async function indexSearchOnly(markdownDir: string, outDir: string, opts: { pathPrefix?: string } = {}): Promise<{ pages: number; shards: number }> {
  const md = resolve(markdownDir);
  const out = resolve(outDir);
  const { ctx } = siteContextOf(md, normalizePrefix(opts.pathPrefix));
  await mkdir(out, { recursive: true });
  const r = await indexShards(ctx, md, out, out, emptyState(), emptyState(), readMarkdownHashes(md));
  return { pages: r.pages, shards: r.shards };
}

/** The site data of a markdown folder (none yet: an empty archive) and the site context made of it. */
function siteContextOf(md: string, prefix: string, pieces?: WarmState['pieces']): { read: ReturnType<typeof readSiteDataAndPieces>; ctx: SiteContext } {
  const read = readSiteDataAndPieces(md, pieces);
  return { read, ctx: makeSiteContext(read?.data ?? { settings: DEFAULT_SETTINGS, index: EMPTY_INDEX }, prefix) };
}

/** Hashes of the generated markdown files, as ingest recorded them. */
function readMarkdownHashes(md: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(join(md, '.dateline', 'outputs.json'), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}
