// The Eleventy plugin: markdown setup, article layout and every generated page.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import MarkdownIt from 'markdown-it';
import type { Article } from '../types.ts';
import { ENTITY_KINDS } from '../types.ts';
import { loadSiteContext } from './context.ts';
import { isoDay } from './dates.ts';
import { linkMentionsPlugin } from './link-mentions.ts';
import { entityUrl, KIND_PATH } from './archive-index.ts';
import { articlePage } from '../../layouts/article.ts';
import { homePage, entityIndexPage, entityPage } from '../../layouts/lists.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const ASSETS_DIR = join(here, '../../layouts/assets');

// Minimal view of Eleventy's config API that this plugin uses.
interface EleventyConfig {
  directories: { input: string };
  pathPrefix?: string;
  setLibrary(name: string, lib: unknown): void;
  addTemplate(path: string, content: unknown, data?: Record<string, unknown>): void;
  addPassthroughCopy(map: Record<string, string>): void;
  setTemplateFormats(formats: string[]): void;
  setDataFileBaseName?(name: string): void;
  ignores: { add(glob: string): void };
  setUseGitIgnore(use: boolean): void;
}

interface PageData extends Partial<Article> {
  content: string;
  entity?: unknown;
}

export default function datelinePlugin(eleventyConfig: EleventyConfig): void {
  const ctx = loadSiteContext(eleventyConfig.directories.input, eleventyConfig.pathPrefix);

  // Article text is data: no HTML passes through, no template engine ever reads it.
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.use(linkMentionsPlugin, { href: (kind: (typeof ENTITY_KINDS)[number], slug: string) => ctx.url(entityUrl(kind, slug)) });
  eleventyConfig.setLibrary('md', md);
  eleventyConfig.setTemplateFormats(['md', '11ty.js']);
  // The markdown folder is usually git-ignored output; Eleventy must still read it.
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.ignores.add('.dateline/**');
  eleventyConfig.addPassthroughCopy({ [ASSETS_DIR]: 'assets' });

  eleventyConfig.addTemplate('_includes/article.11ty.js', {
    render: (data: PageData) => articlePage(ctx, { ...(data as unknown as Article), date: isoDay(data.date) }, data.content),
  });

  eleventyConfig.addTemplate('index.11ty.js', { render: () => homePage(ctx) }, { permalink: '/index.html' });
  for (const kind of ENTITY_KINDS) {
    eleventyConfig.addTemplate(`${kind}-index.11ty.js`, { render: () => entityIndexPage(ctx, kind) }, { permalink: `/${KIND_PATH[kind]}/index.html` });
    eleventyConfig.addTemplate(
      `${kind}-pages.11ty.js`,
      {
        data: () => ({
          pagination: { data: 'entities', size: 1, alias: 'entity', addAllPagesToCollections: false },
          entities: ctx.index[kind],
          permalink: (data: { entity: { url: string } }) => `${data.entity.url}index.html`,
          eleventyExcludeFromCollections: true,
        }),
        render: (data: PageData) => entityPage(ctx, data.entity as never),
      },
    );
  }
}
