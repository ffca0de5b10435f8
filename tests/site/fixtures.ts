// Test sites: raw articles written to a temp folder, ingested once, rendered at the root and under a path prefix.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingestDir, type IngestResult } from '../../src/io/ingest-dir.ts';
import { renderSite, type RenderResult } from '../../src/site/build-site.ts';
import { SHARED, tempDir, writeFiles } from '../helpers.ts';

export const BBC = join(SHARED, 'corpus', 'bbc');
export const PREFIX = '/news/archive/';

export interface TestSite {
  ingest: IngestResult;
  /** Site built at the web root. */
  site: string;
  render: RenderResult;
  /** Web root of the prefixed build; the site itself is at `prefixRoot + PREFIX`. */
  prefixRoot: string;
  prefixRender: RenderResult;
  /** Milliseconds for ingest and for each render (Eleventy + Pagefind). */
  timings: { ingest: number; render: number; prefixRender: number };
  cleanup: () => Promise<void>;
}

/** Ingest `files` (raw articles by relative path), then render twice: at "/" and under PREFIX. */
export async function buildTestSite(files: Record<string, string>, name = 'site'): Promise<TestSite> {
  const tmp = await tempDir(`dateline-${name}-`);
  const raw = join(tmp.path, 'raw');
  const md = join(tmp.path, 'md');
  await writeFiles(raw, files);
  const t0 = performance.now();
  const ingest = await ingestDir(raw, md);
  const t1 = performance.now();
  const site = join(tmp.path, 'site');
  const render = await renderSite(md, site);
  const t2 = performance.now();
  const prefixRoot = join(tmp.path, 'prefixed');
  const prefixRender = await renderSite(md, join(prefixRoot, PREFIX), { pathPrefix: PREFIX });
  const t3 = performance.now();
  return {
    ingest,
    site,
    render,
    prefixRoot,
    prefixRender,
    timings: { ingest: Math.round(t1 - t0), render: Math.round(t2 - t1), prefixRender: Math.round(t3 - t2) },
    cleanup: tmp.cleanup,
  };
}

/** The sample content folder's raw files (articles and settings), by relative path. */
export function contentFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && /\.(txt|md|ya?ml)$/.test(e.name)) out[join(e.parentPath, e.name).slice(dir.length + 1)] = readFileSync(join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

/**
 * `n` BBC articles read at run time from the shared corpus (never copied into the repo), spread evenly over the
 * five categories. The corpus has no dates; two in three get a made-up publication date in 2004–2005 (so the
 * archive by month, timelines and previous/next have something to show) and the rest stay undated.
 */
export function bbcFiles(n: number): Record<string, string> {
  const dupes = new Set(
    readFileSync(join(BBC, 'duplicates.txt'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split(/\s+/)[1]),
  );
  const cats = ['business', 'entertainment', 'politics', 'sport', 'tech'];
  const per = Math.ceil(n / cats.length);
  const out: Record<string, string> = {};
  let i = 0;
  for (const c of cats) {
    const names = readdirSync(join(BBC, c)).filter((f) => f.endsWith('.txt') && !dupes.has(`${c}/${f}`)).sort().slice(0, per);
    for (const f of names) {
      if (i >= n) break;
      const text = readFileSync(join(BBC, c, f), 'utf8');
      const month = (i * 7) % 24;
      const date = `${2004 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
      out[`${c}/${f}`] = i % 3 === 2 ? text : `---\ndate: ${date}\n---\n${text}`;
      i++;
    }
  }
  return out;
}
