// Raw article files under a folder.
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';

export const RAW_EXTENSIONS = ['.txt', '.md', '.markdown'];
export const CURATION_FILES = ['curation.yaml', 'curation.yml'];

export interface WalkOptions {
  /** Absolute folders never to enter (the tool's own output folders when they sit inside the raw folder). */
  exclude?: string[];
  /** Receives a note for each raw-looking entry that is skipped (symbolic links, unreadable folders). */
  onSkip?: (file: string, reason: string) => void;
}

/**
 * Raw article paths under `root`, relative with forward slashes, sorted. Skips dot-files and dot-folders,
 * `node_modules`, excluded folders and the tool's own output folders (those holding `.dateline/`).
 * Symbolic links are not followed (a link could point anywhere on the machine); each is reported through `onSkip`.
 */
export async function listRawFiles(root: string, opts: WalkOptions = {}): Promise<string[]> {
  const out: string[] = [];
  const exclude = new Set((opts.exclude ?? []).map((d) => resolve(d)));
  const rel = (p: string) => relative(root, p).split(sep).join('/');
  async function walk(dir: string, top: boolean): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      if (top) throw e;
      opts.onSkip?.(rel(dir), `folder not readable (${(e as NodeJS.ErrnoException).code ?? 'error'}); its articles are skipped`);
      return;
    }
    if (!top && entries.some((e) => e.name === '.dateline' && e.isDirectory())) return; // generated markdown folder
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      const isRaw = RAW_EXTENSIONS.some((x) => e.name.toLowerCase().endsWith(x));
      if (e.isDirectory()) {
        if (!exclude.has(resolve(p))) await walk(p, false);
      } else if (e.isFile() && isRaw) {
        out.push(rel(p));
      } else if (e.isSymbolicLink() && (isRaw || (await stat(p).then((s) => s.isDirectory(), () => false)))) {
        opts.onSkip?.(rel(p), 'symbolic link not followed: copy the file into the raw folder instead');
      }
    }
  }
  await walk(root, true);
  return out.sort();
}
