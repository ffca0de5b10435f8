import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractQuotes, MIN_WORDS } from '../../src/ingest/quotes.ts';
import { analyzeLayout } from '../../src/ingest/layout.ts';
import type { Entities, EntityRef } from '../../src/types.ts';
import { SEED } from '../helpers.ts';
import { BBC, CONLL_DEV, corpusFiles, haveCorpus, naiveEntities } from '../analysis/corpus.ts';

const ref = (name: string, aliases?: string[]): EntityRef => ({ name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), ...(aliases ? { aliases } : {}) });
const ENTS: Entities = {
  people: [ref('John Smith'), ref('Mary Jones'), ref('Vladimir Putin'), ref('Dmitry Peskov'), ref('Alan Beith', ['Mr Beith'])],
  organisations: [ref('US State Department', ['State Department']), ref('Kremlin'), ref('Interfax')],
  places: [ref('Moscow')],
};

/** [paragraphs, expected [speaker slug | undefined, unnamed?, text start] per quote] */
const table: [string[], [string | undefined, boolean, string][]][] = [
  [['"We will win this vote easily," Smith said.'], [['john-smith', false, 'We will win this vote easily']]],
  [['“We will win this vote easily,” said John Smith, the party leader.'], [['john-smith', false, 'We will win']]],
  [['Mary Jones said: "The plan is simply not good enough."'], [['mary-jones', false, 'The plan is']]],
  [['Mary Jones told reporters "the plan is simply not good enough".'], [['mary-jones', false, 'the plan is']]],
  [['Smith said the deal "will show how quickly we can move".'], [['john-smith', false, 'will show how']]],
  [['"There is no reason for concern," a state department spokesperson said.'], [['us-state-department', true, 'There is no reason']]],
  [['"There is no reason for concern," the Kremlin said in a statement.'], [['kremlin', false, 'There is no reason']]],
  [['"We see no reason for concern at all," Interfax quoted a Kremlin source as saying.'], [['kremlin', true, 'We see no']]],
  // pronoun: the last person named before the quote
  [['Putin met officials on Monday.', 'But in televised comments, he said: "I note that the first contacts inspire certain hopes."'], [['vladimir-putin', false, 'I note that']]],
  // two quotes in one paragraph, the second continues the speaker
  [['"I support their enthusiasm," Smith said about the fans. "At the same time, they are cheering against me."'], [['john-smith', false, 'I support'], ['john-smith', false, 'At the same time']]],
  // a quote paragraph after an attributed one: same speaker
  [['"No one expects solutions to come easily," Kremlin spokesperson Dmitry Peskov told reporters.', '"But with political will, I think we will get through this."'], [['dmitry-peskov', false, 'No one expects'], ['dmitry-peskov', false, 'But with political will']]],
  // a quotation running over two paragraphs (first has no closing mark)
  [['Mary Jones said: "The first part of the statement goes here.', '"And the second part of it follows here."'], [['mary-jones', false, 'The first part']]],
  // run-together paragraphs: an opening mark after a full stop inside a quote continues it
  [['Mr Beith said: "We have tried very hard to do this. "Obviously we have failed in that."'], [['alan-beith', false, 'We have tried']]],
  // scare quotes and nicknames are not quotations
  [['The Kremlin described relations as “below zero” under Biden.'], []],
  [['Zakharova spoke of removing “irritants” in bilateral relations.'], []],
  [['Roberto "Hands of Stone" Duran climbs into the ring.'], []],
  // an unattributed title-like phrase mid-sentence is not a quotation
  [['The fight is being billed here as the "Return of the Legend of Panama" by fans.'], []],
];

describe('extractQuotes: sentence patterns', () => {
  it.each(table)('%j', (paras, expected) => {
    const qs = extractQuotes(paras, ENTS);
    expect(qs.map((q) => [q.speaker, !!q.unnamed, q.text.slice(0, expected[qs.indexOf(q)]?.[2].length ?? 0)])).toEqual(expected);
  });

  it('gives the canonical name, paragraph and attribution', () => {
    const [q] = extractQuotes(['Intro.', '"We will win this vote easily," Smith said.'], ENTS);
    expect(q).toMatchObject({ speaker: 'john-smith', speakerName: 'John Smith', paragraph: 1, attribution: 'Smith' });
  });

  it('keeps a name the entity list does not know as speakerName without a slug', () => {
    const [q] = extractQuotes(['"It was a very good day for us," said the 26-year-old O\'Brien.'], ENTS);
    expect(q.speaker).toBeUndefined();
    expect(q.speakerName).toBe("O'Brien");
  });

  it('records the last paragraph of a multi-paragraph quotation', () => {
    const [q] = extractQuotes(['Jones said: "The first part of the statement goes here.', '"And the second part follows."'], ENTS);
    expect(q).toMatchObject({ paragraph: 0, paragraphEnd: 1 });
    expect(q.text).toBe('The first part of the statement goes here. And the second part follows.');
  });

  it('returns nothing for text without quotation marks', () => {
    expect(extractQuotes(['Putin said talks would continue.'], ENTS)).toEqual([]);
  });
});

