// Each article's per-article parts (src/analysis/parts.ts), remembered between runs in `.dateline/parts.ndjson`:
// a header line with the version of the code that made them, then one line per article, `{"k":key,"p":parts}`,
// where the key is the article's key (equal keys for equal canonical articles: see articleKey in ingest-dir.ts). A
// line is only ever reused for an article with the same key, so a remembered part is always the part of an identical
// article made by identical code.
import type { ArticleParts } from '../analysis/parts.ts';
import { LineStore } from './line-store.ts';

const PREFIX = '{"k":"';

export class PartsStore {
  private constructor(private readonly lines: LineStore) {}

  /** The store at `path`; empty when missing, damaged or written by other code. Damaged lines are skipped. */
  static read(path: string, version: string): PartsStore {
    // The key is read off the line's fixed start; the rest is parsed only when used.
    const keyOf = (line: string) => (line.startsWith(PREFIX) && line.endsWith('}') ? line.slice(PREFIX.length, line.indexOf('"', PREFIX.length)) || undefined : undefined);
    return new PartsStore(LineStore.read(path, JSON.stringify({ parts: version }), keyOf));
  }

  /**
   * The parts of the article with this key: remembered, else `made` (their JSON text, when already made), else made
   * by `make`. Either way they are kept for `save`, in the order asked.
   */
  get(key: string, make: () => ArticleParts, made?: string): ArticleParts {
    const parts = this.remembered(key);
    if (parts) {
      this.lines.keep(key, this.lines.lineOf(key)!);
      return parts;
    }
    if (made !== undefined) {
      try {
        const p = JSON.parse(made) as ArticleParts;
        this.lines.add(key, `${PREFIX}${key}","p":${made}}`);
        return p;
      } catch {
        // not JSON: made again below
      }
    }
    const fresh = make();
    this.lines.add(key, `${PREFIX}${key}","p":${JSON.stringify(fresh)}}`);
    return fresh;
  }

  /** The remembered parts of the article with this key, if any (not kept for `save`: see get and retain). */
  remembered(key: string): ArticleParts | undefined {
    const line = this.lines.lineOf(key);
    if (line === undefined) return undefined;
    try {
      const parts = (JSON.parse(line) as { p: ArticleParts }).p;
      if (parts && typeof parts === 'object' && parts.index && Array.isArray(parts.bio) && Array.isArray(parts.timeline)) return parts;
    } catch {
      // a damaged line: made again
    }
    return undefined;
  }

  /** Keep the remembered line of this key for `save`, unread; false when there is none. */
  retain(key: string): boolean {
    const line = this.lines.lineOf(key);
    if (line === undefined) return false;
    this.lines.keep(key, line);
    return true;
  }

  /** Write the parts asked for in this run (and only those), unless the file already holds exactly them. */
  save(): Promise<void> {
    return this.lines.save();
  }
}
