import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractEntities, EXTRACTOR_VERSION, type NerInput } from '../../src/ner/index.ts';
import { defaultTagger } from '../../src/ner/model.ts';
import { applyRules } from '../../src/ner/rules.ts';
import { dropTitleFragments, dropWorkTitles, isCommonWordPlace, retypeCompanies, spansFromTags, splitConjoined, standsAlone, type Mention, type MentionType } from '../../src/ner/mentions.ts';
import { groupEntities } from '../../src/ner/canonical.ts';
import type { Entities, EntityKind, EntityRef } from '../../src/types.ts';

const names = (list: EntityRef[]) => list.map((e) => e.name);
const find = (list: EntityRef[], name: string) => list.find((e) => e.name === name);
const run = (text: string, extra: Partial<NerInput> = {}) => extractEntities({ paragraphs: text.split(/\n\n/), ...extra });

/** One sentence as the tagger reads it, with the tags a test gives its tokens (as many as it has). */
function tagged(text: string, tags: string[]) {
  const tagger = defaultTagger();
  const s = tagger.prepare({ paragraphs: [text] }).seqs[0];
  expect(s.tokens).toHaveLength(tags.length);
  return { s, gaz: tagger.gaz };
}
/** The mentions read from a sentence given its tags. */
const mentionsOf = (text: string, tags: string[]) => { const { s, gaz } = tagged(text, tags); return spansFromTags(s, 0, tags, gaz); };
/** The tags of a sentence after the rules. */
const ruled = (text: string, tags: string[]) => { const { s, gaz } = tagged(text, tags); return applyRules(s, tags, gaz); };

/** Every surface form (name + aliases) of a kind, lower-cased. */
function forms(list: EntityRef[]): string[] {
  return list.flatMap((e) => [e.name, ...(e.aliases ?? [])]).map((s) => s.toLowerCase());
}

describe('extractEntities: one entity per thing, canonical name', () => {
  const cases: [string, string, EntityKind, string, string[]][] = [
    // [label, text, kind, expected canonical name, aliases that must be listed]
    ['surname and title join the full name',
      'President Vladimir Putin met envoys on Monday. Putin said the talks went well. Vladimir Putin\'s spokesman agreed.',
      'people', 'Vladimir Putin', ['Putin']],
    ['lower-case reference joins the named department',
      'The US State Department said the talks would cover visas. "No political issues are on the agenda," a state department spokesperson said.',
      'organisations', 'US State Department', ['state department']],
    ['possessive place',
      'The office of Russia\'s prosecutor general said the suspect was deported.',
      'places', 'Russia', []],
    ['country acronym and full name are one place',
      'Talks between Russia and the United States resumed. The US delegation was led by a diplomat. Later, the U.S. side said little.',
      'places', 'United States', ['US']],
  ];
  for (const [label, text, kind, name, aliases] of cases) {
    it(label, () => {
      const e = run(text);
      const list = e[kind];
      const hits = list.filter((x) => forms([x]).includes(name.toLowerCase()));
      expect(hits.map((h) => h.name)).toEqual([name]);
      for (const a of aliases) expect(forms(hits), `${a} is an alias`).toContain(a.toLowerCase());
      expect(hits[0].mentions).toBeGreaterThanOrEqual(1 + aliases.length);
    });
  }
});

