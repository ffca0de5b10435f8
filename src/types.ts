// Core data types shared by ingest, extraction and the site.

/** One entity as found in one article. */
export interface EntityRef {
  /** Canonical display name, as written (diacritics and script kept). */
  name: string;
  /** URL-safe, readable, stable slug (transliterated). */
  slug: string;
  /** Other surface forms used for it in this article. */
  aliases?: string[];
  /** How many times the article mentions it. */
  mentions?: number;
  /** Role or title given in the text ("Kremlin spokesperson"). */
  role?: string;
  /** Organisation the role ties the person to, where stated. */
  roleOrg?: string;
}

export type EntityKind = 'people' | 'organisations' | 'places';
export const ENTITY_KINDS: readonly EntityKind[] = ['people', 'organisations', 'places'];

export interface Entities {
  people: EntityRef[];
  organisations: EntityRef[];
  places: EntityRef[];
  /**
   * Names the article gives as titles of works of more than one word ("the film Vera Drake") or as products ("the
   * Xbox console"): no person, body or place anywhere in the archive (src/curation/apply.ts). Kept with the extraction, not
   * written to the markdown.
   */
  works?: string[];
}

export type DatePrecision = 'day' | 'month' | 'year';

/** A date the text resolves against the publication date. */
export interface DatedEvent {
  date: string; // YYYY-MM-DD, YYYY-MM or YYYY
  precision: DatePrecision;
  /** The clause it came from. */
  text: string;
  paragraph?: number;
}

export interface Quote {
  text: string;
  speaker?: string; // entity slug
  speakerName?: string;
  unnamed?: boolean;
  /** The speaker as the text describes them ("Kremlin spokesperson Dmitry Peskov", "a state department spokesperson", "he"). */
  attribution?: string;
  paragraph: number;
  /** Last paragraph of a quotation that runs over several paragraphs. */
  paragraphEnd?: number;
}

export type DateSource = 'frontmatter' | 'dateline' | 'filename';
export type TitleSource = 'frontmatter' | 'headline' | 'lead';

/** The structured article that ingest produces and the site renders. */
export interface Article {
  /** Stable id: the slug path of the article page, unique in the archive. */
  id: string;
  title: string;
  /** The headline exactly as written, when it was rewritten for display (ALL CAPS). */
  titleOriginal?: string;
  titleSource: TitleSource;
  date?: string;
  dateSource?: DateSource;
  /** The dateline as written ("ISTANBUL -"). */
  dateline?: string;
  /** The dateline place, in normal case. */
  location?: string;
  byline?: string;
  people: EntityRef[];
  organisations: EntityRef[];
  places: EntityRef[];
  /** See Entities.works (not written to the markdown). */
  works?: string[];
  events: DatedEvent[];
  quotes: Quote[];
  /** Input path relative to the raw folder, with forward slashes. */
  source: string;
  /** Body paragraphs (dateline removed from the first). */
  paragraphs: string[];
  /** Frontmatter keys the tool does not know, kept as given. */
  extra?: Record<string, unknown>;
}

/** A problem with one input that did not stop it from building. */
export interface Warning {
  file: string;
  line?: number;
  message: string;
}

/** An input that could not be built. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`);
    this.name = 'InputError';
  }
}
