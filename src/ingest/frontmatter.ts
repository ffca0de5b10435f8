// The optional YAML frontmatter block of a raw article.
import { parseDocument, isMap } from 'yaml';

export interface RawFrontmatter {
  data: Record<string, unknown>;
  /** Text after the block. */
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
}

export class FrontmatterError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/**
 * Split `---` YAML frontmatter from the text. Throws FrontmatterError (with a file line) when it is not valid YAML.
 * @example splitFrontmatter('---\ntitle: A\n---\nBody').data.title //=> 'A'
 */
export function splitFrontmatter(text: string): RawFrontmatter {
  const m = /^---[ \t]*\n([\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m) {
    if (/^---[ \t]*\n/.test(text)) throw new FrontmatterError('frontmatter block opened with --- is never closed', 1);
    return { data: {}, body: text, bodyLine: 1 };
  }
  const yamlText = m[1] ?? '';
  const doc = parseDocument(yamlText, { uniqueKeys: true, prettyErrors: false, version: '1.2' });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    // Line in the file: the YAML's own line, plus one for the opening `---`.
    const line = yamlText.slice(0, e.pos[0]).replace(/\n$/, '').split('\n').length + 1;
    throw new FrontmatterError(`invalid YAML frontmatter: ${e.message.split('\n')[0]}`, line);
  }
  const value = doc.contents == null ? {} : doc.toJS({ maxAliasCount: 50 });
  if (doc.contents != null && !isMap(doc.contents)) {
    throw new FrontmatterError('frontmatter must be a mapping of keys to values', 2);
  }
  const bodyLine = text.slice(0, m[0].length).split('\n').length - (m[0].endsWith('\n') ? 1 : 0);
  return { data: value as Record<string, unknown>, body: text.slice(m[0].length), bodyLine: bodyLine + 1 };
}
