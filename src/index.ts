// dateline's public API.
export { ingestDir, buildOne, type IngestOptions, type IngestResult, type Rejection } from './io/ingest-dir.ts';
export { build, type BuildOptions, type BuildResult } from './build.ts';
export { renderSite, indexSearchOnly } from './site/build-site.ts';
export { serve } from './serve.ts';
export { createWarmState, closeWarmState, type WarmState } from './io/warm.ts';
export { collectGarbage } from './io/heap.ts';
export { buildArticle } from './ingest/article.ts';
export { extractEntities, EXTRACTOR_VERSION } from './ner/index.ts';
export { parseCuration } from './curation/curation.ts';
export { canonicalizeArchive } from './curation/apply.ts';
export { articleToMarkdown } from './markdown/serialize.ts';
export { slugify } from './slug.ts';
export type * from './types.ts';
