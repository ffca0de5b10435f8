// `build`: ingest raw articles, then render the site. The library entry point the CLI calls.
import { join, resolve } from 'node:path';
import { ingestDir, type IngestOptions, type IngestResult } from './io/ingest-dir.ts';
import { renderSite, type RenderOptions, type RenderResult } from './site/build-site.ts';

export interface BuildOptions extends IngestOptions, RenderOptions {
  /** Where generated markdown goes; default `_markdown` beside the site folder. */
  markdownDir?: string;
}

export interface BuildResult {
  ingest: IngestResult;
  render: RenderResult;
  markdownDir: string;
}

export function defaultMarkdownDir(siteDir: string): string {
  return join(resolve(siteDir), '..', '_markdown');
}

export async function build(rawDir: string, siteDir: string, opts: BuildOptions = {}): Promise<BuildResult> {
  const markdownDir = opts.markdownDir ?? defaultMarkdownDir(siteDir);
  const ingest = await ingestDir(rawDir, markdownDir, opts);
  const render = await renderSite(markdownDir, siteDir, opts);
  return { ingest, render, markdownDir };
}
