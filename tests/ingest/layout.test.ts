import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeLayout, splitParagraphs } from '../../src/ingest/layout.ts';
import { matchDateline, parseDateline } from '../../src/ingest/dateline.ts';
import { isAllCaps, placeCase, sentenceCase } from '../../src/ingest/casing.ts';
import { firstSentence, isHeadlineLine, leadHeadline } from '../../src/ingest/headline.ts';
import { layoutEval } from '../../scripts/layout-eval.ts';

const SEED = '/work/shared/seed/000_7fc3ca4ea01601c6.txt';
const CONLL = '/work/shared/corpus/conll2003-dev/articles';

describe('datelines', () => {
  const table: [string, { text: string; location: string; date?: string; agency?: string; rest: string }][] = [
    ['ISTANBUL - Talks began.', { text: 'ISTANBUL -', location: 'Istanbul', rest: 'Talks began.' }],
    ['Istanbul — Talks began.', { text: 'Istanbul —', location: 'Istanbul', rest: 'Talks began.' }],
    ['LONDON 1996-08-30', { text: 'LONDON 1996-08-30', location: 'London', date: '1996-08-30', rest: '' }],
    ['NEW YORK 1996-08-29', { text: 'NEW YORK 1996-08-29', location: 'New York', date: '1996-08-29', rest: '' }],
    ['SAO PAULO, Brazil 1996-08-30', { text: 'SAO PAULO, Brazil 1996-08-30', location: 'Sao Paulo, Brazil', date: '1996-08-30', rest: '' }],
    ['RIO DE JANEIRO 1996-08-30', { text: 'RIO DE JANEIRO 1996-08-30', location: 'Rio de Janeiro', date: '1996-08-30', rest: '' }],
    ['THE HAGUE 1996-08-30', { text: 'THE HAGUE 1996-08-30', location: 'The Hague', date: '1996-08-30', rest: '' }],
    ["N'DJAMENA 1996-08-30", { text: "N'DJAMENA 1996-08-30", location: "N'Djamena", date: '1996-08-30', rest: '' }],
    ['ST. LOUIS 1996-08-30', { text: 'ST. LOUIS 1996-08-30', location: 'St. Louis', date: '1996-08-30', rest: '' }],
    ['URUS-MARTAN, Russia 1996-08-31', { text: 'URUS-MARTAN, Russia 1996-08-31', location: 'Urus-Martan, Russia', date: '1996-08-31', rest: '' }],
    ['UNITED NATIONS 1996-08-30', { text: 'UNITED NATIONS 1996-08-30', location: 'United Nations', date: '1996-08-30', rest: '' }],
    ['WASHINGTON, Feb 27 (Reuters) - The Senate voted.', { text: 'WASHINGTON, Feb 27 (Reuters) -', location: 'Washington', agency: 'Reuters', rest: 'The Senate voted.' }],
    ['MOSCOW, Feb. 27, 2025 /PRNewswire/ -- Acme said.', { text: 'MOSCOW, Feb. 27, 2025 /PRNewswire/ --', location: 'Moscow', date: '2025-02-27', agency: 'PRNewswire', rest: 'Acme said.' }],
    ['PARIS (AP) — Police said.', { text: 'PARIS (AP) —', location: 'Paris', agency: 'AP', rest: 'Police said.' }],
  ];
  it.each(table)('%s', (input, want) => {
    const d = matchDateline(input);
    expect(d).toBeDefined();
    expect({ text: d!.text, location: d!.location, date: d!.date, agency: d!.agency, rest: d!.rest }).toEqual({ date: undefined, agency: undefined, ...want });
  });

  it('takes the year of a month-day dateline from a reference date only', () => {
    expect(matchDateline('WASHINGTON, Feb 27 (Reuters) - X.')?.date).toBeUndefined();
    expect(matchDateline('WASHINGTON, Feb 27 (Reuters) - X.', '2025-03-01')?.date).toBe('2025-02-27');
    expect(matchDateline('WASHINGTON, Dec 30 (Reuters) - X.', '2026-01-02')?.date).toBe('2025-12-30');
  });

  const notDatelines = [
    'Putin - the former spy - said talks would go on.',
    'NATO said it was monitoring the situation.',
    'SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN.',
    'PRESS DIGEST - Tunisia - Aug 31.',
    'Results of South Korean pro-soccer games played on Thursday.',
    'AMERICAN LEAGUE',
    'The talks - which lasted six hours - ended.',
  ];
  it.each(notDatelines)('is not a dateline: %s', (s) => {
    expect(matchDateline(s)).toBeUndefined();
  });

  it('reads a byline before the dateline and a dateline split over two paragraphs', () => {
    expect(parseDateline(['Mark Bendeich', 'SYDNEY 1996-08-30', 'Talks.'])).toMatchObject({ byline: 'Mark Bendeich', location: 'Sydney', date: '1996-08-30', paragraphs: ['Talks.'] });
    expect(parseDateline(['By Jane Smith', 'LONDON - Talks began.'])).toMatchObject({ byline: 'Jane Smith', location: 'London', paragraphs: ['Talks began.'] });
    expect(parseDateline(['FARMINGTON HILLS, Mich.', '1996-08-30', 'Shares rose.'])).toMatchObject({ location: 'Farmington Hills, Mich.', date: '1996-08-30', paragraphs: ['Shares rose.'] });
  });
});

