// The optional YAML frontmatter block of a raw article.
import { parseDocument, isMap, isSeq, isScalar, isAlias, isPair, type Document, type Node as YamlNode } from 'yaml';

export interface RawFrontmatter {
  data: Record<string, unknown>;
  /** Text after the block. */
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  /** 1-based line in the file of a top-level key, when present. */
  keyLine(key: string): number | undefined;
  /** The value of a top-level scalar key exactly as written in the file (`1.50`, not 1.5), when it is a scalar. */
  source(key: string): string | undefined;
  /** Control characters (written as YAML escapes such as "\u001b") removed from keys and values. */
  controlChars: number;
}

export class FrontmatterError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** Largest frontmatter block accepted, in characters. Real frontmatter is a few hundred bytes. */
export const MAX_FRONTMATTER_CHARS = 64 * 1024;
/** Most nodes (values) the frontmatter may expand to, aliases included: stops "billion laughs" alias bombs. */
export const MAX_FRONTMATTER_NODES = 10_000;
/** Deepest nesting of lists and mappings accepted. */
export const MAX_FRONTMATTER_DEPTH = 32;

const NO_FRONTMATTER = { keyLine: () => undefined, source: () => undefined, controlChars: 0 };

/** Control characters a YAML escape can produce; tab and newline are kept. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\uFEFF]/g;


/**
 * Split `---` YAML frontmatter from the text. Throws FrontmatterError (with a file line) when it is not valid YAML,
 * is too large or too deep, or expands aliases beyond a safe size.
 * @example splitFrontmatter('---\ntitle: A\n---\nBody').data.title //=> 'A'
 */
export function splitFrontmatter(text: string): RawFrontmatter {
  if (!/^---[ \t]*\n/.test(text)) return { data: {}, body: text, bodyLine: 1, ...NO_FRONTMATTER };
  // Find the closing line by scanning lines (linear; no regex backtracking on huge input).
  let pos = text.indexOf('\n') + 1;
  let line = 2;
  let end = -1;
  let after = -1;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const l = text.slice(pos, nl < 0 ? text.length : nl);
    if (/^(?:---|\.\.\.)[ \t]*$/.test(l)) {
      end = pos;
      after = nl < 0 ? text.length : nl + 1;
      break;
    }
    if (pos - 4 > MAX_FRONTMATTER_CHARS) {
      throw new FrontmatterError(`frontmatter is longer than ${MAX_FRONTMATTER_CHARS / 1024} KB (or its closing --- line is missing)`, 1);
    }
    if (nl < 0) break;
    pos = nl + 1;
    line++;
  }
  if (end < 0) throw new FrontmatterError('frontmatter block opened with --- is never closed (add a line with --- after it)', 1);
  const yamlText = text.slice(text.indexOf('\n') + 1, end);
  if (yamlText.length > MAX_FRONTMATTER_CHARS) {
    throw new FrontmatterError(`frontmatter is ${Math.ceil(yamlText.length / 1024)} KB, over the ${MAX_FRONTMATTER_CHARS / 1024} KB limit`, 1);
  }
  const fileLine = (offset: number) => countLines(yamlText, offset) + 2; // YAML starts on line 2, after the opening ---
  let doc: Document.Parsed;
  try {
    doc = parseDocument(yamlText, { uniqueKeys: true, prettyErrors: false, version: '1.2', strict: true });
  } catch (e) {
    if (e instanceof RangeError) throw new FrontmatterError(`frontmatter is nested too deeply (more than ${MAX_FRONTMATTER_DEPTH} levels)`, 2);
    throw new FrontmatterError(`invalid YAML frontmatter: ${(e as Error).message.split('\n')[0]}`, 2);
  }
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    if (/call stack/i.test(e.message)) throw new FrontmatterError(`frontmatter is nested too deeply (more than ${MAX_FRONTMATTER_DEPTH} levels)`, 2);
    // An error found at the end of the block (an unclosed bracket) belongs to its last line, not the closing ---.
    throw new FrontmatterError(`invalid YAML frontmatter: ${e.message.split('\n')[0]}`, fileLine(Math.min(e.pos[0], yamlText.replace(/\n$/, '').length)));
  }
  const contents = doc.contents;
  if (contents != null && !isMap(contents)) {
    const isNullScalar = isScalar(contents) && contents.value == null;
    if (!isNullScalar) throw new FrontmatterError('frontmatter must be a mapping of keys to values (key: value lines)', fileLine(contents.range?.[0] ?? 0));
  }
  const ctx: Ctx = { src: yamlText, nodes: 0, fileLine, doc, removed: 0 };
  const data: Record<string, unknown> = {};
  const lines = new Map<string, number>();
  const sources = new Map<string, string>();
  if (isMap(contents)) {
    for (const pair of contents.items) {
      const k = keyString(pair.key, ctx);
      checkKey(k, pair.key, ctx);
      const kNode = pair.key as YamlNode | null;
      lines.set(k, fileLine(kNode?.range?.[0] ?? 0));
      const v = pair.value as YamlNode | null;
      if (isScalar(v) && v.range) sources.set(k, yamlText.slice(v.range[0], v.range[1]).trim());
      setKey(data, k, toPlain(v, ctx, 1));
    }
  }
  const bodyLine = countLines(text, after) + 1;
  return {
    data,
    body: text.slice(after),
    bodyLine,
    keyLine: (key) => lines.get(key),
    source: (key) => sources.get(key),
    controlChars: ctx.removed,
  };
}

