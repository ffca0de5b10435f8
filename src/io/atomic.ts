// Atomic file writes: write a temporary sibling, then rename over the target.
// A process killed at any moment leaves either the old file or the new one, never half of one; the only
// debris is a dot-named temporary file, which `removeStaleTemps` clears on the next run.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile, rm, readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Temporary files written by `writeAtomic` (and by older versions: `name.XXXXXXXX.tmp`). */
export const TEMP_FILE = /^(?:\..+\.[0-9a-f]{8}\.dateline\.tmp|.+\.[0-9a-f]{8}\.tmp)$/;

/** Write `data` to `file` atomically. Returns false (and writes nothing) when the file already holds exactly that. */
export async function writeIfChanged(file: string, data: string | Uint8Array): Promise<boolean> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
  try {
    const old = await readFile(file);
    if (old.equals(bytes)) return false;
  } catch {
    // missing: write it
  }
  await writeAtomic(file, bytes);
  return true;
}

export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  // Dot-named, so no site generator or raw-folder walk ever reads a half-written temporary file.
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.dateline.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Synchronous atomic write for many small files: `mkdir` only for folders not yet in `made`.
 * Same temporary-file naming as writeAtomic, so removeStaleTemps clears what a killed run left.
 */
export function writeAtomicSync(file: string, data: string | Uint8Array, made: Set<string>): void {
  const dir = dirname(file);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  const tmp = join(dir, `.${basename(file)}.${tempSuffix()}.dateline.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Eight hex digits, distinct for every temporary file of this process (one build per folder runs at a time). */
let tempCounter = 0;
const tempSeed = randomBytes(4).readUInt32BE(0);
function tempSuffix(): string {
  return ((tempSeed ^ tempCounter++) >>> 0).toString(16).padStart(8, '0');
}

/** Remove temporary files that a killed run left under `dir` (recursively). Returns their paths relative to `dir`. */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { recursive: true })) as string[];
  } catch {
    return [];
  }
  const stale = names.filter((n) => TEMP_FILE.test(basename(n)));
  for (const n of stale) await rm(join(dir, n), { force: true });
  return stale;
}
