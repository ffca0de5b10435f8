import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, isoFromParts, isValidIsoDate, monthNumber, toIsoDate, weekday } from '../../src/ingest/isodate.ts';
import { dateFromFileName, resolvePubDate } from '../../src/ingest/pubdate.ts';

describe('isodate', () => {
  it.each([
    ['2025-02-27', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2025-13-01', false],
    ['2025-2-27', false],
    ['27/02/2025', false],
  ])('isValidIsoDate(%s) = %s', (s, ok) => expect(isValidIsoDate(s)).toBe(ok));

  it.each([
    ['2025-02-12', 6, '2025-02-18'],
    ['2025-02-27', 2, '2025-03-01'],
    ['2024-02-27', 2, '2024-02-29'],
    ['2025-01-01', -1, '2024-12-31'],
    ['1996-08-30', -6, '1996-08-24'],
    ['2025-02-27', 365, '2026-02-27'],
  ])('addDays(%s, %i) = %s', (a, n, b) => {
    expect(addDays(a, n)).toBe(b);
    expect(daysBetween(a, b)).toBe(n);
  });

  it.each([
    ['2025-02-27', 4],
    ['1996-08-30', 5],
    ['1970-01-01', 4],
    ['2000-01-01', 6],
    ['1969-12-31', 3],
  ])('weekday(%s) = %i', (d, w) => expect(weekday(d)).toBe(w));

  it('handles months and names', () => {
    expect(addMonths('2025-02', -1)).toBe('2025-01');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-12', 13)).toBe('2026-01');
    expect(monthNumber('Sept')).toBe(9);
    expect(monthNumber('Feb.')).toBe(2);
    expect(monthNumber('Thursday')).toBeUndefined();
    expect(isoFromParts(2025, 2, 30)).toBeUndefined();
  });

  it('normalises frontmatter dates without shifting the day', () => {
    expect(toIsoDate('2025-02-27')).toBe('2025-02-27');
    expect(toIsoDate('2025-02-27T23:30:00+02:00')).toBe('2025-02-27');
    expect(toIsoDate(new Date(Date.UTC(2025, 1, 27)))).toBe('2025-02-27'); // how YAML reads a bare date
    expect(toIsoDate('2025-02-30')).toBeUndefined();
    expect(toIsoDate('27 Feb 2025')).toBeUndefined();
    expect(toIsoDate(20250227)).toBeUndefined();
  });
});

describe('publication date', () => {
  it.each([
    ['2025-02-27', '1996-08-30', '2020-01-01-x.txt', { date: '2025-02-27', dateSource: 'frontmatter' }],
    [undefined, '1996-08-30', '2020-01-01-x.txt', { date: '1996-08-30', dateSource: 'dateline' }],
    [undefined, undefined, '2025-02-27-russia-us-embassy-talks-istanbul.txt', { date: '2025-02-27', dateSource: 'filename' }],
    [undefined, undefined, 'news/2025-02-27-talks.txt', { date: '2025-02-27', dateSource: 'filename' }],
    [undefined, undefined, '000_7fc3ca4ea01601c6.txt', {}],
    [undefined, undefined, '2025-02-30-bad.txt', {}],
    [undefined, undefined, 'report-12025-02-27.txt', {}],
  ])('resolvePubDate(%s, %s, %s)', (fm, dl, name, want) => {
    expect(resolvePubDate(fm, dl, name)).toEqual(want);
  });

  it('reads dates in file names', () => {
    expect(dateFromFileName('talks_2025-02-27.md')).toBe('2025-02-27');
    expect(dateFromFileName('talks.md')).toBeUndefined();
  });
});

describe('time zones', () => {
  // Run the same computations in child processes under far-apart zones: results must match.
  const src = resolve(import.meta.dirname, '../../src/ingest');
  const dir = mkdtempSync(join(tmpdir(), 'dateline-tz-'));
  const script = join(dir, 'probe.ts');
  writeFileSync(
    script,
    `import { extractEvents } from ${JSON.stringify(pathToFileURL(join(src, 'events.ts')).href)};
import { toIsoDate, addDays, weekday } from ${JSON.stringify(pathToFileURL(join(src, 'isodate.ts')).href)};
import { resolvePubDate } from ${JSON.stringify(pathToFileURL(join(src, 'pubdate.ts')).href)};
const events = extractEvents(['Teams met on Thursday, a week after talks on February 20. A deal was signed yesterday.', 'It began in 2014 and grew last month.'], '2025-02-27');
console.log(JSON.stringify({ tz: Intl.DateTimeFormat().resolvedOptions().timeZone, events, yaml: toIsoDate(new Date(Date.UTC(2025, 1, 27))), add: addDays('2025-03-30', 1), wd: weekday('2025-02-27'), pub: resolvePubDate(undefined, undefined, '2025-02-27-x.txt') }));`,
  );
  const run = (tz: string) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop() as string) as Record<string, unknown>;
  };
  it('gives the same calendar dates under Pacific/Kiritimati, America/Los_Angeles and UTC', () => {
    const kiri = run('Pacific/Kiritimati');
    const la = run('America/Los_Angeles');
    const utc = run('UTC');
    expect(kiri.tz).toBe('Pacific/Kiritimati');
    expect(la.tz).toBe('America/Los_Angeles');
    const { tz: _a, ...k } = kiri;
    const { tz: _b, ...l } = la;
    const { tz: _c, ...u } = utc;
    expect(k).toEqual(u);
    expect(l).toEqual(u);
    expect(u.yaml).toBe('2025-02-27');
    expect(u.add).toBe('2025-03-31');
    expect(u.wd).toBe(4);
    expect((u.events as { date: string }[]).map((e) => e.date)).toEqual(['2025-02-27', '2025-02-20', '2025-02-26', '2014', '2025-01']);
  });
});
