// The bare baseline for `npm run bench`: the same generated markdown, a one-line layout, no other pages.
import MarkdownIt from 'markdown-it';

export default function (eleventyConfig: any) {
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.ignores.add('.dateline/**');
  eleventyConfig.setLibrary('md', new MarkdownIt({ html: false }));
  eleventyConfig.addTemplate('_includes/article.11ty.js', { render: (data: { title: string; content: string }) => `<!doctype html><title>${data.title}</title>${data.content}` });
}

export const config = { markdownTemplateEngine: false, htmlTemplateEngine: false, templateFormats: ['md'] };
