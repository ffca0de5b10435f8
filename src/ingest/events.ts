// Dates inside the text, resolved against the publication date.
// (First cut; refined by the dates work.)
import type { DatedEvent } from '../types.ts';

export function extractEvents(_paragraphs: string[], _pubDate: string | undefined): DatedEvent[] {
  return [];
}
