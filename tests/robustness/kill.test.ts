// A build killed with SIGKILL (during ingest, during render, while publishing) leaves no half-written file,
// and the next build completes and equals a clean build byte for byte.
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { access, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, tempDir, writeFiles } from '../helpers.ts';
import { hashTree } from './tree.ts';

const exists = (p: string) => access(p).then(() => true, () => false);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function articles(n: number): Record<string, string> {
  const people = ['Jane Doe', 'John Smith', 'Maria Garcia', 'Li Wei', 'Ahmed Khan', 'Olga Ivanova', 'Recep Tayyip Erdoğan'];
  const places = ['London', 'Paris', 'Istanbul', 'Berlin', 'Madrid', 'Tokyo'];
  const out: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const p = people[i % people.length];
    const q = people[(i * 3 + 1) % people.length];
    const paras = Array.from({ length: 6 }, (_, j) => `${q} said on Tuesday that talks ${j} with ${p} in ${places[(i + j) % places.length]} would continue.`);
    out[`a${String(i).padStart(3, '0')}.txt`] =
      `---\ndate: 2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}\n---\n${places[i % places.length].toUpperCase()} - ${p} met officials. Report ${i}.\n\n${paras.join('\n\n')}\n`;
  }
  return out;
}

function spawnBuild(raw: string, site: string): { child: ChildProcess; done: Promise<number | null> } {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'dateline.js'), 'build', raw, '--out', site], { cwd: ROOT, stdio: 'ignore' });
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, done };
}

/** Kill the build with SIGKILL once `when()` holds (polled), plus `after` ms. Returns whether it was still running. */
async function killWhen(raw: string, site: string, when: () => Promise<boolean>, after: number): Promise<boolean> {
  const { child, done } = spawnBuild(raw, site);
  let exited = false;
  void done.then(() => (exited = true));
  const deadline = Date.now() + 60_000;
  while (!exited && Date.now() < deadline && !(await when())) await sleep(5);
  if (after) await sleep(after);
  const running = !exited;
  child.kill('SIGKILL');
  await done;
  return running;
}

/** Every ordinary file present must be exactly the clean build's file: nothing half-written. */
async function checkNoPartialFiles(dir: string, ref: Record<string, string>): Promise<number> {
  const now = await hashTree(dir);
  let checked = 0;
  for (const [rel, hash] of Object.entries(now)) {
    if (rel.split('/').some((p) => p.startsWith('.'))) continue; // state, staging and temporary files: cleared by the next run
    expect(ref[rel], `${rel} is not a file the clean build writes`).toBeDefined();
    expect(hash, `${rel} differs from the clean build (half-written?)`).toBe(ref[rel]);
    checked++;
  }
  return checked;
}

describe('a build killed halfway', () => {
  it('leaves no half-written file, and the next build equals a clean one', async () => {
    const tmp = await tempDir('dateline-kill-');
    const raw = join(tmp.path, 'raw');
    await writeFiles(raw, articles(300));
    // Reference: a clean, uninterrupted build.
    const refRun = spawnBuild(raw, join(tmp.path, 'ref', 'site'));
    expect(await refRun.done).toBe(0);
    const refSite = await hashTree(join(tmp.path, 'ref', 'site'));
    const refMd = await hashTree(join(tmp.path, 'ref', '_markdown'));

    const site = join(tmp.path, 'work', 'site');
    const md = join(tmp.path, 'work', '_markdown');
    const lock = join(md, '.dateline', 'lock');
    const staging = join(site, '.dateline-staging');
    const phases: string[] = [];
    // 1. During ingest: the lock is held, nothing rendered yet.
    if (await killWhen(raw, site, () => exists(lock), 300)) phases.push((await exists(staging)) ? 'render' : 'ingest');
    await checkNoPartialFiles(md, refMd);
    // 2. During render: Eleventy is writing into the staging folder.
    if (await killWhen(raw, site, () => exists(join(staging, 'index.html')), 100)) phases.push('render');
    await checkNoPartialFiles(md, refMd);
    await checkNoPartialFiles(site, refSite);
    // 3. While publishing: the site manifest is being rewritten, pages are moving into place.
    const manifest = join(site, '.dateline-site.json');
    const start = Date.now();
    if (await killWhen(raw, site, async () => (await stat(manifest).then((s) => s.mtimeMs, () => 0)) > start, 0)) phases.push('publish');
    await checkNoPartialFiles(site, refSite);
    console.log(`killed during: ${phases.join(', ')}`);
    expect(phases.length).toBeGreaterThanOrEqual(2);

    // The next build completes and is correct.
    const final = spawnBuild(raw, site);
    expect(await final.done).toBe(0);
    expect(await hashTree(site)).toEqual(refSite);
    const mdNow = await hashTree(md);
    for (const [rel, h] of Object.entries(refMd)) if (rel.startsWith('articles/')) expect(mdNow[rel], rel).toBe(h);
    expect(Object.keys(mdNow).filter((f) => f.startsWith('articles/'))).toEqual(Object.keys(refMd).filter((f) => f.startsWith('articles/')));
    expect(await exists(lock)).toBe(false);
    expect(await exists(staging)).toBe(false);
    expect(await exists(join(site, '.dateline-lock'))).toBe(false);
    const all = await readdir(tmp.path, { recursive: true });
    expect(all.filter((f) => String(f).endsWith('.tmp'))).toEqual([]);
    expect(Object.keys(JSON.parse(await readFile(manifest, 'utf8')).files).length).toBe(Object.keys(refSite).length - 1);

    // A build killed while writing the list of files it is about to move leaves that list's temporary file and no
    // list (the timing the kills above hit only now and then): the next build removes it too.
    await writeFile(join(site, '..dateline-pending.json.0a1b2c3d.dateline.tmp'), '["index.ht');
    const again = spawnBuild(raw, site);
    expect(await again.done).toBe(0);
    expect(await hashTree(site)).toEqual(refSite);
    await tmp.cleanup();
  }, 240_000);
});
