// Raw article files under a folder.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export const RAW_EXTENSIONS = ['.txt', '.md', '.markdown'];
export const CURATION_FILES = ['curation.yaml', 'curation.yml'];

/** Raw article paths under `root`, relative with forward slashes, sorted. Skips dot-folders and the curation file. */
export async function listRawFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && RAW_EXTENSIONS.some((x) => e.name.toLowerCase().endsWith(x)) && !e.name.endsWith('.tmp')) {
        out.push(relative(root, p).split(sep).join('/'));
      }
    }
  }
  await walk(root);
  return out.sort();
}
