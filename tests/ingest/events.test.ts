import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clauseAround, extractEvents } from '../../src/ingest/events.ts';
import { analyzeLayout } from '../../src/ingest/layout.ts';

const SEED = '/work/shared/seed/000_7fc3ca4ea01601c6.txt';
const THU = '2025-02-27'; // a Thursday
const FRI = '1996-08-30'; // a Friday

/** [sentence, pubDate, expected [date, precision] list] */
const table: [string, string, [string, string][]][] = [
  ['Teams held talks on Thursday.', THU, [['2025-02-27', 'day']]],
  ['Teams held talks on Tuesday.', THU, [['2025-02-25', 'day']]],
  ['Teams held talks on Friday.', THU, [['2025-02-21', 'day']]],
  ['Teams will meet on Friday.', THU, [['2025-02-28', 'day']]],
  ['Teams will meet again on Tuesday.', THU, [['2025-03-04', 'day']]],
  ['He was likely to return on Saturday to his resort.', FRI, [['1996-08-31', 'day']]],
  ['She had an operation last Saturday.', FRI, [['1996-08-24', 'day']]],
  ['She had an operation last Friday.', FRI, [['1996-08-23', 'day']]],
  ['They meet next Monday.', FRI, [['1996-09-02', 'day']]],
  ['A phone call took place on February 12.', THU, [['2025-02-12', 'day']]],
  ['A call on February 12 and a meeting six days later.', THU, [['2025-02-12', 'day'], ['2025-02-18', 'day']]],
  ['The deal was signed on 3 March 2019.', THU, [['2019-03-03', 'day']]],
  ['The deal was signed on Dec. 30, 2024.', THU, [['2024-12-30', 'day']]],
  ['The sale closed on December 30.', '2025-01-03', [['2024-12-30', 'day']]],
  ['Rates peaked in February 1995.', FRI, [['1995-02', 'month']]],
  ['He took office last month.', THU, [['2025-01', 'month']]],
  ['He took office last month.', '2025-01-15', [['2024-12', 'month']]],
  ['Elections are due next year.', THU, [['2026', 'year']]],
  ['Last year, relations soured.', THU, [['2024', 'year']]],
  ['It was stolen in 2014.', THU, [['2014', 'year']]],
  ['Ties were cut in April.', FRI, [['1996-04', 'month']]],
  ['The vote will be held in November.', FRI, [['1996-11', 'month']]],
  ['Police said yesterday that the men fled.', THU, [['2025-02-26', 'day']]],
  ['The minister arrives tomorrow.', THU, [['2025-02-28', 'day']]],
  ['The firm was founded two years ago.', THU, [['2023', 'year']]],
  ['The attack came three days ago.', THU, [['2025-02-24', 'day']]],
  ['They met on February 20 and again the next day.', THU, [['2025-02-20', 'day'], ['2025-02-21', 'day']]],
  // junk that must not become events
  ['Talks lasted six hours.', THU, []],
  ['This week, Putin tempered expectations.', THU, []],
  ['He stole $1.5 million from a courier.', THU, []],
  ['He ran the 1500 metres in 3:30.', THU, []],
  ['Australia scored 228 for nine wickets in 50 overs.', THU, []],
  ['Officials may meet in the spring and march on.', THU, []],
  ['Shares rose 2.5 percent in 1996-97 trading.', THU, []],
];

describe('extractEvents: relative and absolute expressions', () => {
  it.each(table)('%s (%s)', (text, pub, want) => {
    expect(extractEvents([text], pub).map((e) => [e.date, e.precision])).toEqual(want);
  });

  it('resolves nothing without a publication date', () => {
    expect(extractEvents(['Talks were held on Thursday, February 12.'], undefined)).toEqual([]);
  });

  it('lets "today" date the story once, only when nothing else does', () => {
    expect(extractEvents(['Talks began today.', 'He spoke today.'], THU)).toEqual([{ date: THU, precision: 'day', text: 'Talks began today', paragraph: 0 }]);
    expect(extractEvents(['Talks began on Thursday.', 'He spoke today.'], THU).map((e) => e.text)).toEqual(['Talks began on Thursday']);
  });

  it('cuts the clause at clause boundaries', () => {
    const s = 'Teams held talks on Thursday, while Putin said contacts had inspired hope.';
    expect(clauseAround(s, s.indexOf('on Thursday'), s.indexOf(','))).toBe('Teams held talks on Thursday');
  });

  it('dedupes the same date and clause', () => {
    expect(extractEvents(['They met on Monday.', 'They met on Monday.'], THU)).toHaveLength(1);
  });
});

describe.skipIf(!existsSync(SEED))('the seed article', () => {
  const layout = analyzeLayout(readFileSync(SEED, 'utf8'), {});
  const events = extractEvents(layout.paragraphs, '2025-02-27');

  it('dates the talks, the phone call and the Saudi meeting', () => {
    expect(events).toContainEqual({
      date: '2025-02-27',
      precision: 'day',
      text: 'Russian and US teams held six hours of talks in Turkiye on Thursday to try to restore normal functioning of their embassies',
      paragraph: 0,
    });
    expect(events).toContainEqual({
      date: '2025-02-12',
      precision: 'day',
      text: 'The talks in Istanbul follow a phone call between Trump and President Vladimir Putin on February 12',
      paragraph: 3,
    });
    expect(events).toContainEqual({
      date: '2025-01',
      precision: 'month',
      text: 'his successor, President Donald Trump, has upended that policy and moved swiftly since taking office last month to open talks with Moscow',
      paragraph: 2,
    });
    expect(events).toContainEqual({ date: '2014', precision: 'year', text: 'wanted by Moscow on suspicion of stealing $1.5 million from a courier at gunpoint in 2014', paragraph: 4 });
    expect(events).toContainEqual({ date: '2025-02-18', precision: 'day', text: 'a high-level diplomatic meeting in Saudi Arabia six days later', paragraph: 3 });
  });

  it('gives the relative periods their precision and invents no days', () => {
    expect(events.map((e) => [e.date, e.precision])).toEqual([
      ['2025-02-27', 'day'],
      ['2024', 'year'],
      ['2022', 'year'],
      ['2025-01', 'month'],
      ['2025-02-12', 'day'],
      ['2025-02-18', 'day'],
      ['2014', 'year'],
    ]);
    for (const e of events) expect(e.text).not.toMatch(/^\s|\s$|[.,;]$/);
  });
});

describe('tense around a weekday', () => {
  it.each([
    ['The manager on Friday announced the team to play Liechtenstein in Saturday\'s qualifier.', FRI, '1996-08-31'],
    ['The group said it would on Monday inform the minister.', FRI, '1996-09-02'],
    ['He returned to Moscow on Tuesday.', FRI, '1996-08-27'],
    ['Officials said they will announce the result, which was delayed on Monday.', FRI, '1996-08-26'],
  ])('%s', (text, pub, want) => {
    expect(extractEvents([text], pub).map((e) => e.date)).toContain(want);
  });
});
