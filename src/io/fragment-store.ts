// Pieces of the site data's JSON text remembered between runs, in `.dateline/fragments.ndjson`: a header line with
// the version of the code that made them, then `{"k":key,"j":json}` per piece, where the key is a hash of everything
// the piece is made from (see timelineGroupsJson). A piece is read back as text, never parsed; the file keeps the
// pieces asked for in the last run.
import type { JsonMemo } from '../analysis/timeline.ts';
import { LineStore } from './line-store.ts';

const PREFIX = '{"k":"';
/** `{"k":"<40 hex>","j":` */
const HEAD = PREFIX.length + 40 + '","j":'.length;

export class FragmentStore implements JsonMemo {
  private constructor(private readonly lines: LineStore) {}

  /** The store at `path`; empty when missing or written by other code; lines not of the expected form are skipped. */
  static read(path: string, version: string): FragmentStore {
    const keyOf = (line: string) =>
      line.startsWith(PREFIX) && line.length > HEAD && line.endsWith('}') && line.slice(PREFIX.length + 40, HEAD) === '","j":' ? line.slice(PREFIX.length, PREFIX.length + 40) : undefined;
    return new FragmentStore(LineStore.read(path, JSON.stringify({ fragments: version }), keyOf));
  }

  get(key: string): string | undefined {
    const line = this.lines.lineOf(key);
    if (line === undefined) return undefined;
    this.lines.keep(key, line);
    return line.slice(HEAD, -1);
  }

  set(key: string, json: string): void {
    if (!/^[0-9a-f]{40}$/.test(key)) throw new Error(`fragment key must be 40 hex digits: ${key}`);
    this.lines.add(key, `${PREFIX}${key}","j":${json}}`);
  }

  /** Keep the pieces asked for in this run (and only those), unless the file already holds exactly them. */
  save(): Promise<void> {
    return this.lines.save();
  }
}
