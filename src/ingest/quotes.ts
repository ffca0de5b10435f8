// Direct quotations and who said them. (First cut: none.)
import type { Entities, Quote } from '../types.ts';

export function extractQuotes(_paragraphs: string[], _entities: Entities): Quote[] {
  return [];
}
