// One-line descriptions of people and organisations from the way the archive introduces them (pure):
// titles before a name ("Kremlin spokesperson Dmitry Peskov"), appositives after it ("Dmitry Peskov,
// the Kremlin's spokesman,"; "Darchiyev, head of the foreign ministry's North America department")
// and the roles NER recorded (EntityRef.role / roleOrg). The most recent role (by article date)
// comes first; a curated description wins over all of them.
import type { Article, EntityKind, EntityRef } from '../types.ts';
import { compareArticles } from '../site/archive-index.ts';
import { entityKey } from './match.ts';
import { wholeWordFinder } from '../lexicon/words.ts';

export interface BioRole {
  text: string;
  articleId: string;
  date?: string;
  /** How many articles give this role. */
  count: number;
}

export interface Bio {
  kind: EntityKind;
  slug: string;
  name: string;
  /** The line to show: the curated description, or the distinct roles most recent first, "; "-joined. */
  line: string;
  source: 'curation' | 'text';
  /** Distinct roles, most recent first. */
  roles: BioRole[];
}

/** Nouns that make a phrase a role or a description. */
const ROLE_NOUNS =
  'spokesperson|spokesman|spokeswoman|minister|president|vice-president|premier|chancellor|secretary|head|chief|director|leader|chairman|chairwoman|chair|ambassador|envoy|governor|mayor|senator|congressman|congresswoman|MP|deputy|commander|general|official|adviser|advisor|aide|negotiator|economist|analyst|strategist|executive|CEO|founder|owner|manager|coach|captain|striker|midfielder|defender|goalkeeper|player|champion|candidate|judge|prosecutor|lawyer|attorney|professor|researcher|scientist|editor|correspondent|reporter|journalist|author|writer|singer|actor|actress|director-general|secretary-general|king|queen|prince|princess|pope|bishop|archbishop|cardinal|rabbi|imam|monarch|dictator|chairperson|treasurer|trader|dealer|broker|economist|governor-general|agency|newspaper|company|firm|group|party|bank|broadcaster|ministry|department|federation|association|union|organisation|organization|alliance|council|committee|court|club|team|carrier|airline|insurer|maker|manufacturer|producer|retailer|operator|regulator|watchdog|service';
const ROLE_RE = new RegExp(`\\b(?:${ROLE_NOUNS})s?\\b`, 'i');
/** Words allowed inside a title before a name, besides capitalised words and role nouns. */
const TITLE_GLUE = new Set(['of', 'for', 'the', "'s", 'state', 'foreign', 'deputy', 'former', 'acting', 'senior', 'assistant', 'general', 'chief', 'executive', 'vice', 'prime', 'finance', 'defence', 'defense', 'interior', 'news', 'opposition', 'shadow', 'party', 'national', 'team', 'club', 'world', 'health', 'trade', 'economy', 'justice', 'education', 'home', 'security', 'press', 'managing', 'new', 'outgoing', 'incoming', 'interim', 'veteran', 'top', 'police', 'military', 'army', 'navy', 'union', 'labour', 'labor', 'government', 'agency', 'run']);
const STOP_BEFORE = new Set(['the', 'a', 'an', 'by', 'with', 'and', 'to', 'from', 'as', 'that', 'said', 'says', 'told', 'when', 'while', 'but', 'after', 'before', 'of', 'for']);

/** Role phrases an article gives for one entity. */
export function rolesInText(paragraphs: string[], e: EntityRef, kind: EntityKind): string[] {
  return rolesInArticle(paragraphs, [{ ref: e, kind }]).get(entityKey(kind, e.slug)) ?? [];
}

