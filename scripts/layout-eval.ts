// Layout measurement over the CoNLL-2003 dev stories: dateline date, dateline place, headline.
// Run: npx tsx scripts/layout-eval.ts [dir]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeLayout } from '../src/ingest/layout.ts';

export const DEFAULT_DIR = '/work/shared/corpus/conll2003-dev/articles';

export interface LayoutEvalResult {
  stories: number;
  /** Stories whose text has a `PLACE YYYY-MM-DD` dateline (the gold). */
  withDateline: number;
  dateFound: number;
  locationMatch: number;
  /** Of the matching locations, how many are no longer in capitals. */
  locationCased: number;
  titleMatch: number;
  misses: string[];
}

/** Gold dateline of a CoNLL story: the first `PLACE YYYY-MM-DD` among paragraphs 2–4 (a split one joined). */
function goldDateline(text: string): { place: string; date: string } | undefined {
  const paras = text.split(/\n\s*\n/).map((p) => p.trim()).slice(1, 5);
  for (let i = 0; i < paras.length; i++) {
    const joined = /^\d{4}-\d{2}-\d{2}$/.test(paras[i + 1] ?? '') ? `${paras[i]} ${paras[i + 1]}` : paras[i];
    const m = /^(.+?) (\d{4}-\d{2}-\d{2})$/.exec(joined);
    if (m && /^[A-Z][A-Z]/.test(m[1])) return { place: m[1], date: m[2] };
  }
  return undefined;
}

/**
 * Measure layout analysis over a folder of CoNLL-style stories and print the shares.
 * @example layoutEval('/work/shared/corpus/conll2003-dev/articles').dateFound
 */
export function layoutEval(dir: string = DEFAULT_DIR, print = true): LayoutEvalResult {
  const r: LayoutEvalResult = { stories: 0, withDateline: 0, dateFound: 0, locationMatch: 0, locationCased: 0, titleMatch: 0, misses: [] };
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    const text = readFileSync(join(dir, f), 'utf8');
    const lay = analyzeLayout(text, {});
    r.stories++;
    const firstLine = text.split('\n')[0].trim();
    if ((lay.titleOriginal ?? lay.title).toLowerCase() === firstLine.toLowerCase()) r.titleMatch++;
    else r.misses.push(`${f} title: ${JSON.stringify(lay.titleOriginal ?? lay.title)}`);
    const gold = goldDateline(text);
    if (!gold) continue;
    r.withDateline++;
    if (lay.datelineDate === gold.date) r.dateFound++;
    else r.misses.push(`${f} date: ${lay.datelineDate} ≠ ${gold.date}`);
    if (lay.location?.toLowerCase() === gold.place.toLowerCase()) {
      r.locationMatch++;
      if (lay.location.split(',')[0] !== gold.place.split(',')[0] || !/[A-Z]{2}/.test(gold.place)) r.locationCased++;
    } else r.misses.push(`${f} location: ${lay.location} ≠ ${gold.place}`);
  }
  if (print) {
    const pct = (n: number, d: number) => `${n}/${d} = ${d ? ((100 * n) / d).toFixed(1) : '0.0'}%`;
    console.log(`layout eval over ${dir} (${r.stories} stories)`);
    console.log(`  dateline date found:        ${pct(r.dateFound, r.withDateline)} (of stories with a dateline)`);
    console.log(`  location = dateline place:  ${pct(r.locationMatch, r.withDateline)} (case-insensitive)`);
    console.log(`  location in normal case:    ${pct(r.locationCased, r.locationMatch)} (of matching locations)`);
    console.log(`  title = first line:         ${pct(r.titleMatch, r.stories)} (titleOriginal ?? title, case-insensitive)`);
    for (const m of r.misses.slice(0, 20)) console.log(`  miss: ${m}`);
  }
  return r;
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  layoutEval(process.argv[2] ?? DEFAULT_DIR);
}