/** Number of newlines before `offset`. */
function countLines(s: string, offset: number): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0 && i < offset; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

interface Ctx {
  src: string;
  nodes: number;
  fileLine: (offset: number) => number;
  doc: Document;
  removed: number;
}

function stripControls(s: string, ctx: Ctx): string {
  const out = s.replace(/\r\n?/g, '\n').replace(CONTROL, '');
  ctx.removed += s.length - out.length;
  return out;
}

/** Keys that JavaScript object merging (Eleventy's data cascade among others) turns into prototype pollution. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Own, enumerable property; never an inherited one. */
function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function checkKey(key: string, node: unknown, ctx: Ctx): void {
  if (FORBIDDEN_KEYS.has(key)) {
    const at = (node as YamlNode | null)?.range?.[0] ?? 0;
    throw new FrontmatterError(`frontmatter key \`${key}\` is not allowed (it could corrupt the build's data): rename it`, ctx.fileLine(at));
  }
}

function keyString(node: unknown, ctx: Ctx): string {
  const { src } = ctx;
  if (node == null) return '';
  if (isScalar(node)) {
    if (typeof node.value === 'string') return stripControls(node.value, ctx);
    // A number or boolean key: as written, so `1.50:` stays "1.50".
    return node.range ? src.slice(node.range[0], node.range[1]).trim() : String(node.value);
  }
  // A list or mapping used as a key: keep it readable and stable.
  return JSON.stringify(toPlain(node as YamlNode, ctx, 1));
}

/**
 * YAML node → plain JSON-safe value, with limits. Numbers that would not survive as written (`1.50`, `.inf`,
 * `12345678901234567890`, `0x1F`) are kept as the text written, so nothing changes on the way through.
 */
function toPlain(node: YamlNode | null | undefined, ctx: Ctx, depth: number): unknown {
  const { src, fileLine } = ctx;
  if (++ctx.nodes > MAX_FRONTMATTER_NODES) {
    throw new FrontmatterError(`frontmatter expands to more than ${MAX_FRONTMATTER_NODES} values (YAML alias bomb?)`, fileLine(node?.range?.[0] ?? 0));
  }
  if (depth > MAX_FRONTMATTER_DEPTH) {
    throw new FrontmatterError(`frontmatter is nested more than ${MAX_FRONTMATTER_DEPTH} levels deep`, fileLine(node?.range?.[0] ?? 0));
  }
  if (node == null) return null;
  if (isAlias(node)) {
    // Resolve against the document; the node budget counts every expansion.
    const target = node.resolve(ctx.doc);
    if (!target) throw new FrontmatterError(`unknown YAML alias *${node.source}`, fileLine(node.range?.[0] ?? 0));
    return toPlain(target as YamlNode, ctx, depth + 1);
  }
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'number') {
      const written = node.range ? src.slice(node.range[0], node.range[1]).trim() : String(v);
      return Number.isFinite(v) && String(v) === written ? v : written;
    }
    if (typeof v === 'bigint') return String(v);
    if (typeof v === 'string') return stripControls(v, ctx);
    if (v === null || typeof v === 'boolean') return v;
    return String(v);
  }
  if (isSeq(node)) return node.items.map((x) => toPlain(x as YamlNode, ctx, depth + 1));
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = keyString(pair.key, ctx);
      checkKey(k, pair.key, ctx);
      setKey(out, k, toPlain(pair.value as YamlNode, ctx, depth + 1));
    }
    return out;
  }
  return null;
}

