// Making the folders of many files written into one fresh folder tree (a build's staging folder).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A function that makes the folder `rel` (relative, forward slashes) under `root`, which must exist. Each folder
 * is made once, by one non-recursive mkdir after its parent: tens of thousands of page folders cost one system
 * call each, not a recursive walk from the root each. A folder that exists already is fine.
 */
export function folderMaker(root: string): (rel: string) => void {
  const made = new Set<string>();
  const make = (rel: string): void => {
    if (made.has(rel)) return;
    const slash = rel.lastIndexOf('/');
    if (slash > 0) make(rel.slice(0, slash));
    try {
      mkdirSync(join(root, rel));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    made.add(rel);
  };
  return make;
}
