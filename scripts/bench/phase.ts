// One measured phase of `npm run bench`, run in its own process so its peak memory is its own.
import { ingestDir } from '../../src/io/ingest-dir.ts';
import { renderSite } from '../../src/site/build-site.ts';
import { build } from '../../src/build.ts';

const [phase, ...args] = process.argv.slice(2);
const t0 = performance.now();
let info: Record<string, unknown> = {};
if (phase === 'ingest') {
  const r = await ingestDir(args[0], args[1]);
  info = { articles: r.articles.length, written: r.written.length, cached: r.cached, rejected: r.rejected.length, timings: r.timings };
} else if (phase === 'render') {
  const r = await renderSite(args[0], args[1], { quiet: true });
  info = { pages: r.pages, articlesRendered: r.articlesRendered, siteWritten: r.written.length, timings: r.timings };
} else if (phase === 'build') {
  const r = await build(args[0], args[2], { markdownDir: args[1], quiet: true });
  info = { articles: r.ingest.articles.length, mdWritten: r.ingest.written.length, cached: r.ingest.cached, pages: r.render.pages, articlesRendered: r.render.articlesRendered, siteWritten: r.render.written.length, removed: r.render.removed.length, timings: { ingest: r.ingest.timings, render: r.render.timings } };
} else {
  throw new Error(`unknown phase ${phase}`);
}
info.ms = performance.now() - t0;
console.log(`@@RESULT ${JSON.stringify(info)}`);
