// Mention-over-time chart: an inline SVG bar chart made at build time, with a title and a text description.
import { esc } from '../src/site/html.ts';
import { readableDate } from '../src/site/dates.ts';

export interface Bucket {
  /** `YYYY-MM` or `YYYY` */
  key: string;
  count: number;
}

/** Months (or years, for spans over four years) from the first to the last, with zero for empty ones. */
export function buckets(timeline: Array<[string, number]>): Bucket[] {
  if (!timeline.length) return [];
  const first = timeline[0][0];
  const last = timeline[timeline.length - 1][0];
  const monthIndex = (k: string) => Number(k.slice(0, 4)) * 12 + Number(k.slice(5, 7)) - 1;
  const span = monthIndex(last) - monthIndex(first) + 1;
  if (span <= 48) {
    const counts = new Map(timeline);
    return Array.from({ length: span }, (_, i) => {
      const m = monthIndex(first) + i;
      const key = `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`;
      return { key, count: counts.get(key) ?? 0 };
    });
  }
  const years = new Map<string, number>();
  for (const [k, n] of timeline) years.set(k.slice(0, 4), (years.get(k.slice(0, 4)) ?? 0) + n);
  const y0 = Number(first.slice(0, 4));
  const y1 = Number(last.slice(0, 4));
  return Array.from({ length: y1 - y0 + 1 }, (_, i) => ({ key: String(y0 + i), count: years.get(String(y0 + i)) ?? 0 }));
}

const W = 600;
const H = 90;
const AXIS = 18;

/**
 * @example mentionChart('Lavrov', [['2025-02', 1]]) //=> '<figure class="chart">…<svg role="img" …>'
 */
export function mentionChart(name: string, timeline: Array<[string, number]>): string {
  const bs = buckets(timeline);
  if (!bs.length) return '';
  const unit = bs[0].key.length === 4 ? 'year' : 'month';
  const max = Math.max(...bs.map((b) => b.count));
  const peak = bs.find((b) => b.count === max)!;
  const step = W / bs.length;
  const bw = Math.max(1, Math.min(step * 0.8, 28));
  const label = (k: string) => (k.length === 4 ? k : readableDate(k));
  const total = bs.reduce((n, b) => n + b.count, 0);
  const bars = bs
    .map((b, i) => {
      const h = b.count ? Math.max(2, ((H - AXIS - 4) * b.count) / max) : 0;
      const x = (i * step + (step - bw) / 2).toFixed(1);
      return b.count
        ? `<rect x="${x}" y="${(H - AXIS - h).toFixed(1)}" width="${bw.toFixed(1)}" height="${h.toFixed(1)}"><title>${esc(label(b.key))}: ${b.count} article${b.count === 1 ? '' : 's'}</title></rect>`
        : '';
    })
    .join('');
  const desc = `${total} dated article${total === 1 ? '' : 's'} mentioning ${name}, per ${unit}, from ${label(bs[0].key)} to ${label(bs[bs.length - 1].key)}. Most in ${label(peak.key)}: ${max}.`;
  return `<figure class="chart">
<svg role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" width="100%" height="${H}">
<title id="chart-title">Mentions of ${esc(name)} over time</title>
<desc id="chart-desc">${esc(desc)}</desc>
<line class="axis" x1="0" y1="${H - AXIS}" x2="${W}" y2="${H - AXIS}"/>
<g class="bars">${bars}</g>
</svg>
<figcaption><span>${esc(label(bs[0].key))}</span> <span>Articles per ${unit}, most ${max}</span> <span>${esc(label(bs[bs.length - 1].key))}</span></figcaption>
</figure>`;
}
