// Entity extraction: people, organisations and places in one article.
//
// Pipeline: doc (sequences, case restoration of ALL-CAPS lines) -> features
// -> averaged-perceptron BIO tagger (models/ner-model.json, trained by
// scripts/train.ts) -> mentions (clean spans) -> orgs (institution names,
// lower-case references) -> canonical (one entity per thing, aliases) ->
// roles ("Kremlin spokesperson").
import type { Entities, EntityRef } from '../types.ts';
import { slugify } from '../slug.ts';
import { defaultTagger } from './model.ts';
import { dropTitleFragments, dropWorkTitles, isCommonWordPlace, retypeCompanies, spansFromTags, splitConjoined, standsAlone, type Mention } from './mentions.ts';
import { groupEntities, type Entity } from './canonical.ts';
import { extendOrgs, lowercaseOrgMentions } from './orgs.ts';
import { findRoles } from './roles.ts';
import { applyRules } from './rules.ts';

export interface NerInput {
  /** The headline as written (may be ALL CAPS), if the article has one. */
  headline?: string;
  /** The dateline as written ("LONDON 1996-08-30", "ISTANBUL -"), if any. */
  dateline?: string;
  /** Body paragraphs, dateline removed. */
  paragraphs: string[];
}

/** Bump when extraction output changes: it invalidates the ingest cache. */
export const EXTRACTOR_VERSION = '1.7.0';

export function extractEntities(input: NerInput): Entities {
  // The model loads on first use (once per process), so a fully cached ingest never pays for it.
  const tagger = defaultTagger();
  const { seqs, stats } = tagger.prepare(input);
  let mentions: Mention[] = [];
  seqs.forEach((s, i) => {
    if (!s.tokens.length) return;
    mentions.push(...spansFromTags(s, i, applyRules(s, tagger.tagSeq(s, stats), tagger.gaz), tagger.gaz));
  });
  mentions = splitConjoined(mentions, seqs, (name) => tagger.gaz.isPlace(name));
  const titled = dropWorkTitles(mentions, seqs, (name) => tagger.gaz.isPlace(name));
  mentions = retypeCompanies(titled.mentions, seqs);
  mentions = dropTitleFragments(mentions, seqs, { common: tagger.gaz.common, proper: tagger.gaz.proper, firstname: tagger.gaz.sets.firstname });
  mentions = extendOrgs(mentions, seqs, tagger.gaz);
  const ents = groupEntities(mentions, tagger.gaz, (m) => standsAlone(seqs[m.seq], m));
  lowercaseOrgMentions(ents, seqs, tagger.gaz);
  const roles = findRoles(ents, seqs);
  const out: Entities = { people: [], organisations: [], places: [], ...(titled.works.length ? { works: titled.works } : {}) };
  const bucket = { PER: out.people, ORG: out.organisations, LOC: out.places } as const;
  for (const e of ents) {
    if (e.type === 'MISC' || (e.type === 'LOC' && isCommonWordPlace(e.name, e.mentions, seqs, tagger.gaz))) continue;
    bucket[e.type].push(toRef(e, roles.get(e)));
  }
  return out;
}

/**
 * Plain names: ASCII letters and digits in words joined by single spaces or hyphens, at most 80
 * characters. For these slugify() only lower-cases and joins the words with hyphens (there is
 * nothing to transliterate, strip or collapse), so the slug is made here without it.
 */
const PLAIN_NAME = /^[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)*$/;

const slugCache = new Map<string, string>();
function slugOf(name: string): string {
  let s = slugCache.get(name);
  if (s === undefined) {
    s = name.length <= 80 && PLAIN_NAME.test(name) ? name.toLowerCase().replace(/ /g, '-') : slugify(name);
    if (slugCache.size > 50_000) slugCache.clear();
    slugCache.set(name, s);
  }
  return s;
}

function toRef(e: Entity, role?: { role: string; roleOrg?: string }): EntityRef {
  const seen = new Set([e.name.toLowerCase()]);
  const aliases: string[] = [];
  for (const f of e.forms.keys()) {
    const l = f.toLowerCase();
    if (seen.has(l)) continue;
    seen.add(l);
    aliases.push(f);
  }
  const ref: EntityRef = { name: e.name, slug: slugOf(e.name) };
  if (aliases.length) ref.aliases = aliases;
  ref.mentions = e.mentions.length + e.extraMentions;
  if (role) {
    ref.role = role.role;
    if (role.roleOrg) ref.roleOrg = role.roleOrg;
  }
  return ref;
}
