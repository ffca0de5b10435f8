// Each article's per-article parts (src/analysis/parts.ts), remembered between runs in `.dateline/parts.ndjson`:
// a header line with the version of the code that made them, then one line per article, `{"k":key,"p":parts}`,
// where the key is the article's key (equal keys for equal canonical articles: see articleKey in ingest-dir.ts). A
// line is only ever reused for an article with the same key, so a remembered part is always the part of an identical
// article made by identical code.
import { readFileSync } from 'node:fs';
import type { ArticleParts } from '../analysis/parts.ts';
import { writeAtomic } from './atomic.ts';

const PREFIX = '{"k":"';

export class PartsStore {
  /** Lines by key, as read (parsed only when asked for). */
  private readonly old = new Map<string, string>();
  /** The keys in the order of the file read, to tell whether anything changed. */
  private readonly oldKeys: string[] = [];
  /** This run's lines, in article order. */
  private readonly lines: string[] = [];
  private readonly keys: string[] = [];
  /** Whether any line was made in this run. */
  private made = false;

  private constructor(
    private readonly path: string,
    private readonly version: string,
    private readonly valid: boolean,
  ) {}

  /** The store at `path`; empty when missing, damaged or written by other code. Damaged lines are skipped. */
  static read(path: string, version: string): PartsStore {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return new PartsStore(path, version, false);
    }
    const end = text.indexOf('\n');
    const header = end < 0 ? text : text.slice(0, end);
    if (header !== PartsStore.header(version)) return new PartsStore(path, version, false);
    const store = new PartsStore(path, version, true);
    for (let at = end + 1; at > 0 && at < text.length; ) {
      let next = text.indexOf('\n', at);
      if (next < 0) next = text.length;
      const line = text.slice(at, next);
      at = next + 1;
      // The key is read off the line's fixed start; the rest is parsed only when used.
      const key = line.startsWith(PREFIX) ? line.slice(PREFIX.length, line.indexOf('"', PREFIX.length)) : '';
      if (key && line.endsWith('}')) {
        store.old.set(key, line);
        store.oldKeys.push(key);
      }
    }
    return store;
  }

  private static header(version: string): string {
    return JSON.stringify({ parts: version });
  }

  /**
   * The parts of the article with this key: remembered, else made by `make`. Either way they are kept for `save`,
   * in the order asked.
   */
  get(key: string, make: () => ArticleParts): ArticleParts {
    const line = this.old.get(key);
    if (line !== undefined) {
      try {
        const parts = (JSON.parse(line) as { p: ArticleParts }).p;
        if (parts && typeof parts === 'object' && parts.index && Array.isArray(parts.bio) && Array.isArray(parts.timeline)) {
          this.keys.push(key);
          this.lines.push(line);
          return parts;
        }
      } catch {
        // a damaged line: made again
      }
    }
    const parts = make();
    this.made = true;
    this.keys.push(key);
    this.lines.push(`${PREFIX}${key}","p":${JSON.stringify(parts)}}`);
    return parts;
  }

  /** Write the parts asked for in this run (and only those), unless the file already holds exactly them. */
  async save(): Promise<void> {
    if (this.valid && !this.made && this.keys.length === this.oldKeys.length && this.keys.every((k, i) => k === this.oldKeys[i])) return;
    await writeAtomic(this.path, `${PartsStore.header(this.version)}\n${this.lines.join('\n')}\n`);
  }
}
