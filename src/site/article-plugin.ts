// The Eleventy plugin: Eleventy renders the article pages — the archive's markdown — through markdown-it
// (no raw HTML, no template engine) and the article layout. Which articles it renders is decided by the
// caller (see render.ts): a rebuild renders only the articles whose page would change.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse } from 'yaml';
import type { Article, EntityKind } from '../types.ts';
import { loadSiteContext, type SiteContext } from './context.ts';
import { isoDay } from './dates.ts';
import { linkMentionsPlugin } from './link-mentions.ts';
import { entityUrl } from './archive-index.ts';
import { articlePage } from '../../layouts/article.ts';

// Minimal view of Eleventy's config API that this plugin uses.
interface EleventyConfig {
  directories: { input: string };
  pathPrefix?: string;
  setLibrary(name: string, lib: unknown): void;
  addTemplate(path: string, content: unknown, data?: Record<string, unknown>): void;
  addGlobalData(name: string, value: unknown): void;
  setTemplateFormats(formats: string[]): void;
  ignores: { add(glob: string): void };
  setUseGitIgnore(use: boolean): void;
}

/** Article ids to render in the next Eleventy run in this process; undefined renders every article. */
let plan: string[] | undefined;
export function setRenderPlan(ids: string[] | undefined): void {
  plan = ids;
}

/**
 * Site contexts by build id. Eleventy caches compiled templates by input path across instances in one process,
 * so a render finds its build's context through its page data, never through a closure.
 */
const CONTEXTS: Map<string, SiteContext> = ((globalThis as Record<string, unknown>).__datelineArticleContexts ??= new Map()) as Map<string, SiteContext>;
const BUILD_KEY = 'datelineBuild';
let builds = 0;

/** Split generated markdown into its frontmatter (parsed with the same YAML library that wrote it) and body. */
export function readGenerated(text: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) return { data: {}, body: text };
  return { data: (parse(m[1]) ?? {}) as Record<string, unknown>, body: text.slice(m[0].length) };
}

function articleFiles(dir: string): string[] {
  try {
    return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).map((f) => f.split(sep).join('/'));
  } catch {
    return [];
  }
}

export default function datelineArticles(eleventyConfig: EleventyConfig): void {
  const input = eleventyConfig.directories.input;
  const ctx = loadSiteContext(input, eleventyConfig.pathPrefix);
  const id = `${process.pid}-${++builds}-${Date.now()}`;
  CONTEXTS.set(id, ctx);
  for (const old of CONTEXTS.keys()) if (CONTEXTS.size > 4 && old !== id) CONTEXTS.delete(old);
  eleventyConfig.addGlobalData(BUILD_KEY, id);
  const ctxOf = (data: unknown): SiteContext => CONTEXTS.get((data as Record<string, string> | undefined)?.[BUILD_KEY] ?? '') ?? ctx;

  // Article text is data: no HTML passes through, no template engine ever reads it.
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.use(linkMentionsPlugin, { href: (kind: EntityKind, slug: string, env: Record<string, unknown>) => ctxOf(env).url(entityUrl(kind, slug)) });
  eleventyConfig.setLibrary('md', md);
  eleventyConfig.setTemplateFormats(['md']);
  // The markdown folder is usually git-ignored output: Eleventy must not skip it for that. Its files are
  // handed to Eleventy below as templates, so Eleventy's own file scan skips them.
  eleventyConfig.setUseGitIgnore(false);
  const rel = relative(process.cwd(), input).split(sep).join('/') || '.';
  eleventyConfig.ignores.add(`${rel.startsWith('.') ? rel : `./${rel}`}/articles/**`);

  eleventyConfig.addTemplate('_includes/article.11ty.js', {
    render: (data: Record<string, unknown> & { content: string }) => articlePage(ctxOf(data), { ...(data as unknown as Article), date: isoDay(data.date) }, data.content),
  });

  const articlesDir = join(input, 'articles');
  const ids = plan ?? articleFiles(articlesDir).map((f) => f.replace(/\.md$/, ''));
  for (const articleId of ids) {
    const file = join(articlesDir, `${articleId}.md`);
    if (relative(articlesDir, file).startsWith('..')) continue;
    const { data, body } = readGenerated(readFileSync(file, 'utf8'));
    eleventyConfig.addTemplate(`_articles/${articleId}.md`, body, data);
  }
}
