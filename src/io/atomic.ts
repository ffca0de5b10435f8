// Atomic file writes: write a temporary sibling, then rename over the target.
// A process killed at any moment leaves either the old file or the new one, never half of one; the only
// debris is a dot-named temporary file, which `removeStaleTemps` clears on the next run.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, open, readFile, rename, writeFile, rm, readdir, type FileHandle } from 'node:fs/promises';
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

/**
 * Write `data` to `file` atomically. `data` may be given in parts (an iterable of strings or bytes), written a
 * megabyte or so at a time: a large file (the extraction cache of a big archive) is then never one string in memory.
 */
export async function writeAtomic(file: string, data: string | Uint8Array | Iterable<string | Uint8Array>): Promise<void> {
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) {
    const f = await openAtomic(file);
    try {
      await f.write(data);
    } catch (e) {
      await f.abort();
      throw e;
    }
    return f.commit();
  }
  await mkdir(dirname(file), { recursive: true });
  const tmp = tempPath(file);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Parts gathered into writes of about this many characters or bytes. */
const PART_BATCH = 1 << 20;

/** A file being written atomically, in parts: nothing is in place until `commit`. */
export interface AtomicFile {
  /** Write more parts (batched as writeAtomic does). */
  write(parts: Iterable<string | Uint8Array>): Promise<void>;
  /** Put the file in place. */
  commit(): Promise<void>;
  /** Give up: remove what was written (the file stays as it was). Does nothing after `commit`. */
  abort(): Promise<void>;
}

/** Start writing `file` atomically, in parts (see AtomicFile). */
export async function openAtomic(file: string): Promise<AtomicFile> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = tempPath(file);
  const fh = await open(tmp, 'w');
  let open_ = true;
  const close = async () => {
    if (open_) {
      open_ = false;
      await fh.close();
    }
  };
  let done = false;
  const abort = async () => {
    if (done) return;
    done = true;
    await close().catch(() => undefined);
    await rm(tmp, { force: true });
  };
  return {
    write: (parts) => writeParts(fh, parts),
    async commit() {
      try {
        await close();
        await rename(tmp, file);
        done = true;
      } catch (e) {
        await abort();
        throw e;
      }
    },
    abort,
  };
}

/** A temporary sibling of `file`: dot-named, so no site generator or raw-folder walk ever reads it half-written. */
const tempPath = (file: string) => join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.dateline.tmp`);

/** Write parts to an open file, batched. */
async function writeParts(fh: FileHandle, parts: Iterable<string | Uint8Array>): Promise<void> {
  let batch: Array<string | Uint8Array> = [];
  let size = 0;
  let bytes = false;
  const flush = async () => {
    // writeFile writes the whole batch (a plain write may write part of it), from where the last one ended.
    if (batch.length) await fh.writeFile(bytes ? Buffer.concat(batch.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))) : batch.join(''));
    batch = [];
    size = 0;
    bytes = false;
  };
  for (const p of parts) {
    batch.push(p);
    size += p.length;
    if (typeof p !== 'string') bytes = true;
    if (size >= PART_BATCH) await flush();
  }
  await flush();
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

/**
 * Remove temporary files that a killed run left under `dir` (recursively, unless `recursive` is false: `dir` itself
 * only). Returns their paths relative to `dir`.
 */
export async function removeStaleTemps(dir: string, recursive = true): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { recursive })) as string[];
  } catch {
    return [];
  }
  const stale = names.filter((n) => TEMP_FILE.test(basename(n)));
  for (const n of stale) await rm(join(dir, n), { force: true });
  return stale;
}
