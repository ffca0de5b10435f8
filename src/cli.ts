// The `dateline` command line: parse flags, call the library, turn results into output and an exit code.
import { Command, CommanderError, Option } from 'commander';
import { resolve } from 'node:path';
import type { IngestResult } from './io/ingest-dir.ts';
import cliProgress from 'cli-progress';
import type { RenderStep } from './site/build-site.ts';

/**
 * Progress bars for long ingests and builds on a terminal: one bar per step (ingest, then article pages, other
 * pages and the search index, which run side by side). Nothing when stderr is not a terminal (CI, pipes, tests).
 */
export function progressBars(err: NodeJS.WritableStream): { ingest?: (done: number, total: number) => void; render?: (step: RenderStep, done: number, total: number) => void; stop: () => void } {
  const tty = err as NodeJS.WriteStream;
  if (!tty.isTTY) return { stop: () => undefined };
  const multi = new cliProgress.MultiBar(
    { format: '{step} [{bar}] {value}/{total} {unit}', stream: tty, clearOnComplete: true, hideCursor: true, autopadding: true },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  const UNIT: Record<string, string> = { ingest: 'articles', articles: 'article pages', pages: 'other pages', search: 'search shards' };
  const update = (step: string, done: number, total: number, min: number) => {
    if (total < min) return; // not worth a bar
    let bar = bars.get(step);
    if (!bar) bars.set(step, (bar = multi.create(total, 0, { step: step.padEnd(8), unit: UNIT[step] ?? '' })));
    bar.setTotal(total);
    bar.update(done);
  };
  return {
    ingest: (done, total) => update('ingest', done, total, 50),
    render: (step, done, total) => update(step, done, total, step === 'search' ? 2 : 50),
    stop: () => multi.stop(),
  };
}

const EXIT_OK = 0;
const EXIT_REJECTED = 1;
const EXIT_USAGE = 2;

/** One line of terminal text: control characters (newlines, escape sequences) in file names or reasons are shown escaped. */
export function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

const where = (x: { file: string; line?: number }) => oneLine(`${x.file}${x.line ? `:${x.line}` : ''}`);

/** Print warnings, then the summary, then every rejected file with its reason; returns the exit code. */
function report(r: IngestResult, out: NodeJS.WritableStream, err: NodeJS.WritableStream, site?: string): number {
  for (const w of r.warnings) err.write(`warning: ${where(w)}: ${oneLine(w.message)}\n`);
  const n = r.articles.length;
  out.write(
    `${n} article${n === 1 ? '' : 's'} built (${r.written.length} file(s) written, ${r.cached} from cache, ${r.deleted.length} removed), ` +
      `${r.warnings.length} warning(s), ${r.rejected.length} rejected\n`,
  );
  if (site) out.write(site);
  for (const x of r.rejected) err.write(`rejected: ${where(x)}: ${oneLine(x.reason)}\n`);
  return r.rejected.length ? EXIT_REJECTED : EXIT_OK;
}

const sizeOption = () =>
  new Option('--max-article-size <MB>', 'largest raw article accepted, in MB').default('4').argParser((v) => {
    const n = Number(v);
    if (!(n > 0)) throw new CommanderError(EXIT_USAGE, 'dateline.usage', `--max-article-size must be a positive number of MB, got ${v}`);
    return v;
  });
const mb = (v: string) => Math.round(Number(v) * 1024 * 1024);

/** Run the CLI with `argv` (without node and script). Resolves to the exit code. */
export async function main(argv: string[], io = { out: process.stdout, err: process.stderr }): Promise<number> {
  let code = EXIT_OK;
  const program = new Command('dateline')
    .description('Turn a folder of raw news articles into a cross-linked static archive site.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) })
    .showHelpAfterError();

  program
    .command('ingest')
    .description('Turn raw articles into structured markdown (one file per article).')
    .argument('<rawDir>', 'folder of raw articles (.txt/.md), with optional curation.yaml and site.yaml')
    .requiredOption('--out <markdownDir>', 'folder for the generated markdown')
    .addOption(sizeOption())
    .action(async (rawDir: string, o: { out: string; maxArticleSize: string }) => {
      const { ingestDir } = await import('./io/ingest-dir.ts'); // commands load the library when they run: `--help` starts fast
      const bars = progressBars(io.err);
      const r = await ingestDir(resolve(rawDir), resolve(o.out), { maxArticleBytes: mb(o.maxArticleSize), onProgress: bars.ingest }).finally(bars.stop);
      code = report(r, io.out, io.err);
    });

  program
    .command('build')
    .description('Ingest raw articles, then render the site.')
    .argument('<rawDir>', 'folder of raw articles')
    .requiredOption('--out <siteDir>', 'folder for the built site')
    .option('--markdown <markdownDir>', 'folder for the generated markdown (default: _markdown beside the site folder)')
    .option('--path-prefix <prefix>', 'serve the site under this sub-path, e.g. /archive/', '/')
    .addOption(sizeOption())
    .action(async (rawDir: string, o: { out: string; markdown?: string; pathPrefix: string; maxArticleSize: string }) => {
      const { build, defaultMarkdownDir } = await import('./build.ts');
      const bars = progressBars(io.err);
      const r = await build(resolve(rawDir), resolve(o.out), {
        markdownDir: o.markdown ? resolve(o.markdown) : defaultMarkdownDir(o.out),
        pathPrefix: o.pathPrefix,
        maxArticleBytes: mb(o.maxArticleSize),
        onProgress: bars.ingest,
        onRenderProgress: bars.render,
      }).finally(bars.stop);
      const site = `site: ${r.render.pages} file(s) in ${resolve(o.out)}${r.removed?.length ? `, ${r.removed.length} stale file(s) removed` : ''}\n`;
      code = report(r.ingest, io.out, io.err, site);
    });

  program
    .command('serve')
    .description('Build, then serve the site with live reload; rebuilds when raw articles change.')
    .argument('[rawDir]', 'folder of raw articles', 'content')
    .option('--out <siteDir>', 'folder for the built site', '_site')
    .option('--port <port>', 'port to listen on', '8080')
    .action(async (rawDir: string, o: { out: string; port: string }) => {
      const { serve } = await import('./serve.ts');
      await serve(resolve(rawDir), resolve(o.out), { port: Number(o.port) });
    });

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT_USAGE;
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    io.err.write(`error: ${oneLine((e as Error).message)}\n`);
    return EXIT_REJECTED;
  }
}
