// Roles the text gives people: "Kremlin spokesperson Dmitry Peskov",
// "Russian Foreign Minister Sergei Lavrov", "Darchiyev, head of the
// foreign ministry's North America department".
import type { Seq } from './doc.ts';
import type { Entity } from './canonical.ts';
import { isPossessive } from './tokenize.ts';
import { COURTESY, NON_NAMES, ROLE_HEADS, TITLE_WORDS } from './lexicon.ts';

export interface Role {
  role: string;
  roleOrg?: string;
}

const CAP = /^\p{Lu}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const MAX_ROLE_TOKENS = 12;

function isRoleWord(l: string): boolean {
  return TITLE_WORDS.has(l) || ROLE_HEADS.has(l);
}

/** Pre-nominal role: the title phrase right before the name. */
function before(s: Seq, start: number, personTokens: Set<number>): [number, number] | undefined {
  let a = start;
  for (let k = start - 1; k >= 0 && start - k <= MAX_ROLE_TOKENS; k--) {
    if (personTokens.has(k)) break;
    const t = s.tokens[k].text;
    const l = s.lower[k];
    if (CAP.test(t) && !s.initial[k]) { a = k; continue; }
    if (CAP.test(t) && s.initial[k] && (isRoleWord(l) || k < start - 1)) { a = k; break; }
    if (isRoleWord(l)) { a = k; continue; }
    if (isPossessive(t) && k > 0 && CAP.test(s.tokens[k - 1].text)) continue;
    if ((l === 'of' || l === 'for' || l === '&' || l === 'and') && k + 1 < start && a === k + 1 && k > 0 && (CAP.test(s.tokens[k - 1].text) || isRoleWord(s.lower[k - 1]))) continue;
    break;
  }
  if (a === start) return undefined;
  // the phrase must hold a role word; drop leading function words ("But",
  // "And") and trailing courtesy titles ("spokesman Mr Kemp")
  while (a < start && ((!CAP.test(s.tokens[a].text) && !isRoleWord(s.lower[a])) || NON_NAMES.has(s.lower[a]))) a++;
  let z = start;
  while (z > a && COURTESY.has(s.lower[z - 1])) z--;
  start = z;
  if (a >= start) return undefined;
  let hasHead = false;
  for (let k = a; k < start; k++) if (isRoleWord(s.lower[k])) hasHead = true;
  return hasHead ? [a, start] : undefined;
}

/** Appositive role: "Name, head of the ... department,". */
function after(s: Seq, end: number): [number, number] | undefined {
  if (end >= s.tokens.length || s.tokens[end].text !== ',') return undefined;
  let a = end + 1;
  if (a < s.tokens.length && /^(the|a|an)$/.test(s.lower[a])) a++;
  if (a >= s.tokens.length || !ROLE_HEADS.has(s.lower[a])) return undefined;
  let b = a + 1;
  while (b < s.tokens.length && b - a < MAX_ROLE_TOKENS && !/^[,.;:!?()"“”]$/.test(s.tokens[b].text)) b++;
  if (b < s.tokens.length && !/^[,.;:!?)"”]$/.test(s.tokens[b].text)) return undefined; // ran too long
  return [a, b];
}

function text(s: Seq, a: number, b: number): string {
  let out = '';
  for (let i = a; i < b; i++) out += (i > a && s.tokens[i].start > s.tokens[i - 1].end ? ' ' : '') + s.tokens[i].text;
  return out;
}

export function findRoles(ents: Entity[], seqs: Seq[]): Map<Entity, Role> {
  const out = new Map<Entity, Role>();
  const orgs = ents.filter((e) => e.type === 'ORG');
  const personTokens = new Map<number, Set<number>>();
  for (const e of ents) {
    if (e.type !== 'PER') continue;
    for (const m of e.mentions) {
      let set = personTokens.get(m.seq);
      if (!set) personTokens.set(m.seq, (set = new Set()));
      for (let k = m.start; k < m.end; k++) set.add(k);
    }
  }
  // the organisation named first in the role phrase
  const orgFor = (seq: number, a: number, b: number, phrase: string): string | undefined => {
    let best: string | undefined;
    let bestPos = Infinity;
    const s = seqs[seq];
    const base = s.tokens[a].start;
    const lp = phrase.toLowerCase();
    for (const o of orgs) {
      for (const m of o.mentions) {
        if (m.seq === seq && m.start >= a && m.end <= b) {
          const pos = s.tokens[m.start].start - base;
          if (pos < bestPos) { bestPos = pos; best = o.name; }
        }
      }
      for (const f of o.forms.keys()) {
        if (f.length <= 3) continue;
        const lf = f.toLowerCase();
        // as whole words: "Union" is not named in "Unionist leader"
        for (let pos = lp.indexOf(lf); pos >= 0 && pos < bestPos; pos = lp.indexOf(lf, pos + 1)) {
          if (WORD_CHAR.test(lp.charAt(pos - 1)) || WORD_CHAR.test(lp.charAt(pos + lf.length))) continue;
          bestPos = pos;
          best = o.name;
          break;
        }
      }
    }
    return best;
  };
  for (const e of ents) {
    if (e.type !== 'PER') continue;
    const found: Role[] = [];
    const ms = [...e.mentions].sort((x, y) => x.seq - y.seq || x.start - y.start);
    for (const m of ms) {
      const s = seqs[m.seq];
      if (s.caps) continue;
      for (const span of [before(s, m.start, personTokens.get(m.seq) ?? new Set()), after(s, m.end)]) {
        if (!span) continue;
        const role = text(s, span[0], span[1]).replace(/[’']s$/, '');
        if (role.split(/\s+/).every((w) => COURTESY.has(w.toLowerCase()))) continue;
        const roleOrg = orgFor(m.seq, span[0], span[1], role);
        found.push(roleOrg ? { role, roleOrg } : { role });
      }
    }
    if (!found.length) continue;
    // prefer a role tied to an organisation, then the first given
    out.set(e, found.find((r) => r.roleOrg) ?? found[0]);
  }
  return out;
}
