import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildBios, lastWords, rolesInText } from '../../src/analysis/bio.ts';
import { analyzeLayout } from '../../src/ingest/layout.ts';
import { SEED } from '../helpers.ts';
import { article, ref } from './fixtures.ts';
import { CONLL_DEV, haveCorpus, naiveArticles } from './corpus.ts';

describe('rolesInText', () => {
  const table: [string, string, string[]][] = [
    ['Kremlin spokesperson Dmitry Peskov told reporters.', 'Dmitry Peskov', ['Kremlin spokesperson']],
    ["Dmitry Peskov, the Kremlin's spokesman, said so.", 'Dmitry Peskov', ["Kremlin's spokesman"]],
    ['The team was led by Alexander Darchiyev, head of the foreign ministry’s North America department.', 'Alexander Darchiyev', ['Head of the foreign ministry’s North America department']],
    ['Russian Foreign Minister Sergei Lavrov said the outcome mattered.', 'Sergei Lavrov', ['Russian Foreign Minister']],
    ['The delegation was led by Deputy Assistant Secretary of State Sonata Coulter.', 'Sonata Coulter', ['Deputy Assistant Secretary of State']],
    ['A phone call between Trump and President Vladimir Putin.', 'Vladimir Putin', ['President']],
    ['John Smith, who lives nearby, said so.', 'John Smith', []],
    ['Yesterday John Smith said so.', 'John Smith', []],
  ];
  it.each(table)('%s', (text, name, roles) => {
    expect(rolesInText([text], ref(name), 'people')).toEqual(roles);
  });
});

describe('buildBios', () => {
  const peskov = ref('Dmitry Peskov');
  const older = article('2024/01/a', '2024-01-10', { people: [peskov], paragraphs: ['Deputy press secretary Dmitry Peskov said so.'] });
  const newer = article('2025/02/b', '2025-02-27', { people: [peskov], paragraphs: ['Kremlin spokesperson Dmitry Peskov told reporters.', 'Peskov, the Kremlin spokesperson, added more.'] });

  it('puts the most recent role first, whatever the input order', () => {
    for (const input of [[older, newer], [newer, older]]) {
      const b = buildBios(input).get('people:dmitry-peskov')!;
      expect(b.line).toBe('Kremlin spokesperson; Deputy press secretary');
      expect(b.roles[0]).toMatchObject({ text: 'Kremlin spokesperson', articleId: '2025/02/b', count: 1 });
    }
  });

  it('uses the NER role and roleOrg', () => {
    const a = article('x', '2025-01-01', { people: [ref('Maria Zakharova', { role: 'spokeswoman', roleOrg: 'Russian Foreign Ministry' })] });
    expect(buildBios([a]).get('people:maria-zakharova')!.line).toBe('Spokeswoman, Russian Foreign Ministry');
  });

  it('prefers the curated description', () => {
    const b = buildBios([newer], new Map([['people:Dmitry Peskov', 'Press secretary of the Russian president.']])).get('people:dmitry-peskov')!;
    expect(b).toMatchObject({ line: 'Press secretary of the Russian president.', source: 'curation' });
  });

  it('describes the seed article’s people and TASS', () => {
    const l = analyzeLayout(readFileSync(SEED, 'utf8'), {});
    const people = ['Vladimir Putin', 'Maria Zakharova', 'Dmitry Peskov', 'Sergei Lavrov', 'Sonata Coulter', 'Alexander Darchiyev'].map((n) => ref(n));
    const bios = buildBios([article('2025/02/seed', '2025-02-27', { people, organisations: [ref('TASS')], paragraphs: l.paragraphs })]);
    const line = (slug: string) => bios.get(slug)?.line;
    expect(line('people:dmitry-peskov')).toBe('Kremlin spokesperson');
    expect(line('people:sergei-lavrov')).toBe('Russian Foreign Minister');
    expect(line('people:maria-zakharova')).toBe('Russian Foreign Ministry spokeswoman');
    expect(line('people:alexander-darchiyev')).toBe('Head of the foreign ministry’s North America department');
    expect(line('people:vladimir-putin')).toBe('Russian President');
    expect(line('organisations:tass')).toBe('Russian state news agency');
  });
});

describe.runIf(haveCorpus(CONLL_DEV))('bio lines on CoNLL dev (naive entities)', () => {
  it('are short, non-empty, and never repeat the entity’s own name', () => {
    const bios = buildBios(naiveArticles(CONLL_DEV));
    expect(bios.size).toBeGreaterThan(20);
    for (const b of bios.values()) {
      expect(b.line.length).toBeGreaterThan(1);
      for (const r of b.roles) expect(r.text.split(/\s+/).length).toBeLessThanOrEqual(13);
      expect(b.roles.every((r) => !r.text.includes(b.name))).toBe(true);
    }
  });
});

describe('lastWords', () => {
  it('is the end of split(/\\s+/).filter(Boolean)', () => {
    const ws = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b');
    const text = fc.array(fc.oneof(ws, fc.string({ maxLength: 5 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 20 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 9 }), (s, max) => {
        const all = s.split(/\s+/).filter(Boolean);
        expect(lastWords(s, max)).toEqual(all.slice(Math.max(0, all.length - max)));
      }),
      { numRuns: 2000 },
    );
  });
});
