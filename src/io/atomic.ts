// Atomic file writes: write a temporary sibling, then rename over the target.
import { mkdir, readFile, rename, writeFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';

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
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
