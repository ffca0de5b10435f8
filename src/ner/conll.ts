// Reading CoNLL-style document files (scripts only): line 1 is the headline,
// paragraphs are separated by blank lines, the dateline is the
// `PLACE 1996-08-30` paragraph.
import type { NerInput } from './index.ts';

const DATELINE_RE = /^[^a-z]{2,60}\s\d{4}-\d{2}-\d{2}$/;

export function conllToInput(text: string): NerInput {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const headline = lines[0].trim();
  const paras = lines.slice(1).join('\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  let dateline: string | undefined;
  const paragraphs: string[] = [];
  for (const [i, p] of paras.entries()) {
    if (dateline === undefined && i < 3 && DATELINE_RE.test(p)) dateline = p;
    else paragraphs.push(p);
  }
  return { headline, dateline, paragraphs };
}