describe('casing', () => {
  it.each([
    ['NEW YORK', 'New York'],
    ['RIO DE JANEIRO', 'Rio de Janeiro'],
    ['PANAMA CITY', 'Panama City'],
    ['KHASAVYURT, Russia', 'Khasavyurt, Russia'],
    ['ROCHESTER, N.H.', 'Rochester, N.H.'],
    ['AL-RAM, West Bank', 'Al-Ram, West Bank'],
    ['London', 'London'],
  ])('placeCase(%s) = %s', (a, b) => expect(placeCase(a)).toBe(b));

  it.each([
    ['JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT', '', 'Japan get lucky win, China in surprise defeat'],
    ['SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN.', 'The world\'s costliest footballer Alan Shearer was named as the new England captain.', 'Soccer - Shearer named as England captain.'],
    ['TENNIS - FRIDAY\'S RESULTS FROM THE U.S. OPEN.', 'Results from the U.S. Open on Friday.', 'Tennis - Friday\'s results from the U.S. Open.'],
    ['BOXING - PANAMA\'S ROBERTO DURAN FIGHTS THE SANDS OF TIME', 'Panamanian boxing legend Roberto Duran climbs into the ring.', 'Boxing - Panama\'s Roberto Duran fights the sands of time'],
    ['ROMANIA BEAT LITHUANIA IN UNDER-21 MATCH', 'Romania beat Lithuania in their European under-21 match.', 'Romania beat Lithuania in under-21 match'],
    ['MCCARTHY NAMES TEAM', 'Irish manager Mick McCarthy on Friday named the team.', 'McCarthy names team'],
    ['NFL QUARTERBACK RETIRES', '', 'NFL quarterback retires'],
    ['ROMANIA BEAT LITHUANIA IN U-21 QUALIFIER', '', 'Romania beat Lithuania in U-21 qualifier'],
    ['COMELF H1 PROFIT RISE BELOW TARGET', 'Romanian engineer Comelf said profit rose.', 'Comelf H1 profit rise below target'],
  ])('sentenceCase(%s)', (h, body, want) => expect(sentenceCase(h, body)).toBe(want));

  it('knows capitals', () => {
    expect(isAllCaps('JAPAN GET LUCKY WIN')).toBe(true);
    expect(isAllCaps('Dollar gains on Greenspan speech')).toBe(false);
  });
});

