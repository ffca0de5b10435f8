// Roles the text gives people: "Kremlin spokesperson Dmitry Peskov",
// "Darchiyev, head of the foreign ministry's North America department".
import type { Seq } from './doc.ts';
import type { Entity } from './canonical.ts';
import { ROLE_HEADS, TITLE_WORDS, DEMONYMS, NAME_PARTICLES } from './lexicon.ts';

export interface Role {
  role: string;
  roleOrg?: string;
}

export function findRoles(_ents: Entity[], _seqs: Seq[]): Map<Entity, Role> {
  return new Map();
}
void ROLE_HEADS; void TITLE_WORDS; void DEMONYMS; void NAME_PARTICLES;