/** Role phrases an article gives for each of its people and organisations (one scan per article). */
export function rolesInArticle(paragraphs: string[], list: Array<{ ref: EntityRef; kind: EntityKind }>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const forms = new Map<string, { key: string; names: string[] }>();
  for (const { ref: e, kind } of list) {
    const key = entityKey(kind, e.slug);
    const names = [e.name, ...(e.aliases ?? [])].filter((n) => n.length >= 3);
    if (kind === 'people') {
      const parts = e.name.split(/\s+/);
      if (parts.length > 1 && parts[parts.length - 1].length >= 3) names.push(parts[parts.length - 1]);
    }
    for (const n of names) if (!forms.has(n)) forms.set(n, { key, names });
  }
  if (!forms.size) return out;
  const findNames = wholeWordFinder(forms.keys());
  const add = (key: string, r: string) => {
    const l = out.get(key);
    if (l) l.push(r);
    else out.set(key, [r]);
  };
  for (const p of paragraphs) {
    for (const m of findNames(p)) {
      const f = forms.get(m.text);
      if (!f) continue;
      const at = m.index;
      // Appositive after the name: "Name, the Kremlin's spokesman," / "Name, head of …".
      const after = p.slice(at + m.text.length, at + m.text.length + 160);
      const ap = /^,\s+((?:the|a|an)\s+)?([^,.;:()"“”]{3,90}?)(?=,|\.(?:\s|$)|;|\s+(?:said|says|told|who|which)\b|$)/u.exec(after);
      if (ap) {
        const phrase = (ap[1] ?? '') + ap[2];
        const firstWord = ap[2].split(/\s+/)[0];
        const isDescription = (ap[1] || /^\p{Ll}/u.test(firstWord)) && ROLE_RE.test(ap[2]) && !/^(?:who|which|whose|where|when|said|says|and|but|he|she|it|they)\b/i.test(ap[2]);
        if (isDescription && ap[2].split(/\s+/).length <= 12) add(f.key, tidy(phrase));
      }
      // Title before the name: "Kremlin spokesperson Dmitry Peskov".
      const before = p.slice(Math.max(0, at - 120), at);
      if (before && !/\s$/.test(before)) continue;
      // The title takes at most 7 words, so only the last 7 are split off.
      const words = lastWords(before, 7);
      const title: string[] = [];
      for (let i = words.length - 1; i >= 0 && title.length < 7; i--) {
        const w = words[i];
        const bare = w.replace(/[’']s$/, '');
        if (/[,.;:!?"“”()]$/.test(w)) break;
        const lower = bare.toLowerCase();
        if (/^\p{Lu}/u.test(bare) || ROLE_RE.test(bare) || TITLE_GLUE.has(lower) || /^[\p{L}-]+-(?:run|based|born|owned)$/u.test(bare)) {
          if (STOP_BEFORE.has(lower) && !title.length) break;
          title.unshift(w);
        } else break;
      }
      while (title.length && STOP_BEFORE.has(title[0].toLowerCase())) title.shift();
      // A sentence-initial word like "But" or "In" is not part of a title.
      while (title.length > 1 && /^(?:But|In|On|At|And|Then|When|While|After|Before|Last|This|The|A|An)$/.test(title[0])) title.shift();
      const lastThree = title.slice(-3).map((w) => w.replace(/[’']s$/, ''));
      if (title.length && lastThree.some((w) => ROLE_RE.test(w)) && !/[’']s$/.test(title[title.length - 1]) && !/^(?:of|for|the)$/i.test(title[title.length - 1])) {
        const t = title.join(' ');
        if (!f.names.some((n) => t.includes(n))) add(f.key, tidy(t));
      }
    }
  }
  return out;
}

/** JavaScript's `\s`, by character code. */
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** The last `max` words of `s`: the end of `s.split(/\s+/).filter(Boolean)`, without splitting all of it. */
export function lastWords(s: string, max: number): string[] {
  const out: string[] = [];
  let end = s.length;
  while (out.length < max) {
    while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
    if (end === 0) break;
    let start = end;
    while (start > 0 && !isSpace(s.charCodeAt(start - 1))) start--;
    out.push(s.slice(start, end));
    end = start;
  }
  return out.reverse();
}

function tidy(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim().replace(/^(?:the|a|an)\s+/i, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

const norm = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();

/**
 * What the bios take from one article: the roles its text gives its people and organisations (rolesInArticle), as
 * [position in the article's people then organisations, roles] for those it gives any.
 */
export type BioPart = Array<[number, string[]]>;

/** The bios' per-article work (pure), remembered per article by ingest. */
export function bioPart(a: Pick<Article, 'paragraphs' | 'people' | 'organisations'>): BioPart {
  const list = [...a.people.map((ref) => ({ ref, kind: 'people' as const })), ...a.organisations.map((ref) => ({ ref, kind: 'organisations' as const }))];
  const roles = rolesInArticle(a.paragraphs, list);
  const out: BioPart = [];
  list.forEach(({ ref, kind }, i) => {
    const r = roles.get(entityKey(kind, ref.slug));
    if (r?.length) out.push([i, r]);
  });
  return out;
}

/**
 * A one-line description for each person and organisation in the archive.
 * `curated`: descriptions from the curation file, keyed `${kind}:${name}` (as buildArchiveIndex takes them).
 * `parts`: each article's bioPart when known (remembered from an earlier run); computed when absent.
 * @example buildBios([]).size //=> 0
 */
export function buildBios(articles: Article[], curated: Map<string, string> = new Map(), opts: { maxRoles?: number; parts?: (a: Article) => BioPart | undefined } = {}): Map<string, Bio> {
  const maxRoles = opts.maxRoles ?? 2;
  const sorted = [...articles].sort(compareArticles); // newest first
  /** `norms[i]` is norm(roles[i].text), kept beside the roles so that no comparison normalises again. */
  const acc = new Map<string, { kind: EntityKind; slug: string; name: string; roles: BioRole[]; norms: string[] }>();
  // Entries are found by kind, then slug (no `kind:slug` string made per mention).
  type Entry = typeof acc extends Map<string, infer E> ? E : never;
  const byKind = { people: new Map<string, Entry>(), organisations: new Map<string, Entry>() };
  for (const a of sorted) {
    const inText = opts.parts?.(a) ?? bioPart(a);
    let at = 0;
    let next = 0;
    for (const kind of ['people', 'organisations'] as const) {
      for (const e of a[kind]) {
        const here = next < inText.length && inText[next][0] === at ? inText[next++][1] : undefined;
        at++;
        let entry = byKind[kind].get(e.slug);
        if (!entry) {
          entry = { kind, slug: e.slug, name: e.name, roles: [], norms: [] };
          byKind[kind].set(e.slug, entry);
          acc.set(entityKey(kind, e.slug), entry);
        }
        if (!e.role && !here) continue; // most mentions give no role: nothing to allocate
        const found: string[] = [];
        if (e.role) {
          const r = e.roleOrg && !norm(e.role).includes(norm(e.roleOrg)) ? `${e.role}, ${e.roleOrg}` : e.role;
          found.push(tidy(r));
        }
        if (here) found.push(...here);
        const seenHere: string[] = [];
        for (const r of found) {
          const n = norm(r);
          if (seenHere.includes(n)) continue;
          seenHere.push(n);
          const { roles, norms } = entry;
          let same = -1;
          for (let i = 0; i < norms.length; i++) {
            const x = norms[i];
            if (x === n || x.includes(n) || n.includes(x)) {
              same = i;
              break;
            }
          }
          if (same >= 0) {
            const role = roles[same];
            role.count++;
            // Keep the fuller wording of the same role.
            if (r.length > role.text.length) {
              role.text = r;
              norms[same] = n;
            }
          } else {
            roles.push({ text: r, articleId: a.id, ...(a.date ? { date: a.date } : {}), count: 1 });
            norms.push(n);
          }
        }
      }
    }
  }
  const out = new Map<string, Bio>();
  for (const [k, { norms: _, ...e }] of acc) {
    const cur = curated.get(`${e.kind}:${e.name}`) ?? curated.get(k);
    if (cur) {
      out.set(k, { ...e, line: cur, source: 'curation' });
      continue;
    }
    if (!e.roles.length) continue;
    out.set(k, { ...e, line: e.roles.slice(0, maxRoles).map((r) => r.text).join('; '), source: 'text' });
  }
  return out;
}
