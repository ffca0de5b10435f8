// One measured phase of `npm run bench`, run in its own process so its peak memory is its own.
// It runs what users run: the library compiled into dist/ (compiled first if the sources changed; `npm run bench`
// compiles before the first phase), without a TypeScript loader.
import { distModule, ensureCompiled } from '../compile.mjs';

const { ingestDir, renderSite, indexSearchOnly, build, createWarmState, closeWarmState, collectGarbage } = await import(distModule(await ensureCompiled(), 'index'));

const [phase, ...args] = process.argv.slice(2);
const t0 = performance.now();
let info = {};
if (phase === 'ingest') {
  const r = await ingestDir(args[0], args[1]);
  info = { articles: r.articles.length, written: r.written.length, cached: r.cached, rejected: r.rejected.length, timings: r.timings };
} else if (phase === 'render') {
  const r = await renderSite(args[0], args[1], { quiet: true });
  info = { pages: r.pages, articlesRendered: r.articlesRendered, siteWritten: r.written.length, listing: r.listing, search: r.search, timings: r.timings };
} else if (phase === 'search') {
  info = await indexSearchOnly(args[0], args[1]);
} else if (phase === 'build') {
  const r = await build(args[0], args[2], { markdownDir: args[1], quiet: true });
  info = { articles: r.ingest.articles.length, mdWritten: r.ingest.written.length, cached: r.ingest.cached, pages: r.render.pages, articlesRendered: r.render.articlesRendered, siteWritten: r.render.written.length, removed: r.render.removed.length, listing: r.render.listing, search: r.render.search, timings: { ingest: r.ingest.timings, render: r.render.timings } };
} else if (phase === 'serve-edits') {
  // What `dateline serve` does between edits: one process, one warm state; a first build (nothing changed since the
  // last one: it reads what the next builds keep), then each of the given raw files gets a sentence and is rebuilt.
  const { appendFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const [raw, md, site, ...victims] = args;
  const warm = createWarmState();
  const opts = { markdownDir: md, quiet: true, warm };
  let t = performance.now();
  await build(raw, site, opts);
  info.firstMs = performance.now() - t;
  collectGarbage();
  info.edits = [];
  for (const v of victims) {
    await appendFile(join(raw, v), '\n\nAn editor added this sentence while the site was being served.\n');
    t = performance.now();
    const r = await build(raw, site, opts);
    info.edits.push({ ms: performance.now() - t, siteWritten: r.render.written.length, removed: r.render.removed.length, timings: { ingest: r.ingest.timings, render: r.render.timings } });
    collectGarbage(); // as serve does after each rebuild, once the site is updated (src/serve.ts)
  }
  await closeWarmState(warm);
} else {
  throw new Error(`unknown phase ${phase}`);
}
info.ms = performance.now() - t0;
await childrenReaped();
console.log(`@@RESULT ${JSON.stringify(info)}`);

/**
 * Wait (up to 3 s) until this process has no child processes left: Pagefind's processes are killed, not awaited, when
 * the search index is done; once reaped, their CPU time counts in this process's children's time, which the
 * benchmark reads (it reads its own children's, so a child's CPU counts only when its parent reaped it).
 */
async function childrenReaped() {
  const { readdirSync, readFileSync } = await import('node:fs');
  const until = performance.now() + 3000;
  while (performance.now() < until) {
    let any = false;
    for (const p of readdirSync('/proc')) {
      if (!/^\d+$/.test(p)) continue;
      try {
        const st = readFileSync(`/proc/${p}/stat`, 'utf8');
        if (Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]) === process.pid) any = true;
      } catch {
        // gone
      }
    }
    if (!any) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}