describe('headlines', () => {
  it.each([
    ['Dollar gains on Greenspan speech', false, true],
    ['Seven Iraqis charged with hijack.', false, true],
    ['CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY.', false, true],
    ['Canada government cash balances fall in week.', true, true],
    ['The dollar rose sharply on Friday after the Fed spoke.', false, false],
    ['Results of games played on Thursday:', false, false],
  ])('isHeadlineLine(%s)', (line, beforeDateline, want) => expect(isHeadlineLine(line, beforeDateline)).toBe(want));

  it.each([
    [
      'Russian and US teams held six hours of talks in Turkiye on Thursday to try to restore normal functioning of their embassies, while Russian President Vladimir Putin said initial contacts with Donald Trump’s new administration had inspired hope. The talks ended.',
      'Russian and US teams held six hours of talks in Turkiye on Thursday',
    ],
    ['The dollar rose sharply on Friday. More later.', 'The dollar rose sharply on Friday'],
    [
      'The U.S. Federal Reserve raised interest rates by a quarter point on Wednesday, its third increase this year, saying inflation remained a worry for the committee.',
      'The U.S. Federal Reserve raised interest rates by a quarter point on Wednesday',
    ],
    [
      'A spokesman for the regional government of the northern province of Lombardy in Italy confirmed on Monday afternoon that all schools would close',
      'A spokesman for the regional government of the northern province of Lombardy in Italy confirmed',
    ],
  ])('leadHeadline', (lead, want) => {
    const t = leadHeadline(lead);
    expect(t).toBe(want);
    expect(t.length).toBeLessThanOrEqual(100);
  });

  it('keeps abbreviations inside the first sentence', () => {
    expect(firstSentence('Talks began in the U.S. on Friday. More followed.')).toBe('Talks began in the U.S. on Friday.');
  });
});

describe('analyzeLayout', () => {
  it('splits paragraphs at blank lines', () => {
    expect(splitParagraphs('a\r\n\r\nb\nc\n \n')).toEqual(['a', 'b\nc']);
  });

  it('reads a CoNLL-style story', () => {
    const l = analyzeLayout('TENNIS - TARANGO, O\'BRIEN SPRING TWIN UPSETS.\n\nLarry Fine\n\nNEW YORK 1996-08-30\n\nAndre Agassi escaped on Thursday. Tarango and O\'Brien won.', {});
    expect(l).toMatchObject({
      title: 'Tennis - Tarango, O\'Brien spring twin upsets',
      titleOriginal: 'TENNIS - TARANGO, O\'BRIEN SPRING TWIN UPSETS.',
      titleSource: 'headline',
      byline: 'Larry Fine',
      dateline: 'NEW YORK 1996-08-30',
      location: 'New York',
      datelineDate: '1996-08-30',
      paragraphs: ['Andre Agassi escaped on Thursday. Tarango and O\'Brien won.'],
    });
  });

  it('prefers the frontmatter title and keeps a mixed-case headline as written', () => {
    expect(analyzeLayout('Dollar gains\n\nLONDON - It rose.', { title: 'Given' })).toMatchObject({ title: 'Given', titleSource: 'frontmatter', location: 'London' });
    expect(analyzeLayout('Dollar gains on Greenspan speech\n\nThe dollar rose.', {})).toMatchObject({ title: 'Dollar gains on Greenspan speech', titleSource: 'headline' });
    expect(analyzeLayout('Dollar gains on Greenspan speech\n\nThe dollar rose.', {}).titleOriginal).toBeUndefined();
  });

  it.skipIf(!existsSync(SEED))('reads the seed article', () => {
    const l = analyzeLayout(readFileSync(SEED, 'utf8'), {});
    expect(l.title).toBe('Russian and US teams held six hours of talks in Turkiye on Thursday');
    expect(l.titleSource).toBe('lead');
    expect(l.headline).toBeUndefined();
    expect(l.dateline).toBe('Istanbul -');
    expect(l.location).toBe('Istanbul');
    expect(l.datelineDate).toBeUndefined();
    expect(l.paragraphs[0].startsWith('Russian and US teams held')).toBe(true);
    expect(l.paragraphs).toHaveLength(17);
  });
});

describe.skipIf(!existsSync(CONLL))('layout eval over CoNLL dev', () => {
  it('meets its targets', () => {
    const r = layoutEval(CONLL, false);
    expect(r.stories).toBe(216);
    expect(r.dateFound).toBe(r.withDateline);
    expect(r.locationMatch / r.withDateline).toBeGreaterThanOrEqual(0.98);
    expect(r.titleMatch).toBe(r.stories);
  });
});
