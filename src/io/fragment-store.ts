// Pieces of the site data's JSON text remembered between runs, in `.dateline/fragments.ndjson`: a header line with
// the version of the code that made them, then `{"k":key,"j":json}` per piece, where the key is a hash of everything
// the piece is made from (see timelineGroupsJson). A piece is read back as text, never parsed; the file keeps the
// pieces asked for in the last run.
import { readFileSync } from 'node:fs';
import type { JsonMemo } from '../analysis/timeline.ts';
import { writeAtomic } from './atomic.ts';

const PREFIX = '{"k":"';
/** `{"k":"<40 hex>","j":` */
const HEAD = PREFIX.length + 40 + '","j":'.length;

export class FragmentStore implements JsonMemo {
  private readonly old = new Map<string, string>();
  private readonly oldKeys: string[] = [];
  private readonly keys: string[] = [];
  private readonly lines: string[] = [];
  private made = false;

  private constructor(
    private readonly path: string,
    private readonly version: string,
    private readonly valid: boolean,
  ) {}

  /** The store at `path`; empty when missing or written by other code; lines not of the expected form are skipped. */
  static read(path: string, version: string): FragmentStore {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return new FragmentStore(path, version, false);
    }
    const lines = text.split('\n');
    if (lines[0] !== FragmentStore.header(version)) return new FragmentStore(path, version, false);
    const store = new FragmentStore(path, version, true);
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      if (!line.startsWith(PREFIX) || line.length <= HEAD || !line.endsWith('}') || line.slice(PREFIX.length + 40, HEAD) !== '","j":') continue;
      const key = line.slice(PREFIX.length, PREFIX.length + 40);
      store.old.set(key, line);
      store.oldKeys.push(key);
    }
    return store;
  }

  private static header(version: string): string {
    return JSON.stringify({ fragments: version });
  }

  get(key: string): string | undefined {
    const line = this.old.get(key);
    if (line === undefined) return undefined;
    this.keys.push(key);
    this.lines.push(line);
    return line.slice(HEAD, -1);
  }

  set(key: string, json: string): void {
    if (!/^[0-9a-f]{40}$/.test(key)) throw new Error(`fragment key must be 40 hex digits: ${key}`);
    this.made = true;
    this.keys.push(key);
    this.lines.push(`${PREFIX}${key}","j":${json}}`);
  }

  /** Keep the pieces asked for in this run (and only those), unless the file already holds exactly them. */
  async save(): Promise<void> {
    if (this.valid && !this.made && this.keys.length === this.oldKeys.length && this.keys.every((k, i) => k === this.oldKeys[i])) return;
    await writeAtomic(this.path, `${FragmentStore.header(this.version)}\n${this.lines.join('\n')}\n`);
  }
}
