// The curation file: editors' corrections to extraction, applied on every build.
import { parseDocument } from 'yaml';
import type { EntityKind } from '../types.ts';
import { InputError } from '../types.ts';

export interface CuratedEntity {
  name: string;
  kind: EntityKind;
  aliases: string[];
  description?: string;
}

export interface Curation {
  entities: CuratedEntity[];
  /** Names (any kind) that are never entities. */
  ignore: string[];
}

export const EMPTY_CURATION: Curation = { entities: [], ignore: [] };

const KIND_NAMES: Record<string, EntityKind> = {
  person: 'people', people: 'people',
  organisation: 'organisations', organization: 'organisations', organisations: 'organisations', org: 'organisations',
  place: 'places', places: 'places', location: 'places',
};

/**
 * Parse the curation file's text. Throws InputError naming the file and line on bad input.
 * @example parseCuration('entities:\n  - name: Turkey\n    type: place\n    aliases: [Turkiye]\n', 'curation.yaml').entities[0].kind //=> 'places'
 */
export function parseCuration(text: string, file: string): Curation {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new InputError(file, `invalid YAML: ${e.message.split('\n')[0]}`, text.slice(0, e.pos[0]).split('\n').length);
  }
  const raw = (doc.toJS() ?? {}) as Record<string, unknown>;
  const lineOf = (needle: string) => {
    const i = text.split('\n').findIndex((l) => l.includes(needle));
    return i >= 0 ? i + 1 : undefined;
  };
  const unknown = Object.keys(raw).filter((k) => k !== 'entities' && k !== 'ignore');
  if (unknown.length) throw new InputError(file, `unknown key \`${unknown[0]}\` (expected \`entities\` or \`ignore\`)`, lineOf(`${unknown[0]}:`));
  const entities: CuratedEntity[] = [];
  const list = raw.entities ?? [];
  if (!Array.isArray(list)) throw new InputError(file, '`entities` must be a list', lineOf('entities:'));
  for (const e of list as Array<Record<string, unknown>>) {
    const name = typeof e?.name === 'string' ? e.name.trim() : '';
    if (!name) throw new InputError(file, 'every entry of `entities` needs a `name`', undefined);
    const kind = KIND_NAMES[String(e.type ?? '').toLowerCase()];
    if (!kind) throw new InputError(file, `entity "${name}": \`type\` must be person, organisation or place`, lineOf(name));
    const aliases = e.aliases == null ? [] : (Array.isArray(e.aliases) ? e.aliases : [e.aliases]).map(String);
    const description = typeof e.description === 'string' ? e.description.trim() : undefined;
    entities.push({ name, kind, aliases, ...(description ? { description } : {}) });
  }
  const ignore = raw.ignore == null ? [] : (Array.isArray(raw.ignore) ? raw.ignore : [raw.ignore]).map(String);
  return { entities, ignore };
}
