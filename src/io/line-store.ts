// A file of keyed lines remembered between runs (.dateline/parts.ndjson, .dateline/fragments.ndjson): a header line
// naming the code that wrote it, then one line per key. Lines are kept as read (text, parsed only by their user);
// `save` writes the lines asked for in this run, in the order asked, unless the file already holds exactly them.
import { readFileSync } from 'node:fs';
import { writeAtomic } from './atomic.ts';

export class LineStore {
  /** Lines read, by key. */
  private readonly old = new Map<string, string>();
  /** The keys in the order of the file read, to tell whether anything changed. */
  private readonly oldKeys: string[] = [];
  /** This run's lines, in the order asked. */
  private readonly lines: string[] = [];
  private readonly keys: string[] = [];
  /** Whether any line was made in this run. */
  private made = false;

  private constructor(
    private readonly path: string,
    private readonly header: string,
    private readonly valid: boolean,
  ) {}

  /**
   * The store at `path`: empty when missing or when its first line is not `header` (other code wrote it). `keyOf`
   * gives a line's key, or undefined for a line not of the expected form (skipped).
   */
  static read(path: string, header: string, keyOf: (line: string) => string | undefined): LineStore {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return new LineStore(path, header, false);
    }
    const end = text.indexOf('\n');
    if ((end < 0 ? text : text.slice(0, end)) !== header) return new LineStore(path, header, false);
    const store = new LineStore(path, header, true);
    for (let at = end + 1; at > 0 && at < text.length; ) {
      let next = text.indexOf('\n', at);
      if (next < 0) next = text.length;
      const line = text.slice(at, next);
      at = next + 1;
      const key = keyOf(line);
      if (key) {
        store.old.set(key, line);
        store.oldKeys.push(key);
      }
    }
    return store;
  }

  /** The line read for `key`, if any (not yet kept: see keep). */
  lineOf(key: string): string | undefined {
    return this.old.get(key);
  }

  /** Keep a line read, unchanged, for `save`. */
  keep(key: string, line: string): void {
    this.keys.push(key);
    this.lines.push(line);
  }

  /** A line made in this run, for `save`. */
  add(key: string, line: string): void {
    this.made = true;
    this.keys.push(key);
    this.lines.push(line);
  }

  async save(): Promise<void> {
    if (this.valid && !this.made && this.keys.length === this.oldKeys.length && this.keys.every((k, i) => k === this.oldKeys[i])) return;
    await writeAtomic(this.path, `${this.header}\n${this.lines.join('\n')}\n`);
  }
}
