// Eleventy configuration: a switchboard over the dateline plugin in src/site.
// Input is the folder of generated markdown (`dateline ingest`), given on the command line or by the API
// (e.g. `tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts --input=_markdown`).
// Pages and layouts come from the plugin.
import datelinePlugin from './src/site/plugin.ts';

export default function (eleventyConfig: { addPlugin(p: unknown): void }) {
  eleventyConfig.addPlugin(datelinePlugin);
}

export const config = {
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
  templateFormats: ['md', '11ty.js'],
};
