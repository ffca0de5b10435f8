// The Eleventy plugin: Eleventy renders the article pages — the archive's markdown — through markdown-it
// (no raw HTML, no template engine) and the article layout. Which articles it renders is decided by the
// caller (see render.ts): a rebuild renders only the articles whose page would change.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import MarkdownIt from 'markdown-it';
import { load, FAILSAFE_SCHEMA, Type } from 'js-yaml';
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
/** Called after each article page Eleventy renders in this thread (for progress displays). */
let onRendered: (() => void) | undefined;
/** The site context of the next run, when the caller has it already (else it is read from the markdown folder). */
let preset: SiteContext | undefined;
export function setRenderPlan(ids: string[] | undefined, rendered?: () => void, ctx?: SiteContext): void {
  plan = ids;
  onRendered = rendered;
  preset = ctx;
}

/**
 * Site contexts by build id. Eleventy caches compiled templates by input path across instances in one process,
 * so a render finds its build's context through its page data, never through a closure.
 */
const CONTEXTS: Map<string, SiteContext> = ((globalThis as Record<string, unknown>).__datelineArticleContexts ??= new Map()) as Map<string, SiteContext>;
const BUILD_KEY = 'datelineBuild';
let builds = 0;

// The YAML 1.2 core schema exactly as the `yaml` library (which writes the frontmatter) resolves plain scalars.
// js-yaml's own core schema also reads `0b101` and `1_000` as numbers, which the writer leaves unquoted as text.
const scalar = (tag: string, re: RegExp, construct: (s: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (s: string | null) => s !== null && re.test(s), construct: (s: string) => construct(s) });
const CORE_1_2 = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', /^(?:~|null|Null|NULL)?$/, () => null),
    scalar('bool', /^(?:true|True|TRUE|false|False|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'),
    scalar('int', /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (s) => (s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10))),
    scalar('float', /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/, (s) =>
      /nan$/i.test(s) ? NaN : /inf$/i.test(s) ? (s[0] === '-' ? -Infinity : Infinity) : parseFloat(s)),
  ],
});

/**
 * Split generated markdown into its frontmatter and body. The frontmatter is read with js-yaml (the parser behind
 * gray-matter) on the YAML 1.2 core schema the `yaml` library writes it in, so every value reads back as written
 * (tests/site/frontmatter.test.ts), ten times faster than re-parsing with the writer's own document model.
 */
export function readGenerated(text: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) return { data: {}, body: text };
  let data: unknown;
  try {
    data = load(m[1], { schema: CORE_1_2 });
  } catch {
    data = parse(m[1]); // what js-yaml refuses (noncharacters such as U+FFFE) the writer's own parser reads
  }
  return { data: (data && typeof data === 'object' && !Array.isArray(data) ? data : {}) as Record<string, unknown>, body: text.slice(m[0].length) };
}

/** Top-level frontmatter fields that article pages do not show: their blocks are cut before the YAML is read. */
const UNUSED_BLOCKS = ['events:', 'quotes:'];

/**
 * The frontmatter text without the blocks of the fields article pages do not use (UNUSED_BLOCKS). The generated
 * frontmatter has one line per top-level field, at column 0, its nested lines indented (no folded or block scalars:
 * src/markdown/serialize.ts), so a block ends at the next line that starts a field; lines starting with a space, a
 * `-` or a `#`, and empty ones, belong to the block being cut.
 */
export function withoutUnusedBlocks(frontmatter: string): string {
  let out = '';
  let from = 0;
  let i = 0;
  while (i < frontmatter.length) {
    const end = frontmatter.indexOf('\n', i);
    const next = end === -1 ? frontmatter.length : end + 1;
    if (frontmatter.charCodeAt(i) === 101 /* e */ || frontmatter.charCodeAt(i) === 113 /* q */) {
      const field = UNUSED_BLOCKS.find((k) => frontmatter.startsWith(k, i) && (next === i + k.length + 1 || frontmatter.startsWith(' ', i + k.length)));
      if (field) {
        out += frontmatter.slice(from, i);
        let j = next;
        while (j < frontmatter.length && /^[ \-#\n]/.test(frontmatter[j])) {
          const e = frontmatter.indexOf('\n', j);
          j = e === -1 ? frontmatter.length : e + 1;
        }
        from = i = j;
        continue;
      }
    }
    i = next;
  }
  return from === 0 ? frontmatter : out + frontmatter.slice(from);
}

/** What an article page is made from in its markdown file: readGenerated without the fields pages do not show. */
export function readArticlePage(text: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) return readGenerated(text);
  const fm = withoutUnusedBlocks(`${m[1]}\n`);
  return readGenerated(`---\n${fm}---\n${text.slice(m[0].length)}`);
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
  const ctx = preset ?? loadSiteContext(input, eleventyConfig.pathPrefix);
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
    render: (data: Record<string, unknown> & { content: string }) => {
      const html = articlePage(ctxOf(data), { ...(data as unknown as Article), date: isoDay(data.date) }, data.content);
      onRendered?.();
      return html;
    },
  });

  const articlesDir = join(input, 'articles');
  const ids = plan ?? articleFiles(articlesDir).map((f) => f.replace(/\.md$/, ''));
  for (const articleId of ids) {
    const file = join(articlesDir, `${articleId}.md`);
    if (relative(articlesDir, file).startsWith('..')) continue;
    const { data, body } = readArticlePage(readFileSync(file, 'utf8'));
    eleventyConfig.addTemplate(`_articles/${articleId}.md`, body, data);
  }
}
