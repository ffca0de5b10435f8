// One raw file's bytes → its built article or the reason it was rejected (decode and build; never throws for bad input).
import { decodeArticle } from './decode.ts';
import { buildArticle, type BuiltArticle } from '../ingest/article.ts';
import { InputError } from '../types.ts';

export interface Rejection {
  file: string;
  line?: number;
  reason: string;
}

/** Decode and build one raw article; never throws for bad input. */
export function buildOne(source: string, bytes: Uint8Array): { built?: BuiltArticle; error?: Rejection } {
  const decoded = decodeArticle(bytes);
  if (decoded.error || decoded.text === undefined) return { error: { file: source, reason: decoded.error ?? 'unreadable' } };
  try {
    const built = buildArticle(source, decoded.text);
    built.warnings.unshift(...decoded.warnings.map((message) => ({ file: source, message })));
    return { built };
  } catch (e) {
    if (e instanceof InputError) return { error: { file: source, line: e.line, reason: e.reason } };
    return { error: { file: source, reason: `internal error: ${(e as Error).message}` } };
  }
}
