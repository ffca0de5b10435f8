// Site checks shared by the build tests: every internal link (linkinator, local files, no network),
// every page valid (html-validate with the repo's .htmlvalidate.json), and feeds well formed.
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { check } from 'linkinator';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { ROOT } from '../helpers.ts';
import { serveStatic } from './serve.ts';

export interface LinkReport {
  checked: number;
  broken: Array<{ url: string; status?: number; parent?: string }>;
}

/**
 * Check every link reachable from the site's home page. `serverRoot` is served as the web root; the site itself
 * sits at `prefix` inside it. Absolute links to elsewhere (canonical, OpenGraph, feeds' base URL) are skipped.
 */
export async function checkLinks(serverRoot: string, prefix = '/'): Promise<LinkReport> {
  const server = await serveStatic(serverRoot);
  try {
    const result = await check({
      path: server.origin + prefix.replace(/^\//, ''),
      recurse: true,
      checkFragments: true,
      checkCss: true,
      concurrency: 25,
      // A loaded machine can drop a keep-alive connection; retry those rather than report them.
      retryErrors: true,
      retryErrorsCount: 5,
      retryErrorsJitter: 50,
      linksToSkip: async (link: string) => /^[a-z][a-z0-9+.-]*:/i.test(link) && !link.startsWith(server.origin),
    });
    const followed = result.links.filter((l) => l.state !== 'SKIPPED');
    return {
      checked: followed.length,
      broken: result.links.filter((l) => l.state === 'BROKEN').map((l) => ({ url: l.url, status: l.status, parent: l.parent })),
    };
  } finally {
    await server.close();
  }
}

export async function listFiles(dir: string, ext: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith(ext)) out.push(join(e.parentPath, e.name));
  }
  return out.sort();
}

/** The same resolved configuration for every file: html-validate otherwise rebuilds its element table per file (most of its time). */
class CachedConfigLoader extends StaticConfigLoader {
  private resolved?: ReturnType<StaticConfigLoader['getConfigFor']>;
  override getConfigFor(handle: string, override?: ConfigData): ReturnType<StaticConfigLoader['getConfigFor']> {
    if (override) return super.getConfigFor(handle, override);
    return (this.resolved ??= super.getConfigFor(handle));
  }
}

export interface ValidationReport {
  files: number;
  errors: string[];
}

/** Validate every HTML file under `dir` with the project's html-validate configuration. */
export async function validateHtml(dir: string): Promise<ValidationReport> {
  const config = JSON.parse(await readFile(join(ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData;
  delete (config as Record<string, unknown>).$schema;
  const validator = new HtmlValidate(new CachedConfigLoader({ ...config, root: true }));
  const files = (await listFiles(dir, '.html')).filter((f) => !relative(dir, f).startsWith('pagefind'));
  const errors: string[] = [];
  for (const f of files) {
    const report = await validator.validateString(await readFile(f, 'utf8'), f);
    for (const r of report.results) for (const m of r.messages) errors.push(`${relative(dir, f)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  return { files: files.length, errors };
}

/** Minimal well-formedness check for generated XML (feeds, sitemap): balanced tags, no raw ampersands. */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  if (!xml.startsWith('<?xml')) problems.push('no XML declaration');
  if (/&(?!(amp|lt|gt|quot|#39|apos);)/.test(xml)) problems.push('unescaped &');
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([a-zA-Z][\w:.-]*)[^>]*?(\/?)>/g)) {
    const [, close, name, self] = m;
    if (self) continue;
    if (!close) stack.push(name);
    else if (stack.pop() !== name) problems.push(`mismatched </${name}>`);
  }
  if (stack.length) problems.push(`unclosed <${stack.join('>, <')}>`);
  return problems;
}
