// markdown-it plugin: the first mention of each entity in the body links to its page; text unchanged.
import type MarkdownIt from 'markdown-it';
import type { EntityKind, EntityRef } from '../types.ts';
import { ENTITY_KINDS } from '../types.ts';

type Token = ReturnType<MarkdownIt['parse']>[number];

export interface MentionTarget {
  surface: string;
  href: string;
  key: string;
}

/** Surface forms to look for, longest first, each tied to its entity page. */
export function mentionTargets(env: Partial<Record<EntityKind, EntityRef[]>>, href: (kind: EntityKind, slug: string) => string): MentionTarget[] {
  const out: MentionTarget[] = [];
  for (const kind of ENTITY_KINDS) {
    for (const e of env[kind] ?? []) {
      for (const s of [e.name, ...(e.aliases ?? [])]) {
        if (s.trim().length > 1) out.push({ surface: s, href: href(kind, e.slug), key: `${kind}:${e.slug}` });
      }
    }
  }
  return out.sort((a, b) => b.surface.length - a.surface.length);
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** A letter, digit or underscore in any script; ASCII is decided without the regular expression (most text is ASCII). */
const isWordChar = (c: string | undefined): boolean => {
  if (!c) return false;
  const x = c.charCodeAt(0);
  if (x < 128) return (x >= 48 && x <= 57) || (x >= 65 && x <= 90) || (x >= 97 && x <= 122) || x === 95;
  return WORD_CHAR.test(c);
};

/** First whole-word occurrence of `needle` in `hay` from `from`, or -1. */
export function findWord(hay: string, needle: string, from = 0): number {
  let i = hay.indexOf(needle, from);
  while (i >= 0) {
    if (!isWordChar(hay[i - 1]) && !isWordChar(hay[i + needle.length])) return i;
    i = hay.indexOf(needle, i + 1);
  }
  return -1;
}

/**
 * `href(kind, slug, env)` gets the render environment (Eleventy's page data) too, so a link can depend on the
 * build being rendered (its path prefix) even when Eleventy reuses a compiled template from an earlier build in the same process.
 */
export function linkMentionsPlugin(md: MarkdownIt, opts: { href: (kind: EntityKind, slug: string, env: Record<string, unknown>) => string }): void {
  md.core.ruler.push('dateline_link_mentions', (state) => {
    const env = state.env as (Partial<Record<EntityKind, EntityRef[]>> & Record<string, unknown>) | undefined;
    if (!env || !ENTITY_KINDS.some((k) => Array.isArray(env[k]) && env[k]!.length)) return false;
    const targets = mentionTargets(env, (kind, slug) => opts.href(kind, slug, env));
    const linked = new Set<string>();
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      block.children = linkChildren(block.children, targets, linked, state.Token as unknown as new (t: string, g: string, n: -1 | 0 | 1) => Token);
    }
    return true;
  });
}

function linkChildren(children: Token[], targets: MentionTarget[], linked: Set<string>, T: new (t: string, g: string, n: -1 | 0 | 1) => Token): Token[] {
  const out: Token[] = [];
  let insideLink = 0;
  for (const tok of children) {
    if (tok.type === 'link_open') insideLink++;
    if (tok.type === 'link_close') insideLink--;
    if (tok.type !== 'text' || insideLink > 0) {
      out.push(tok);
      continue;
    }
    splitText(tok.content, targets, linked, T, out);
  }
  return out;
}

/** Push the tokens of `text` onto `out`: text, with the first mention of each entity not yet linked made a link. */
function splitText(text: string, targets: MentionTarget[], linked: Set<string>, T: new (t: string, g: string, n: -1 | 0 | 1) => Token, out: Token[]): void {
  const mk = (content: string) => {
    const tok = new T('text', '', 0);
    tok.content = content;
    return tok;
  };
  // Find the earliest mention among entities not yet linked; repeat on the rest of the text.
  for (;;) {
    let bestAt = -1;
    let best: MentionTarget | undefined;
    for (const t of targets) {
      if (linked.has(t.key)) continue;
      const at = findWord(text, t.surface);
      if (at >= 0 && (!best || at < bestAt || (at === bestAt && t.surface.length > best.surface.length))) {
        bestAt = at;
        best = t;
      }
    }
    if (!best) {
      if (text) out.push(mk(text));
      return;
    }
    linked.add(best.key);
    const open = new T('link_open', 'a', 1);
    open.attrs = [['href', best.href], ['class', 'mention']];
    if (bestAt > 0) out.push(mk(text.slice(0, bestAt)));
    out.push(open, mk(best.surface), new T('link_close', 'a', -1));
    text = text.slice(bestAt + best.surface.length);
  }
}
