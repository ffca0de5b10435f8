// The bare baseline for `npm run bench`: the same generated markdown, a one-line layout, no other pages.
// Plain JavaScript, so the baseline pays for no TypeScript loader (the measured build runs compiled code too).
import MarkdownIt from 'markdown-it';

export default function (eleventyConfig) {
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.ignores.add('.dateline/**');
  eleventyConfig.setLibrary('md', new MarkdownIt({ html: false }));
  eleventyConfig.addTemplate('_includes/article.11ty.js', { render: (data) => `<!doctype html><title>${data.title}</title>${data.content}` });
}

export const config = { markdownTemplateEngine: false, htmlTemplateEngine: false, templateFormats: ['md'] };
