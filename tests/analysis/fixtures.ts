// Small hand-made articles for the analysis tests.
import type { Article, DatedEvent, EntityRef } from '../../src/types.ts';

export const ref = (name: string, extra: Partial<EntityRef> = {}): EntityRef => ({ name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), ...extra });

export function article(id: string, date: string | undefined, p: { people?: EntityRef[]; organisations?: EntityRef[]; places?: EntityRef[]; events?: DatedEvent[]; paragraphs?: string[]; quotes?: Article['quotes'] }): Article {
  return {
    id,
    title: `Title ${id}`,
    titleSource: 'headline',
    ...(date ? { date } : {}),
    people: p.people ?? [],
    organisations: p.organisations ?? [],
    places: p.places ?? [],
    events: p.events ?? [],
    quotes: p.quotes ?? [],
    source: `${id}.txt`,
    paragraphs: p.paragraphs ?? ['Text.'],
  };
}