describe('extractEntities: clean names', () => {
  it('keeps titles and roles out of names', () => {
    const e = run('Russian Foreign Minister Sergei Lavrov spoke to reporters. President Joe Biden did not comment.');
    expect(names(e.people).sort()).toEqual(['Joe Biden', 'Sergei Lavrov']);
  });
  it('reads demonyms as nationalities, not places', () => {
    const e = run('Russian and American officials met German diplomats in Geneva.');
    expect(names(e.places)).toEqual(['Geneva']);
  });
  it('does not fuse lists', () => {
    const e = run('Rain stopped play at matches involving Essex, Derbyshire and Surrey on Friday.');
    const all = [...names(e.places), ...names(e.organisations)];
    for (const n of all) expect(n).not.toMatch(/,| and /);
    expect(all).toEqual(expect.arrayContaining(['Essex', 'Derbyshire', 'Surrey']));
  });
  it('leaves no trailing common words', () => {
    const e = run('The Russian team arrived in a black Mercedes van. He later joined Moscow club Spartak, his agent said.');
    for (const n of [...names(e.people), ...names(e.organisations), ...names(e.places)]) expect(n).not.toMatch(/ \p{Ll}+$/u);
    expect(names(e.places)).toContain('Moscow');
  });
  it('names a royal by title and name, as one person with the full name where the article gives it', () => {
    expect(names(run('Prince Charles and Camilla Parker Bowles will marry in April, Clarence House said.').people)).toContain('Prince Charles');
    const wedding = run('The wedding of Prince Charles will be a civil ceremony.');
    expect(names(wedding.people)).toEqual(['Prince Charles']);
    expect(names(wedding.places)).toEqual([]);
    const king = run('King Norodom Sihanouk gave a pardon. He acted after intervention by King Sihanouk. Sihanouk promised more.');
    expect(names(king.people)).toEqual(['Norodom Sihanouk']);
    expect(forms(king.people)).toContain('king sihanouk');
    expect(names(run('Prince Charles met Charles Kennedy. Charles Kennedy said no.').people).sort()).toEqual(['Charles Kennedy', 'Prince Charles']);
    // after "the", a theatre or a ship
    expect(names(run('Laura Michelle Kelly won for Mary Poppins at the Prince Edward.').people)).not.toContain('Prince Edward');
    // peers too, joining the full name the article gives
    expect(names(run('Lord Woolf said the ruling would stand.').people)).toEqual(['Lord Woolf']);
    expect(names(run('Betty Boothroyd spoke first. Later Baroness Boothroyd said the vote was fair.').people)).toEqual(['Betty Boothroyd']);
  });
  it('takes no role for a body ("the US Consul General")', () => {
    const cases: [string, string[], string[]][] = [
      // [sentence, tags from the tagger, names kept]
      ['at the residence of the US Consul General in Istanbul', ['O', 'O', 'O', 'O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'B-LOC'], ['Istanbul']],
      ['The Russian Foreign Minister arrived', ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O'], []],
      ['The Russian Foreign Ministry said', ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O'], ['Russian Foreign Ministry']],
    ];
    for (const [text, tags, kept] of cases) expect(mentionsOf(text, tags).map((m) => m.text)).toEqual(kept);
  });
  it('ends a person at a word that is part of no name, and at a weekday; a title alone is no one', () => {
    const cases: [string, string[], string[]][] = [
      ['Mike Tyson in Las Vegas said', ['B-PER', 'I-PER', 'I-PER', 'I-PER', 'I-PER', 'O'], ['Mike Tyson', 'Las Vegas']],
      ['Mike Tyson in training said', ['B-PER', 'I-PER', 'I-PER', 'I-PER', 'O'], ['Mike Tyson']],
      ['Vincent van Gogh painted', ['B-PER', 'I-PER', 'I-PER', 'O'], ['Vincent van Gogh']],
      ['Jose Miguel Insulza Monday said', ['B-PER', 'I-PER', 'I-PER', 'I-PER', 'O'], ['Jose Miguel Insulza']],
      ['A Lieutenant-Colonel said', ['O', 'B-PER', 'O'], []],
      ['Prime Minister Kengo wa Dondo said', ['O', 'O', 'B-PER', 'I-PER', 'I-PER', 'O'], ['Kengo wa Dondo']],
      // feasts, awards, plurals of acronyms and a title read apart from its name are no one's name
      ['MPs and PCs at Christmas', ['B-ORG', 'O', 'B-ORG', 'O', 'B-PER'], []],
      ['She won an Oscar', ['O', 'O', 'O', 'B-PER'], []],
      ['She won two Baftas at the Bafta ceremony', ['O', 'O', 'O', 'B-ORG', 'O', 'O', 'B-LOC', 'O'], []],
      ['Sony sold the PC on DVD and TV', ['B-ORG', 'O', 'O', 'B-ORG', 'O', 'B-ORG', 'O', 'B-ORG'], ['Sony']],
      ['Sony hired a DJ and an MEP', ['B-ORG', 'O', 'O', 'B-ORG', 'O', 'O', 'B-ORG'], ['Sony']],
      ['Replacements: D Jones, T Smith', ['B-PER', 'O', 'B-ORG', 'B-PER', 'O', 'B-ORG', 'B-PER'], ['Jones', 'Smith']],
      ['She won a Golden Globe and two Golden Globes', ['O', 'O', 'O', 'B-ORG', 'I-ORG', 'O', 'O', 'B-ORG', 'I-ORG'], []],
      ['Lord Falconer said', ['B-LOC', 'B-PER', 'O'], ['Falconer']],
      ['the Lord of the Rings trilogy', ['O', 'B-LOC', 'O', 'O', 'O', 'O'], []],
      // a body's or event's last word left out by the tagger joins it
      ['by the International Association of Athletics Federations (IAAF)', ['O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'B-ORG', 'O'], ['International Association of Athletics Federations', 'IAAF']],
      ["at Friday's Norwich Union Grand Prix", ['O', 'O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O'], ['Norwich Union Grand Prix']],
      ["a century at Lord's", ['O', 'O', 'O', 'B-LOC', 'O'], ['Lord']],
    ];
    for (const [text, tags, kept] of cases) expect(mentionsOf(text, tags).map((m) => m.text)).toEqual(kept);
  });
  it('reads the title of a work after "the film", "the album"… and a product before "console"… as no person, body or place, in the whole article', () => {
    const cases: [string, string[], string[], string[]][] = [
      // [text, people, organisations, places]
      ['The film Vera Drake won three awards. Imelda Staunton, who plays Vera Drake, was praised by director Mike Leigh.', ['Imelda Staunton', 'Mike Leigh'], [], []],
      ['Her new album Blue Horizon sold well in London.', [], [], ['London']],
      // a known place loses only the mention cued as a title
      ['The musical Chicago opened in London; the cast later flew to Chicago.', [], [], ['London', 'Chicago']],
      // not a title: "game" before a team, an acronym (a lost sentence break), a modifier of a work noun
      ['After the game Arsenal manager Arsene Wenger said he was pleased.', ['Arsene Wenger'], ['Arsenal'], []],
      ['Rather than a downloaded movie NEC is showing a phone. NEC makes it.', [], ['NEC'], []],
      // a product named before a product noun
      ['Microsoft sold the Xbox console in Japan. Xbox sales rose. Intel chips are in it.', [], ['Intel'], ['Japan']],
    ];
    for (const [text, people, orgs, places] of cases) {
      const e = run(text);
      expect([names(e.people), names(e.organisations), names(e.places)]).toEqual([people, orgs, places]);
    }
    // the title's own "The" between the work noun and a name read without it ("the movie The Aviator")
    const tagger = defaultTagger();
    for (const [text, title, kept] of [
      ['Scorsese made the movie The Aviator about Howard Hughes.', 'Aviator', ['Scorsese', 'Howard Hughes']],
      ['The Aviator star Leonardo DiCaprio met Scorsese.', 'Aviator', ['Aviator', 'Leonardo DiCaprio', 'Scorsese']],
    ] as const) {
      const s = tagger.prepare({ paragraphs: [text] }).seqs[0];
      const TAGS: Record<string, string> = { [title]: 'B-ORG', Scorsese: 'B-PER', Howard: 'B-PER', Hughes: 'I-PER', Leonardo: 'B-PER', DiCaprio: 'I-PER' };
      const tags = s.tokens.map((t) => TAGS[t.text] ?? 'O');
      const found = dropWorkTitles(spansFromTags(s, 0, tags, tagger.gaz), [s], (n) => tagger.gaz.isPlace(n)).mentions.map((m) => m.text);
      expect(found).toEqual(kept);
    }
    // the titles of more than one word and the products are kept for the whole archive (src/curation/apply.ts)
    expect(run('The film Vera Drake won. The drama Sideways lost. Microsoft sold the Xbox console in Japan.').works).toEqual(['Vera Drake', 'Xbox']);
  });
  it('reads a name given as a company\'s ("security firm Sophos", "online retailer Amazon") as that organisation in the whole article', () => {
    const cases: [string, string[], string[], string[]][] = [
      // [text, people, organisations, places]
      ['Anti-virus firm Sophos said the worm spread fast. Sophos advised users to update.', [], ['Sophos'], []],
      ['Online retailer Amazon said sales rose in Germany.', [], ['Amazon'], ['Germany']],
      ['The Scottish band Franz Ferdinand won two awards.', [], ['Franz Ferdinand'], []],
      // a role, not a company; a determiner before the noun
      ['His fellow broadcaster Michael Pointon paid tribute.', ['Michael Pointon'], [], []],
      ['Irish duo Malcolm O\'Kelly and Paul O\'Connell were dropped.', ["Malcolm O'Kelly", "Paul O'Connell"], [], []],
      ['The company Bill Gates founded grew fast.', ['Bill Gates'], [], []],
    ];
    for (const [text, people, orgs, places] of cases) {
      const e = run(text);
      expect([names(e.people), names(e.organisations), names(e.places)]).toEqual([people, orgs, places]);
    }
  });
  it('reads a place whose name ends in a word of bodies\' names as that body, not "Soviet Union" or "West Bank"', () => {
    const kinds = (text: string, tags: string[]) => mentionsOf(text, tags).map((m) => `${m.text}:${m.type}`);
    expect(kinds('Jupiter Research and Edinburgh University', ['B-LOC', 'I-LOC', 'O', 'B-LOC', 'I-LOC'])).toEqual(['Jupiter Research:ORG', 'Edinburgh University:ORG']);
    expect(kinds('the Soviet Union and the West Bank', ['O', 'B-LOC', 'I-LOC', 'O', 'O', 'B-LOC', 'I-LOC'])).toEqual(['Soviet Union:LOC', 'West Bank:LOC']);
    expect(kinds('the England XV and the Hollywood Reporter', ['O', 'B-LOC', 'I-LOC', 'O', 'O', 'B-LOC', 'I-LOC'])).toEqual(['England XV:ORG', 'Hollywood Reporter:ORG']);
    expect(kinds('the New Zealand Rugby Football Union', ['O', 'B-LOC', 'I-LOC', 'I-LOC', 'I-LOC', 'I-LOC'])).toEqual(['New Zealand Rugby Football Union:ORG']);
    expect(kinds('the Wall Street Journal and the San Francisco Chronicle', ['O', 'B-LOC', 'I-LOC', 'I-LOC', 'O', 'O', 'B-LOC', 'I-LOC', 'I-LOC'])).toEqual(['Wall Street Journal:ORG', 'San Francisco Chronicle:ORG']);
    // shows are events, and so is the acronym of one read as a body (see the next test)
    expect(kinds('the Consumer Electronics Show and the Jerry Springer Show', ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'B-PER', 'I-PER', 'I-PER'])).toEqual(['Consumer Electronics Show:MISC', 'Jerry Springer Show:MISC']);
    // tournaments and leagues are events; a company named International is a body
    expect(kinds('the Sydney International, the Zurich Premiership and Amnesty International', ['O', 'B-LOC', 'I-LOC', 'O', 'O', 'B-LOC', 'I-LOC', 'O', 'B-ORG', 'I-ORG']))
      .toEqual(['Sydney International:MISC', 'Zurich Premiership:MISC', 'Amnesty International:ORG']);
  });
  it('takes the acronym of an event for that event, not a body ("CES")', () => {
    const e = run('The Consumer Electronics Show opened in Las Vegas on Thursday. Sony and Samsung showed new televisions at CES, which draws thousands.');
    expect([names(e.organisations), names(e.places)]).toEqual([['Sony', 'Samsung'], ['Las Vegas']]);
  });
  it('reads a name after an honorific as a person\'s, and a body before "MP" as the body', () => {
    const kinds = (text: string, tags: string[]) => mentionsOf(text, tags).map((m) => `${m.text}:${m.type}`);
    expect(kinds('Mr Brown and Lord Falconer met', ['B-ORG', 'I-ORG', 'O', 'B-ORG', 'I-ORG', 'O'])).toEqual(['Brown:PER', 'Falconer:PER']);
    expect(kinds('He said Labour MP Kate Hoey and Tory MEPs agreed', ['O', 'O', 'B-ORG', 'I-ORG', 'B-PER', 'I-PER', 'O', 'B-ORG', 'I-ORG', 'O'])).toEqual(['Labour:ORG', 'Kate Hoey:PER', 'Tory:ORG']);
  });
  it('reads a name ending in a club abbreviation as a club', () => {
    const kinds = mentionsOf('Man Utd beat Dundee Utd', ['B-PER', 'I-PER', 'O', 'B-PER', 'I-PER']).map((m) => `${m.text}:${m.type}`);
    expect(kinds).toEqual(['Man Utd:ORG', 'Dundee Utd:ORG']);
  });
  it('gives the names of a list one kind when most of them have it', () => {
    const kinds = (text: string, tags: string[]) => mentionsOf(text, tags).map((m) => `${m.text}:${m.type}`);
    // a line-up: one surname read as a place
    expect(kinds('Breen, Staunton, Irwin, McAteer, Harte.', ['B-PER', 'O', 'B-LOC', 'O', 'B-PER', 'O', 'B-PER', 'O', 'B-PER', 'O']))
      .toEqual(['Breen:PER', 'Staunton:PER', 'Irwin:PER', 'McAteer:PER', 'Harte:PER']);
    // no clear majority, or too short a list: as tagged
    expect(kinds('Breen, Paris, Irwin and Berlin.', ['B-PER', 'O', 'B-LOC', 'O', 'B-PER', 'O', 'B-LOC', 'O']))
      .toEqual(['Breen:PER', 'Paris:LOC', 'Irwin:PER', 'Berlin:LOC']);
    expect(kinds('Breen, Staunton and Irwin.', ['B-PER', 'O', 'B-LOC', 'O', 'B-PER', 'O']))
      .toEqual(['Breen:PER', 'Staunton:LOC', 'Irwin:PER']);
    // a name joined to the list by another word is not in it
    expect(kinds('Berlin beat Breen, Irwin, McAteer and Harte.', ['B-LOC', 'O', 'B-PER', 'O', 'B-PER', 'O', 'B-PER', 'O', 'B-PER', 'O']))
      .toEqual(['Berlin:LOC', 'Breen:PER', 'Irwin:PER', 'McAteer:PER', 'Harte:PER']);
  });
  it('reads a name ending in a company word as a body ("Warner Bros")', () => {
    const tags = ['B-PER', 'I-PER', 'O', 'O', 'O', 'O', 'O', 'O', 'O'];
    expect(mentionsOf('Warner Bros said the film opened on Friday.', tags).map((m) => `${m.text}:${m.type}`)).toEqual(['Warner Bros:ORG']);
  });
  it('leaves out the word that opens a sentence', () => {
    const cases: [string, EntityKind, string][] = [
      ['The party met in Brighton. Meanwhile Lib Dem leader Charles Kennedy said the vote would be close.', 'organisations', 'Lib Dem'],
      ['Sales rose in March. However Microsoft said its profits fell.', 'organisations', 'Microsoft'],
      ['The talks ended. Yesterday Tesco said it would cut 500 jobs.', 'organisations', 'Tesco'],
    ];
    for (const [text, kind, name] of cases) {
      const e = run(text);
      expect(names(e[kind])).toContain(name);
      for (const n of [...names(e.people), ...names(e.organisations), ...names(e.places)]) expect(n).not.toMatch(/^(Meanwhile|However|Yesterday) /);
    }
  });
  it('drops lone first names and headings', () => {
    const e = run('Donald Trump said on Monday he would visit. Donald said later the visit was off.\n\nUpdated: Monday.');
    expect(names(e.people)).toEqual(['Donald Trump']);
  });
  it('reads ALL-CAPS headlines and datelines without fragments', () => {
    const e = extractEntities({
      headline: 'FIRE DESTROYS WAREHOUSE IN LOS ANGELES',
      dateline: 'LOS ANGELES 1996-08-30',
      paragraphs: ['A fire destroyed a warehouse in Los Angeles on Friday, firefighters said.'],
    });
    expect(names(e.places)).toEqual(['Los Angeles']);
  });
  it('finds places in an ALL-CAPS headline only', () => {
    const e = extractEntities({ headline: 'RUSSIA AND UKRAINE HOLD TALKS IN ISTANBUL', paragraphs: ['The talks lasted six hours.'] });
    expect(names(e.places).map((n) => n.toLowerCase()).sort()).toEqual(['istanbul', 'russia', 'ukraine']);
  });
});

describe('extractEntities: kinds', () => {
  const cases: [string, EntityKind, string, (EntityKind)[]][] = [
    // [text, kind the name must be in, name, kinds it must not be in]
    ['But a Foreign Office spokesman said he could not comment on the case.', 'organisations', 'Foreign Office', ['people', 'places']],
    ['The court cleared Liggett Group of the charges, lawyers for the tobacco firm said.', 'organisations', 'Liggett Group', ['people']],
    ['Muslim leaders in London condemned the attack on Friday.', 'places', 'London', []],
    ['Leeds beat Chelsea 2-1 at Elland Road on Saturday.', 'organisations', 'Leeds', ['places']],
  ];
  for (const [text, kind, name, not] of cases) {
    it(`${name} is in ${kind}`, () => {
      const e = run(text);
      expect(names(e[kind])).toContain(name);
      for (const k of not) expect(names(e[k])).not.toContain(name);
    });
  }
  it('events are not organisations or places', () => {
    const e = run('Tiger Woods shot 67 at the Greater Milwaukee Open on Thursday. He won the Hong Kong Open last year.');
    for (const n of [...names(e.organisations), ...names(e.places)]) expect(n).not.toMatch(/Open$/);
  });
  it('a country is one place whatever the tagger called each mention', () => {
    const e = run('US officials said the United States would respond. The US embassy in London was closed, US authorities said.');
    expect(names(e.places)).toContain('United States');
    expect(forms(e.organisations)).not.toContain('us');
    expect(forms(e.organisations)).not.toContain('united states');
  });
  it('laws and prizes are not places or bodies', () => {
    const e = run('Firms listed in New York must comply with the Sarbanes-Oxley Act, the SEC said. She won the Booker Prize in London.');
    for (const n of [...names(e.organisations), ...names(e.places)]) expect(n).not.toMatch(/Act$|Prize$/);
  });
  it('faith words are not places', () => {
    expect(names(run('Muslim leaders in London condemned the attack on Friday.').places)).toEqual(['London']);
  });
  it('a country code is not read as an acronym of a company', () => {
    const e = run('"Growth will slow," said Hiromichi Shirakawa, chief economist at UBS Securities in Tokyo. The US economy grew.');
    const ubs = find(e.organisations, 'UBS Securities');
    expect(ubs?.aliases ?? []).not.toContain('US');
  });
});

describe('extractEntities: roles', () => {
  const cases: [string, string, string, string | undefined][] = [
    ['"No one expects solutions to come easily," Kremlin spokesperson Dmitry Peskov told reporters today.', 'Dmitry Peskov', 'Kremlin spokesperson', 'Kremlin'],
    ['But Labour spokesman Mr Fraser Kemp said the claims were false.', 'Fraser Kemp', 'Labour spokesman', 'Labour'],
    ['Russian Foreign Minister Sergei Lavrov said the outcome of the meeting will show how quickly we can move.', 'Sergei Lavrov', 'Russian Foreign Minister', undefined],
    ['The Russian team was led by Alexander Darchiyev, head of the foreign ministry\'s North America department. The Russian Foreign Ministry said the talks went well.', 'Alexander Darchiyev', "head of the foreign ministry's North America department", 'Russian Foreign Ministry'],
  ];
  for (const [text, person, role, roleOrg] of cases) {
    it(`${person}: ${role}`, () => {
      const p = find(run(text).people, person);
      expect(p, person).toBeDefined();
      expect(p!.role).toBe(role);
      if (roleOrg) expect(p!.roleOrg).toBe(roleOrg);
    });
  }
  it('ties a role to a body named in it as whole words only', () => {
    const p = find(run('The Union said the strike would go ahead. Unionist leader David Trimble said he opposed it.').people, 'David Trimble');
    expect(p?.role).toBe('Unionist leader');
    expect(p?.roleOrg).toBeUndefined();
  });
});

// The seed article lives in the shared folder beside the repository (news
// text: not copied into the repo).
const SEED = new URL('../../../shared/seed/000_7fc3ca4ea01601c6.txt', import.meta.url);

describe.skipIf(!fs.existsSync(SEED))('extractEntities: the seed article', () => {
  const raw = fs.existsSync(SEED) ? fs.readFileSync(SEED, 'utf8') : 'x - y';
  const paras = raw.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const m = /^(\S[^-–—]*?)\s+[-–—]\s+/.exec(paras[0])!;
  paras[0] = paras[0].slice(m[0].length);
  const e = extractEntities({ dateline: m[0].trim(), paragraphs: paras });

  it('finds exactly the people, each once', () => {
    expect(names(e.people).sort()).toEqual(
      ['Alexander Darchiyev', 'Dmitry Koshelev', 'Dmitry Peskov', 'Donald Trump', 'Joe Biden', 'Maria Zakharova', 'Sergei Lavrov', 'Sonata Coulter', 'Vladimir Putin'],
    );
  });
  it('finds the organisations, each once', () => {
    const orgs = names(e.organisations);
    expect(orgs).toEqual(expect.arrayContaining(['Kremlin', 'FSB', 'TASS', 'US State Department', 'Russian Foreign Ministry']));
    expect(new Set(orgs).size).toBe(orgs.length);
    for (const o of orgs) expect(o).not.toMatch(/\b(Consul|General|Minister|Secretary|President)$/);
  });
  it('finds the places, each once, the US as one place', () => {
    const places = names(e.places);
    expect(places).toEqual(expect.arrayContaining(['Istanbul', 'Russia', 'United States', 'Washington', 'Kyiv', 'Ukraine', 'Moscow', 'Saudi Arabia', 'Arctic']));
    expect(places.some((p) => /turk/i.test(p))).toBe(true);
    expect(new Set(places).size).toBe(places.length);
    expect(places).not.toContain('US');
    expect(places).not.toContain('Russian');
  });
  it('gives slugs, aliases and mention counts', () => {
    const putin = find(e.people, 'Vladimir Putin')!;
    expect(putin.slug).toBe('vladimir-putin');
    expect(putin.aliases).toContain('Putin');
    expect(putin.mentions).toBeGreaterThanOrEqual(4);
    const slugs = [...e.people, ...e.organisations, ...e.places].map((x) => x.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });
  it('gives roles', () => {
    expect(find(e.people, 'Dmitry Peskov')).toMatchObject({ role: 'Kremlin spokesperson', roleOrg: 'Kremlin' });
    expect(find(e.people, 'Maria Zakharova')?.roleOrg).toBe('Russian Foreign Ministry');
    expect(find(e.people, 'Sonata Coulter')?.role).toBe('Deputy Assistant Secretary of State');
  });
});

describe('extractEntities: contract', () => {
  it('is pure and deterministic', () => {
    const input = { headline: 'EU REJECTS CALL', paragraphs: ['The European Commission said on Thursday it disagreed with Germany.'] };
    expect(extractEntities(input)).toEqual(extractEntities(input));
    expect(EXTRACTOR_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
  it('handles empty input', () => {
    expect(extractEntities({ paragraphs: [] })).toEqual({ people: [], organisations: [], places: [] });
    expect(extractEntities({ paragraphs: ['', '  '] })).toEqual({ people: [], organisations: [], places: [] });
  });
});

describe('spansFromTags: no month after a body\'s name', () => {
  const cases: [string, string[], string][] = [
    // [sentence, tags, the mention's text]
    ["The Bank of Japan's December survey", ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O'], 'Bank of Japan'],
    ['Allensbach April 38.0', ['B-ORG', 'I-ORG', 'O'], 'Allensbach'],
    // a month after "of" is part of the name; a person's name may end in one
    ['the Fourth of July parade', ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O'], 'Fourth of July'],
    ['Theresa May said so', ['B-PER', 'I-PER', 'O', 'O'], 'Theresa May'],
  ];
  for (const [text, tags, want] of cases) {
    it(`${text}: ${tags.join(' ')}`, () => expect(mentionsOf(text, tags).map((m) => m.text)).toEqual([want]));
  }
});

describe('standsAlone: a lone given name where a whole name stands is a person, not a fragment', () => {
  const cases: [string, string[], boolean][] = [
    // [sentence, tags (the given name's B-PER is the mention asked about), whether it stands alone]
    ['PSV Eindhoven 3 (Marcelo 19th, 47th)', ['B-ORG', 'I-ORG', 'O', 'O', 'B-PER', 'O', 'O', 'O', 'O', 'O', 'O'], true],
    ['Pedro Linhart (Spain), Jamie', ['O', 'O', 'O', 'O', 'O', 'O', 'B-PER'], true],
    ['He thanked his son, Michael.', ['O', 'O', 'O', 'O', 'O', 'B-PER', 'O'], false],
    ['Michael said he would stay', ['B-PER', 'O', 'O', 'O', 'O'], false],
  ];
  for (const [text, tags, want] of cases) {
    it(`${text}: ${want}`, () => {
      const { s } = tagged(text, tags);
      const m = mentionsOf(text, tags).find((x) => x.type === 'PER')!;
      expect(standsAlone(s, m)).toBe(want);
    });
  }
  it('keeps such a name as a person in the article', () => {
    expect(names(run('Volendam 1 (Jongsma 85th) PSV Eindhoven 3 (Marcelo 19th, 47th, 56th).').people)).toContain('Marcelo');
  });
});

describe('applyRules: a company\'s legal name takes the capitalised word before it', () => {
  const cases: [string, string[], string[]][] = [
    ['it bought Daniels Pharmaceuticals Inc of Florida', ['O', 'O', 'B-PER', 'B-PER', 'I-PER', 'O', 'B-LOC'], ['O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'B-LOC']],
    // at the end of a line without a stop too
    ['Sold to Daniels Pharmaceuticals Inc', ['O', 'O', 'B-PER', 'B-PER', 'I-PER'], ['O', 'O', 'B-ORG', 'I-ORG', 'I-ORG']],
    ['mine managers Gold Fields of South Africa Ltd said', ['O', 'O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O'], ['O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O']],
    // not a day, a demonym, a place, or the first word of a sentence
    ['shares rose on Monday Acme Corp said', ['O', 'O', 'O', 'O', 'B-ORG', 'I-ORG', 'O'], ['O', 'O', 'O', 'O', 'B-ORG', 'I-ORG', 'O']],
    ['the Japanese Toyota Motor Corp said', ['O', 'B-MISC', 'B-ORG', 'I-ORG', 'I-ORG', 'O'], ['O', 'B-MISC', 'B-ORG', 'I-ORG', 'I-ORG', 'O']],
    ['Shares Acme Corp rose', ['O', 'B-ORG', 'I-ORG', 'O'], ['O', 'B-ORG', 'I-ORG', 'O']],
  ];
  for (const [text, tags, want] of cases) {
    it(`${text}: ${tags.join(' ')}`, () => expect(ruled(text, tags)).toEqual(want));
  }
});

describe('applyRules: bodies named "… Ministry"', () => {
  const cases: [string, string[], string[]][] = [
    // [sentence, tags from the tagger, tags after the rules]
    ['The Russian Foreign Ministry said', ['O', 'B-MISC', 'I-MISC', 'I-MISC', 'O'], ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O']],
    ['The Russian Foreign Ministry said', ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O'], ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O']],
    ['The Foreign Ministry said', ['O', 'O', 'O', 'O'], ['O', 'B-ORG', 'I-ORG', 'O']],
    ['A Russian Foreign Ministry official said', ['O', 'B-MISC', 'I-MISC', 'I-MISC', 'I-MISC', 'O'], ['O', 'O', 'O', 'O', 'O', 'O'].map((t, i) => (i === 2 ? 'B-ORG' : i === 3 ? 'I-ORG' : t))],
  ];
  for (const [text, tags, want] of cases) {
    it(`${text}: ${tags.join(' ')}`, () => expect(ruled(text, tags)).toEqual(want));
  }
});

describe('applyRules: the sides of a fixture ("Plymouth v Preston") or a result ("Gremio 6 Bragantino 1") are teams', () => {
  const cases: [string, string[], string[]][] = [
    // [sentence, tags from the tagger, tags after the rules]
    ['Plymouth v Preston', ['B-LOC', 'O', 'B-LOC'], ['B-ORG', 'O', 'B-ORG']],
    ['Newcastle v Tottenham or Nottingham Forest', ['B-LOC', 'O', 'B-ORG', 'O', 'B-LOC', 'I-LOC'], ['B-ORG', 'O', 'B-ORG', 'O', 'B-ORG', 'I-ORG']],
    ['Southampton or Brentford v Manchester United', ['B-LOC', 'O', 'B-LOC', 'O', 'B-ORG', 'I-ORG'], ['B-ORG', 'O', 'B-ORG', 'O', 'B-ORG', 'I-ORG']],
    ['Lyngby (Denmark) v Club Brugge (Belgium)', ['B-LOC', 'O', 'B-LOC', 'O', 'O', 'B-ORG', 'I-ORG', 'O', 'B-LOC', 'O'], ['B-ORG', 'O', 'B-LOC', 'O', 'O', 'B-ORG', 'I-ORG', 'O', 'B-LOC', 'O']],
    // national sides are their countries; people stay people; "V." is an initial, not "versus"
    ['England v Republic of Ireland', ['B-LOC', 'O', 'B-LOC', 'I-LOC', 'I-LOC'], ['B-LOC', 'O', 'B-LOC', 'I-LOC', 'I-LOC']],
    ['France v Switzerland', ['B-LOC', 'O', 'B-LOC'], ['B-LOC', 'O', 'B-LOC']],
    ['Henman v Federer', ['B-PER', 'O', 'B-PER'], ['B-PER', 'O', 'B-PER']],
    ['Derby V. Drakes', ['B-LOC', 'B-PER', 'I-PER'], ['B-LOC', 'B-PER', 'I-PER']],
    ['Leeds and Chelsea', ['B-LOC', 'O', 'B-LOC'], ['B-LOC', 'O', 'B-LOC']],
    // results: two sides each followed by a score
    ['Gremio 6 Bragantino 1', ['B-LOC', 'O', 'B-PER', 'O'], ['B-ORG', 'O', 'B-ORG', 'O']],
    ['In Chorzow: Ruch Chorzow (Poland) 5 Llansantffraid (Wales) 0', ['O', 'B-LOC', 'O', 'B-PER', 'I-PER', 'O', 'B-LOC', 'O', 'O', 'B-LOC', 'O', 'B-LOC', 'O', 'O'], ['O', 'B-LOC', 'O', 'B-ORG', 'I-ORG', 'O', 'B-LOC', 'O', 'O', 'B-ORG', 'O', 'B-LOC', 'O', 'O']],
    ['In Luxembourg: US Luxembourg (Luxembourg) 0 Varteks Varazdin', ['O', 'B-LOC', 'O', 'B-ORG', 'I-ORG', 'O', 'B-LOC', 'O', 'O', 'B-PER', 'I-PER'], ['O', 'B-LOC', 'O', 'B-ORG', 'I-ORG', 'O', 'B-LOC', 'O', 'O', 'B-ORG', 'I-ORG']],
    ['Germany 2 Brazil 1', ['B-LOC', 'O', 'B-LOC', 'O'], ['B-LOC', 'O', 'B-LOC', 'O']],
    ['Clinton met Dole 3 times', ['B-PER', 'O', 'B-PER', 'O', 'O'], ['B-PER', 'O', 'B-PER', 'O', 'O']],
    ['Sampras (U.S.) 6-3 Chang (U.S.) 6-4', ['B-PER', 'O', 'B-LOC', 'O', 'O', 'B-PER', 'O', 'B-LOC', 'O', 'O'], ['B-PER', 'O', 'B-LOC', 'O', 'O', 'B-PER', 'O', 'B-LOC', 'O', 'O']],
  ];
  for (const [text, tags, want] of cases) {
    it(`${text}: ${tags.join(' ')}`, () => expect(ruled(text, tags)).toEqual(want));
  }
});

describe('groupEntities: a lone first name read as a body or place joins the one person it begins', () => {
  const gaz = defaultTagger().gaz;
  let at = 0;
  /** Mentions as the tagger might read them: [text, type] in order. */
  const mentions = (...list: Array<[string, MentionType]>): Mention[] => list.map(([text, type]) => ({ type, seq: 0, start: at, end: (at += text.split(' ').length), text, raw: text }));
  const summary = (ms: Mention[]) => groupEntities(ms, gaz).map((e) => `${e.type} ${e.name}${e.forms.size > 1 ? ` (${[...e.forms.keys()].filter((f) => f !== e.name).sort().join(', ')})` : ''}`).sort();
  const cases: Array<[string, Array<[string, MentionType]>, string[]]> = [
    ['a first name split from the full name (no known word)', [['Joss Stone', 'PER'], ['Joss', 'ORG'], ['Stone', 'PER']], ['PER Joss Stone (Joss, Stone)']],
    ['a first name said alone, again and again', [['Arsene Wenger', 'PER'], ['Arsene', 'ORG'], ['Arsene', 'ORG'], ['Arsene', 'ORG']], ['PER Arsene Wenger (Arsene)']],
    ['a known given name read as a place', [['Victor Conte', 'PER'], ['Victor', 'LOC']], ['PER Victor Conte (Victor)']],
    ['two people with that first name: no one to join', [['Gary Neville', 'PER'], ['Gary Lineker', 'PER'], ['Gary', 'ORG']], ['ORG Gary', 'PER Gary Lineker', 'PER Gary Neville']],
    ['a party before a full name', [['Tory Liam Fox', 'PER'], ['Tory', 'ORG']], ['ORG Tory', 'PER Tory Liam Fox']],
    ['a common word that is a given name too, named alone three times', [['Sky', 'ORG'], ['Sky', 'ORG'], ['Sky', 'ORG'], ['Sky Plus', 'PER']], ['ORG Sky', 'PER Sky Plus']],
    ['a name that ends as a body\'s does', [['Broadreach', 'ORG'], ['Broadreach Networks', 'PER']], ['ORG Broadreach', 'PER Broadreach Networks']],
    ['a place the gazetteer knows', [['Paris', 'LOC'], ['Paris Hilton', 'PER']], ['LOC Paris', 'PER Paris Hilton']],
    ['an acronym', [['BT', 'ORG'], ['BT Smith', 'PER']], ['ORG BT', 'PER BT Smith']],
  ];
  it.each(cases)('%s', (_label, list, expected) => {
    expect(summary(mentions(...list))).toEqual(expected);
  });
});

describe('dropTitleFragments: a common word read as a person beside another capitalised word is a piece of a title', () => {
  const tagger = defaultTagger();
  const words = { common: tagger.gaz.common, proper: tagger.gaz.proper, firstname: tagger.gaz.sets.firstname };
  /** The people left after the rule when the tagger reads `person` (one word) as a person and nothing else. */
  const peopleLeft = (text: string, person: string) => {
    const s = tagger.prepare({ paragraphs: [text] }).seqs[0];
    const tags = s.tokens.map((t) => (t.text === person ? 'B-PER' : 'O'));
    expect(tags).toContain('B-PER');
    return dropTitleFragments(spansFromTags(s, 0, tags, tagger.gaz), [s], words).filter((m) => m.type === 'PER').map((m) => m.text);
  };
  const cases: Array<[string, string, string, string[]]> = [
    ['in a film title', 'The Motorcycle Diaries won a prize in Cannes last year.', 'Motorcycle', []],
    ['in a film title, after "of"', 'He directed House of Flying Daggers in China.', 'Flying', []],
    ['in a charity single\'s name', 'Band Aid recorded the song again in November.', 'Band', []],
    ['after a title', 'Lord Falconer said the plan was sound.', 'Falconer', ['Falconer']],
    ['after a given name', 'The MEP Gerard Batten said it was wrong.', 'Batten', ['Batten']],
    ['no capitalised word beside it', 'The singer Usher said he was pleased.', 'Usher', ['Usher']],
    ['a known name', 'Chancellor Gordon Brown said Brown Street was closed.', 'Brown', ['Brown', 'Brown']],
  ];
  it.each(cases)('%s', (_label, text, person, expected) => {
    expect(peopleLeft(text, person)).toEqual(expected);
  });
});

/** A paragraph as the tagger reads it, with the given names (words in order) tagged as the given kinds and nothing else. */
function taggedAs(text: string, spans: Array<[string, MentionType]>) {
  const tagger = defaultTagger();
  const seqs = tagger.prepare({ paragraphs: [text] }).seqs;
  const mentions = seqs.flatMap((s, i) => {
    const tags = s.tokens.map(() => 'O');
    for (const [name, type] of spans) {
      const words = name.split(' ');
      for (let k = 0; k + words.length <= s.tokens.length; k++) {
        // (a name inside one tagged before it stays part of that one)
        if (words.every((w, j) => s.tokens[k + j].text === w && tags[k + j] === 'O')) words.forEach((_, j) => (tags[k + j] = `${j ? 'I' : 'B'}-${type}`));
      }
    }
    return spansFromTags(s, i, tags, tagger.gaz);
  });
  return { seqs, mentions, isPlace: (n: string) => tagger.gaz.isPlace(n) };
}

/** A case of a table: its label, a sentence, the spans the tagger is given, what the step under test makes of them. */
type TaggedCase = [label: string, text: string, spans: Array<[string, MentionType]>, expected: string[]];

/** One test per case: what `read` makes of the sentence with those spans is the expected list. */
function eachCase(cases: TaggedCase[], read: (text: string, spans: Array<[string, MentionType]>) => string[]): void {
  it.each(cases)('%s', (_label, text, spans, expected) => {
    expect(read(text, spans)).toEqual(expected);
  });
}

describe('dropWorkTitles: recordings and works named as such', () => {
  const left = (text: string, spans: Array<[string, MentionType]>) => {
    const { seqs, mentions, isPlace } = taggedAs(text, spans);
    return dropWorkTitles(mentions, seqs, isPlace).mentions.map((m) => m.text);
  };
  const cases: TaggedCase[] = [
    ['a possessive before "single"', "The Jimi Hendrix Experience's first single Hey Joe was signed by the band.", [['Jimi Hendrix Experience', 'ORG'], ['Hey Joe', 'PER']], ['Jimi Hendrix Experience']],
    ['"first single"', 'She released her first single So High at 18.', [['So High', 'ORG']], []],
    ['a year before "hit"', "Collins recorded Eric Clapton's 1991 hit Tears In Heaven for charity.", [['Collins', 'PER'], ['Eric Clapton', 'PER'], ['Tears In Heaven', 'ORG']], ['Collins', 'Eric Clapton']],
    ['described as a film', 'The prize went to Aaltra, a Belgian film about two men.', [['Aaltra', 'LOC']], []],
    ['a name with a capitalised small word inside', 'Bill Murray starred in Lost In Translation last year.', [['Bill Murray', 'PER'], ['Lost In Translation', 'ORG']], ['Bill Murray']],
    ['a song', 'Palmer sang Addicted To Love on the show.', [['Palmer', 'PER'], ['Addicted To Love', 'ORG']], ['Palmer']],
    // not a recording or a work
    ['"of", "the", "and" and "for" inside a body\'s name', 'Friends Of The Earth and the Campaign For Nuclear Disarmament met.', [['Friends Of The Earth', 'ORG'], ['Campaign For Nuclear Disarmament', 'ORG']], ['Friends Of The Earth', 'Campaign For Nuclear Disarmament']],
    ['"single" with no word that makes it a record\'s', 'A single Arsenal goal settled it.', [['Arsenal', 'ORG']], ['Arsenal']],
    ['"hit" as a verb', 'The storm hit Florida on Monday.', [['Florida', 'LOC']], ['Florida']],
    ['a name before a show', 'It was the hit BBC One show of the year.', [['BBC One', 'ORG']], ['BBC One']],
    ['the maker before "the film"', 'Directed by Antoine Fuqua, the film was poorly received.', [['Antoine Fuqua', 'PER']], ['Antoine Fuqua']],
    ['a role, not a work', 'Mike Leigh, a film director, was there.', [['Mike Leigh', 'PER']], ['Mike Leigh']],
    ['a noun phrase of its own', 'Paramount Pictures, a studio behind the film, said little.', [['Paramount Pictures', 'ORG']], ['Paramount Pictures']],
  ];
  eachCase(cases, left);
});

describe('splitConjoined: two names read as one across "and"', () => {
  const split = (text: string, spans: Array<[string, MentionType]>) => {
    const { seqs, mentions, isPlace } = taggedAs(text, spans);
    return splitConjoined(mentions, seqs, isPlace).map((m) => `${m.type} ${m.text}`);
  };
  const cases: TaggedCase[] = [
    ['each side named alone elsewhere', 'Microsoft and Google compete. Microsoft won. Google lost.', [['Microsoft and Google', 'ORG'], ['Microsoft', 'ORG'], ['Google', 'ORG']], ['ORG Microsoft', 'ORG Google', 'ORG Microsoft', 'ORG Google']],
    ['each side of the kind it has alone', 'Yugansk and Russia fell out. Russia said no. Yugansk said yes.', [['Yugansk and Russia', 'ORG'], ['Russia', 'LOC'], ['Yugansk', 'ORG']], ['ORG Yugansk', 'LOC Russia', 'LOC Russia', 'ORG Yugansk']],
    ['places the gazetteer knows, in a place\'s name', 'Flights from Boston and Chicago were cut.', [['Boston and Chicago', 'LOC']], ['LOC Boston', 'LOC Chicago']],
    ['places the gazetteer knows, in a body\'s name', 'Shipping starts in the US and Europe in March.', [['US and Europe', 'ORG']], ['LOC US', 'LOC Europe']],
    ['a place beside a place named alone', 'Sales grew in the US and Europe. The US led.', [['US and Europe', 'ORG'], ['US', 'LOC']], ['LOC US', 'LOC Europe', 'LOC US']],
    ['two companies\' legal names', 'Chevron Corp and Texaco Inc agreed terms.', [['Chevron Corp and Texaco Inc', 'ORG']], ['ORG Chevron Corp', 'ORG Texaco Inc']],
    // one name
    ['a body whose sides are not named alone', 'The Department of Trade and Industry said so.', [['Department of Trade and Industry', 'ORG']], ['ORG Department of Trade and Industry']],
    ['one side only named alone', 'The Food and Agriculture Organisation met. Food prices rose.', [['Food and Agriculture Organisation', 'ORG']], ['ORG Food and Agriculture Organisation']],
    ['a place the gazetteer knows whole', 'Trinidad and Tobago won. Trinidad cheered.', [['Trinidad and Tobago', 'LOC'], ['Trinidad', 'LOC']], ['LOC Trinidad and Tobago', 'LOC Trinidad']],
    ['a place word outside a place\'s name', 'Rogers and Hammerstein wrote it. Hammerstein said so.', [['Rogers and Hammerstein', 'ORG'], ['Hammerstein', 'PER']], ['ORG Rogers and Hammerstein', 'PER Hammerstein']],
    ['a place beside a company\'s legal name', 'The Hong Kong and Shanghai Banking Corporation said so.', [['Hong Kong and Shanghai Banking Corporation', 'ORG']], ['ORG Hong Kong and Shanghai Banking Corporation']],
    ['one legal name only', 'Marks and Spencer plc reported.', [['Marks and Spencer plc', 'ORG']], ['ORG Marks and Spencer']],
  ];
  eachCase(cases, split);
});

describe('kinds read from the words around a name', () => {
  const read = (text: string, spans: Array<[string, MentionType]>) => {
    const { seqs, mentions } = taggedAs(text, spans);
    return retypeCompanies(mentions, seqs).map((m) => `${m.type} ${m.text}`);
  };
  const cases: TaggedCase[] = [
    ['a name running on into ".com" is a business\'s, in the whole article', 'It links to Amazon.com for books. Amazon said so.', [['Amazon', 'LOC']], ['ORG Amazon', 'ORG Amazon']],
    ['".co.uk" too', 'Shoppers went to Argos.co.uk instead.', [['Argos', 'PER']], ['ORG Argos']],
    ['a sentence ending after a place is no web address', 'He flew to Amazonas. Com officials met him.', [['Amazonas', 'LOC']], ['LOC Amazonas']],
    ['a region\'s demonym is no place', 'The film topped the North American box office in South Africa.', [['North American', 'LOC'], ['South Africa', 'LOC']], ['LOC South Africa']],
  ];
  eachCase(cases, read);
});

describe('applyRules: a body\'s name goes on over "of" and the capitalised words after it', () => {
  const names = (text: string, spans: Array<[string, MentionType]>) => {
    const tagger = defaultTagger();
    const s = tagger.prepare({ paragraphs: [text] }).seqs[0];
    const { mentions } = taggedAs(text, spans);
    const tags = s.tokens.map(() => 'O');
    for (const m of mentions) for (let k = m.start; k < m.end; k++) tags[k] = `${k === m.start ? 'B' : 'I'}-${m.type}`;
    return spansFromTags(s, 0, applyRules(s, tags, tagger.gaz), tagger.gaz).map((m) => `${m.type} ${m.text}`);
  };
  const cases: TaggedCase[] = [
    ['over "of the" and title words, and kept as a body', 'Prices fell, the Office of the Deputy Prime Minister said.', [['Office', 'ORG']], ['ORG Office of the Deputy Prime Minister']],
    ['over a name read as a person\'s, up to "and"', 'It came after House of Fraser and Woolworths reported.', [['House', 'ORG'], ['Fraser', 'PER'], ['Woolworths', 'ORG']], ['ORG House of Fraser', 'ORG Woolworths']],
    ['a station\'s number', 'She told BBC Radio 4\'s Today programme. Channel 4 showed it.', [['BBC Radio', 'ORG']], ['ORG BBC Radio 4', 'ORG Channel 4']],
    ['a place\'s name over "of"', 'They played the Republic of Ireland in Dublin.', [['Republic', 'LOC'], ['Ireland', 'LOC'], ['Dublin', 'LOC']], ['LOC Republic of Ireland', 'LOC Dublin']],
    ['a name the tagger started at a particle joins the word before it', 'They met at the Stade de France on Saturday.', [['Stade', 'LOC'], ['de France', 'LOC']], ['LOC Stade de France']],
    ['a person\'s, too', 'Ruud van Nistelrooy scored twice.', [['Ruud', 'PER'], ['van Nistelrooy', 'PER']], ['PER Ruud van Nistelrooy']],
    ['a race so named is an event', 'He won the Tour de France twice.', [['de France', 'LOC']], ['MISC Tour de France']],
    ['no capitalised word before the particle', 'Chirac met de Villepin on Monday.', [['Chirac', 'PER'], ['de Villepin', 'PER']], ['PER Chirac', 'PER de Villepin']],
    ['an untagged word opening the sentence', 'Meanwhile de Villepin left.', [['de Villepin', 'PER']], ['PER de Villepin']],
    ['an interjection is no name', 'Oh, but she is not.', [['Oh', 'LOC']], []],
    ['over a second "of"', 'Staff at the University of the West of England said so.', [['University', 'ORG'], ['West of England', 'LOC']], ['ORG University of the West of England']],
    // not
    ['a head word read as no body', 'The university of Leeds said so.', [['Leeds', 'LOC']], ['LOC Leeds']],
    ['a body whose last word heads no name', 'Chelsea of course beat Arsenal.', [['Chelsea', 'ORG'], ['Arsenal', 'ORG']], ['ORG Chelsea', 'ORG Arsenal']],
  ];
  eachCase(cases, names);
});

describe('isCommonWordPlace: an English word read as a place no gazetteer knows', () => {
  const dropped = (text: string, spans: Array<[string, MentionType]>) => {
    const { seqs, mentions } = taggedAs(text, spans);
    const tagger = defaultTagger();
    return groupEntities(mentions, tagger.gaz)
      .filter((e) => e.type === 'LOC' && isCommonWordPlace(e.name, e.mentions, seqs, tagger.gaz))
      .map((e) => e.name);
  };
  const cases: TaggedCase[] = [
    ['a title read as a place', 'Love was the second most watched show of the week.', [['Love', 'LOC']], ['Love']],
    ['a product read as a place', 'Blackberry users can now read their mail abroad.', [['Blackberry', 'LOC']], ['Blackberry']],
    ['a game read as a place', 'Snake is still the most played game on mobile phones.', [['Snake', 'LOC']], ['Snake']],
    ['the plural of a word, a piece of a title', 'The Lord of the Rings won again.', [['Rings', 'LOC']], ['Rings']],
    ['after a locative word', 'The match in Hull was called off.', [['Hull', 'LOC']], []],
    ['after a locative word and "the"', 'The dinner at the Savoy raised £1m.', [['Savoy', 'LOC']], []],
    ['one mention after a locative is enough', 'Hull won again. Fans in Hull celebrated.', [['Hull', 'LOC']], []],
    ['a point of the compass', 'The North voted Labour, the report said.', [['North', 'LOC']], []],
    ['a place the gazetteer knows', 'Reading has a new stadium.', [['Reading', 'LOC']], []],
    ['an abbreviation with its full stop', 'The firm is based in Boston , Mass. and employs 300 people.', [['Boston', 'LOC'], ['Mass', 'LOC']], []],
    ['two words', 'Wall Street fell on Monday.', [['Wall Street', 'LOC']], []],
    ['no dictionary word', 'Crewe lost at home.', [['Crewe', 'LOC']], []],
  ];
  eachCase(cases, dropped);
});

/** The people read from a sentence given its tagged spans. */
const peopleOf = (text: string, spans: Array<[string, MentionType]>) => taggedAs(text, spans).mentions.filter((m) => m.type === 'PER').map((m) => m.text);

describe('spansFromTags: a noun of occupation opening the sentence is no part of the name after it', () => {
  const cases: TaggedCase[] = [
    ['an occupation in -ian', 'Comedian Harry Hill said the show would end.', [['Comedian Harry Hill', 'PER']], ['Harry Hill']],
    ['an occupation in -er', 'Cinematographer John Mathieson shot the film in Morocco.', [['Cinematographer John Mathieson', 'PER']], ['John Mathieson']],
    ['an occupation in -er, a suffix kept', 'Drummer Larry Mullen Jr joined later.', [['Drummer Larry Mullen Jr', 'PER']], ['Larry Mullen Jr']],
    ['a given name that is an English word', 'Gilles De Bilde scored twice.', [['Gilles De Bilde', 'PER']], ['Gilles De Bilde']],
    ['a word of five letters or fewer', 'Pier Francesco Chili won the race.', [['Pier Francesco Chili', 'PER']], ['Pier Francesco Chili']],
    ['a word that is also a proper noun', 'Walker Evans Smith took the picture.', [['Walker Evans Smith', 'PER']], ['Walker Evans Smith']],
    ['not opening the sentence', 'Fans of Comedian Harry Hill queued.', [['Comedian Harry Hill', 'PER']], ['Comedian Harry Hill']],
    ['a name of one word after it', 'Comedian Hill said the show would end.', [['Comedian Hill', 'PER']], ['Comedian Hill']],
  ];
  eachCase(cases, peopleOf);
});

describe('spansFromTags: a nationality before a person\'s name is no part of it', () => {
  const cases: TaggedCase[] = [
    ['an adjective', 'The race went to Namibian Frankie Fredericks again.', [['Namibian Frankie Fredericks', 'PER']], ['Frankie Fredericks']],
    ['a noun', 'She lost to Spaniard Conchita Martinez in the final.', [['Spaniard Conchita Martinez', 'PER']], ['Conchita Martinez']],
    ['a noun in -man, opening the sentence', 'Welshman Ray Reardon won six titles.', [['Welshman Ray Reardon', 'PER']], ['Ray Reardon']],
    ['the last word of a two-word nationality', 'New Zealander Peter Jackson directed it.', [['Zealander Peter Jackson', 'PER']], ['Peter Jackson']],
    ['a place\'s resident', 'New Yorker Rebecca Weinstein won.', [['Yorker Rebecca Weinstein', 'PER']], ['Rebecca Weinstein']],
    ['a name in -er that is no resident', 'Walter Carter Smith won.', [['Walter Carter Smith', 'PER']], ['Walter Carter Smith']],
    ['a name of one word after it', 'She lost to Spaniard Martinez.', [['Spaniard Martinez', 'PER']], ['Spaniard Martinez']],
    ['a given name that is a nationality', 'German Gref said so.', [['German Gref', 'PER']], ['German Gref']],
  ];
  eachCase(cases, peopleOf);
});
