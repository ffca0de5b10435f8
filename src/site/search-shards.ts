// Which Pagefind index (shard) each article's search record goes to.
//
// One index per year keeps a rebuild cheap: editing an article re-indexes only its shard. A busy year (more than
// QUARTER_SPLIT articles) is split into quarters, so the shard an edit rebuilds stays a few hundred articles
// (Pagefind's time grows with the articles in an index: ~3 s for 1,000, under 1 s for 250 here), while the
// search page still merges few enough indexes (four per busy year) to start quickly.
// The plan depends only on the articles' dates, so an incremental build and a clean one make the same shards.

/** Articles a year may hold before its search index is split into quarters. */
export const QUARTER_SPLIT = 600;

/** Undated articles' shard. */
export const UNDATED_SHARD = 'undated';

/**
 * Shards and their article ids, in the order the articles are given (the archive's order, newest first), so the
 * first shard is the newest one.
 * @example searchShardPlan([{ id: 'a', date: '2024-05-01' }, { id: 'b' }]) //=> Map { '2024' => ['a'], 'undated' => ['b'] }
 */
export function searchShardPlan(articles: ReadonlyArray<{ id: string; date?: string }>, split = QUARTER_SPLIT): Map<string, string[]> {
  const perYear = new Map<string, number>();
  for (const a of articles) if (a.date) perYear.set(a.date.slice(0, 4), (perYear.get(a.date.slice(0, 4)) ?? 0) + 1);
  const plan = new Map<string, string[]>();
  for (const a of articles) {
    const shard = shardOf(a.date, perYear, split);
    const ids = plan.get(shard);
    if (ids) ids.push(a.id);
    else plan.set(shard, [a.id]);
  }
  return plan;
}

/** One article's shard: its year, or its year's quarter ("2024-q2") when the year is busy, or "undated". */
function shardOf(date: string | undefined, perYear: Map<string, number>, split: number): string {
  if (!date) return UNDATED_SHARD;
  const year = date.slice(0, 4);
  if ((perYear.get(year) ?? 0) <= split) return year;
  const month = Number(date.slice(5, 7));
  return month >= 1 && month <= 12 ? `${year}-q${Math.ceil(month / 3)}` : year;
}
