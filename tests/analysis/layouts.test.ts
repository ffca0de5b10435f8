import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { makeSiteContext } from '../../src/site/context.ts';
import { DEFAULT_SETTINGS } from '../../src/site/settings.ts';
import { buildArchiveIndex } from '../../src/site/archive-index.ts';
import { buildTimeline, entityEvents } from '../../src/analysis/timeline.ts';
import { buildConnections, strongestPairs, topNeighbours } from '../../src/analysis/connections.ts';
import { buildBios } from '../../src/analysis/bio.ts';
import { quotesBySpeaker } from '../../src/analysis/quotes-index.ts';
import { extractQuotes } from '../../src/ingest/quotes.ts';
import { analyzeLayout } from '../../src/ingest/layout.ts';
import { extractEvents } from '../../src/ingest/events.ts';
import { bioLine, connectionsPage, entityEventsSection, entityNetworkSection, entityQuotesSection, timelinePage } from '../../layouts/research/index.ts';
import { basePage } from '../../layouts/base.ts';
import type { Article, Entities } from '../../src/types.ts';
import { SEED, htmlText } from '../helpers.ts';
import { article, ref } from './fixtures.ts';

// The seed article with hand-made entities, plus two small articles with hostile names.
const l = analyzeLayout(readFileSync(SEED, 'utf8'), {});
const ents: Entities = {
  people: ['Vladimir Putin', 'Donald Trump', 'Maria Zakharova', 'Dmitry Peskov', 'Sergei Lavrov', 'Alexander Darchiyev'].map((n) => ref(n)),
  organisations: [ref('Kremlin'), ref('TASS'), ref('US State Department', { aliases: ['State Department'] })],
  places: [ref('Istanbul'), ref('Moscow'), ref('Russia'), ref('Ukraine'), ref('Saudi Arabia')],
};
const seed: Article = {
  ...article('2025/02/talks', '2025-02-27', { ...ents, paragraphs: l.paragraphs }),
  title: 'Russia and US hold embassy talks in Istanbul',
  events: extractEvents(l.paragraphs, '2025-02-27'),
  quotes: extractQuotes(l.paragraphs, ents),
};
const evil = ref('<script>alert("x")</script> & Co');
const others = [
  article('2025/02/evil', '2025-02-20', {
    people: [ref('Vladimir Putin'), ref('Dmitry Peskov')],
    organisations: [evil],
    places: [ref('Moscow')],
    events: [{ date: '2025-02-12', precision: 'day', text: 'Putin and <b>Trump</b> spoke on "February 12"', paragraph: 0 }],
    quotes: [{ text: 'We said <no> & "never"', speaker: 'dmitry-peskov', paragraph: 0 }],
    paragraphs: ['x'],
  }),
  article('2024/11/old', '2024-11-02', { people: [ref('Vladimir Putin'), ref('Sergei Lavrov')], places: [ref('Moscow')] }),
];
const all = [seed, ...others];
const ctx = makeSiteContext({ settings: DEFAULT_SETTINGS, index: buildArchiveIndex(all) }, '/sub/');
const timeline = buildTimeline(all);
const conns = buildConnections(all);
const bios = buildBios(all);
const quotes = quotesBySpeaker(all);

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
async function expectValid(html: string) {
  const report = await validator.validateString(html);
  const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
  expect(messages).toEqual([]);
}
/** A fragment inside a full page, as the entity page will place it. */
const inPage = (body: string) => basePage(ctx, { title: 'Entity', path: '/people/x/', body: `<h1>Entity</h1>${body}` });

describe('research pages', () => {
  it('timeline page is valid HTML, links under the prefix, escapes text', async () => {
    const html = timelinePage(ctx, timeline);
    await expectValid(html);
    expect(html).toContain('href="/sub/2025/02/talks/"');
    expect(html).toContain('href="/sub/people/vladimir-putin/"');
    expect(html).not.toContain('<b>Trump</b>');
    expect(htmlText(html)).toContain('Putin and <b>Trump</b> spoke on "February 12"');
    expect(html).toContain('<h2 id="t-2025-02">February 2025</h2>');
  });

  it('connections page is a valid, captioned table', async () => {
    const html = connectionsPage(ctx, strongestPairs(conns, 50, 1));
    await expectValid(html);
    expect(html).toContain('<caption>');
    expect(html).not.toContain('<script>alert');
    await expectValid(connectionsPage(ctx, []));
  });
});

describe('entity fragments', () => {
  it('quotations of Peskov, escaped', async () => {
    const frag = entityQuotesSection(ctx, quotes.get('people:dmitry-peskov')!);
    await expectValid(inPage(frag));
    expect(htmlText(frag)).toContain('No one expects solutions');
    expect(htmlText(frag)).toContain('We said <no> & "never"');
    expect(entityQuotesSection(ctx, [])).toBe('');
  });

  it('unnamed spokesperson quotations are shown on the organisation, with the description', () => {
    const frag = entityQuotesSection(ctx, quotes.get('organisations:us-state-department')!);
    expect(htmlText(frag)).toContain('a state department spokesperson');
  });

  it('events of Putin', async () => {
    const frag = entityEventsSection(ctx, entityEvents(timeline, 'people', 'vladimir-putin'));
    await expectValid(inPage(frag));
    expect(frag).toContain('datetime="2025-02-12"');
  });

  it('network: SVG with title, desc and a text list; deterministic; escaped', async () => {
    const center = conns.nodes.get('people:vladimir-putin')!;
    const frag = entityNetworkSection(ctx, center, topNeighbours(conns, 'people', 'vladimir-putin'));
    await expectValid(inPage(frag));
    expect(frag).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="network-title network-desc"/);
    expect(frag).toContain('<title id="network-title">Who appears with Vladimir Putin</title>');
    expect(frag).toMatch(/<desc id="network-desc">Vladimir Putin appears most often with /);
    expect(frag).toContain('<ol class="neighbours">');
    expect(frag).not.toContain('<script>');
    expect(entityNetworkSection(ctx, center, topNeighbours(conns, 'people', 'vladimir-putin'))).toBe(frag);
    expect(entityNetworkSection(ctx, center, [])).toBe('');
  });

  it('bio line', async () => {
    const line = bioLine(bios.get('people:dmitry-peskov'));
    expect(line).toBe('<p class="bio">Kremlin spokesperson</p>');
    expect(bioLine(undefined)).toBe('');
    await expectValid(inPage(line));
  });
});
