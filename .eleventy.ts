// Eleventy configuration: a switchboard over the dateline article plugin in src/site.
// Input is the folder of generated markdown (`dateline ingest`); Eleventy renders its articles. The rest of
// the site (indexes, entity pages, archives, feeds, search) is rendered from the archive index by
// src/site/build-site.ts, which runs Eleventy through its API; `dateline build` does both.
// Eleventy alone: `tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts --input=_markdown`.
import datelineArticles from './src/site/article-plugin.ts';

export default function (eleventyConfig: { addPlugin(p: unknown): void }) {
  eleventyConfig.addPlugin(datelineArticles);
}

export const config = {
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
  templateFormats: ['md'],
};