describe('extractQuotes: the seed article', () => {
  const l = analyzeLayout(readFileSync(SEED, 'utf8'), {});
  // Entities by hand, so the test does not depend on NER quality.
  const ents: Entities = {
    people: ['Vladimir Putin', 'Donald Trump', 'Joe Biden', 'Maria Zakharova', 'Dmitry Koshelev', 'Dmitry Peskov', 'Sergei Lavrov', 'Sonata Coulter', 'Alexander Darchiyev'].map((n) => ref(n)),
    organisations: [ref('Kremlin'), ref('FSB'), ref('TASS'), ref('US State Department', ['State Department']), ref('Russian Foreign Ministry')],
    places: [ref('Istanbul'), ref('Moscow'), ref('Russia'), ref('Ukraine')],
  };
  const qs = extractQuotes(l.paragraphs, ents);
  const by = (start: string) => qs.find((q) => q.text.startsWith(start));

  it('attributes Putin (pronoun), Peskov (two paragraphs) and Lavrov', () => {
    expect(by('I note that the first contacts')).toMatchObject({ speaker: 'vladimir-putin', speakerName: 'Vladimir Putin' });
    expect(by('I note that the first contacts')!.text).toContain('There is a reciprocal mood');
    expect(by('No one expects solutions')).toMatchObject({ speaker: 'dmitry-peskov' });
    expect(by('But with the two countries')).toMatchObject({ speaker: 'dmitry-peskov' });
    expect(by('will show how quickly')).toMatchObject({ speaker: 'sergei-lavrov' });
  });

  it('attributes both quotations of the unnamed state department spokesperson to the organisation', () => {
    for (const start of ['To be clear', 'The constructiveness of these talks']) {
      expect(by(start)).toMatchObject({ speaker: 'us-state-department', speakerName: 'US State Department', unnamed: true });
    }
  });

  it('skips the scare quotes', () => {
    expect(qs.map((q) => q.text)).not.toContain('irritants');
    expect(qs.some((q) => q.text.includes('below zero'))).toBe(false);
    expect(qs.some((q) => q.text.startsWith('created uncomfortable'))).toBe(false);
    expect(qs).toHaveLength(6);
  });
});

describe.runIf(haveCorpus(CONLL_DEV))('extractQuotes on real corpora (naive entities)', () => {
  for (const [label, dir, limit] of [['conll dev', CONLL_DEV, Infinity], ['bbc politics', `${BBC}/politics`, 200]] as const) {
    it(`${label}: most articles with quotation sentences yield quotes; none shorter than ${MIN_WORDS} words`, () => {
      let withSpeech = 0;
      let found = 0;
      let quotes = 0;
      let attributed = 0;
      for (const f of corpusFiles(dir, limit)) {
        const l = analyzeLayout(readFileSync(f, 'utf8'), {});
        const text = l.paragraphs.join('\n');
        const qs = extractQuotes(l.paragraphs, naiveEntities(l.paragraphs));
        // An article that clearly has a quotation: a quoted stretch of 6+ words next to "said".
        if (/["“][^"“”]{30,}["”],? (?:\w+ ){0,4}said|said: ["“]/.test(text)) {
          withSpeech++;
          if (qs.length) found++;
        }
        for (const q of qs) {
          expect(q.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length).toBeGreaterThanOrEqual(MIN_WORDS);
          expect(q.paragraph).toBeGreaterThanOrEqual(0);
          expect(q.paragraph).toBeLessThan(l.paragraphs.length);
          expect(q.text).not.toMatch(/^\s|\s$/);
        }
        quotes += qs.length;
        attributed += qs.filter((q) => q.speakerName || q.unnamed).length;
      }
      expect(withSpeech).toBeGreaterThan(10);
      expect(found / withSpeech).toBeGreaterThan(0.9);
      expect(attributed / quotes).toBeGreaterThan(0.8);
    });
  }
});
