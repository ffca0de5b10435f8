// Hashes of a whole folder, for byte-identical comparisons.
import { readFile, readdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** sha256 of every file under `dir` (dot-files included), by relative path. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rel of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const full = join(rel.parentPath, rel.name);
    out[full.slice(dir.length + 1)] = createHash('sha256').update(await readFile(full)).digest('hex');
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

