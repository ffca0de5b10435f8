// Organisation names: "Russian" + "Foreign Ministry" -> "Russian Foreign
// Ministry"; lower-case references ("the state department") counted as
// aliases of the named body.
import type { Seq } from './doc.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { Mention } from './mentions.ts';
import { spanText } from './mentions.ts';
import type { Entity } from './canonical.ts';
import { isDemonym } from './lexicon.ts';

const PERIODS = /\./g;

const INSTITUTION_FIRST = new Set(
  'foreign defence defense interior finance economy economic justice health education state home trade agriculture energy culture transport labour labor central national federal supreme constitutional emergency environment information communications industry treasury'.split(' '),
);
const INSTITUTION_LAST = new Set('ministry department office bank army navy government parliament police council court senate congress cabinet embassy'.split(' '));

function isCountryWord(gaz: Gazetteer, l: string): boolean {
  return isDemonym(l) || gaz.countryCanon.has(l.replace(PERIODS, '')) || gaz.countryCanon.has(l);
}

/** Joins a nationality/country word to the institution it qualifies. */
export function extendOrgs(mentions: Mention[], seqs: Seq[], gaz: Gazetteer): Mention[] {
  const out = [...mentions];
  for (const m of mentions) {
    if (m.type !== 'ORG' || m.start === 0 || m.end - m.start > 3) continue;
    const s = seqs[m.seq];
    const prev = mentions.find((p) => p.seq === m.seq && p.end === m.start && p.end - p.start === 1 && (p.type === 'MISC' || p.type === 'LOC'));
    if (!prev) continue;
    const first = s.lower[m.start];
    const last = s.lower[m.end - 1];
    if (!isCountryWord(gaz, s.lower[prev.start])) continue;
    if (!INSTITUTION_FIRST.has(first) && !INSTITUTION_LAST.has(last)) continue;
    // the joined name replaces the short one; the short one stays an alias
    const idx = out.indexOf(m);
    const joined: Mention = { type: 'ORG', seq: m.seq, start: prev.start, end: m.end, text: spanText(s, prev.start, m.end, true), raw: spanText(s, prev.start, m.end, false) };
    out.splice(idx, 1, joined);
    (joined as Mention & { alias?: string }).alias = m.text;
  }
  return out;
}

/** Finds lower-case references to named institutions ("the foreign ministry"). */
export function lowercaseOrgMentions(ents: Entity[], seqs: Seq[], gaz: Gazetteer): void {
  for (const e of ents) {
    if (e.type !== 'ORG') continue;
    for (const m of [...e.mentions]) {
      const alias = (m as Mention & { alias?: string }).alias;
      if (alias) e.forms.set(alias, e.forms.get(alias) ?? 0);
    }
    const toks = e.name.split(' ');
    if (toks.length < 2) continue;
    const firstL = toks[0].toLowerCase();
    const rest = isCountryWord(gaz, firstL) ? toks.slice(1) : toks;
    if (rest.length < 2) continue;
    const lastL = rest[rest.length - 1].toLowerCase();
    if (!INSTITUTION_LAST.has(lastL)) continue;
    const phrase = rest.join(' ').toLowerCase();
    const re = new RegExp(`\\b${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g');
    for (const s of seqs) {
      if (s.caps) continue;
      for (const hit of s.text.matchAll(re)) {
        const surface = hit[0];
        e.forms.set(surface, (e.forms.get(surface) ?? 0) + 1);
        e.extraMentions++;
      }
    }
  }
}
