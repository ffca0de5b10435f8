import { describe, expect, it } from 'vitest';
import { parseCuration } from '../../src/curation/curation.ts';
import { canonicalizeArchive } from '../../src/curation/apply.ts';
import type { EntityRef } from '../../src/types.ts';
import { slugify } from '../../src/slug.ts';

const ref = (name: string, extra: Partial<EntityRef> = {}): EntityRef => ({ name, slug: slugify(name), mentions: 1, ...extra });
const art = (p: string[], o: string[] = [], l: string[] = []) => ({ people: p.map((n) => ref(n)), organisations: o.map((n) => ref(n)), places: l.map((n) => ref(n)) });

describe('parseCuration', () => {
  it('reads entities with type, aliases and description, and names to ignore', () => {
    const c = parseCuration('entities:\n  - name: Turkey\n    type: place\n    aliases: [Turkiye, Türkiye]\n    description: Country.\nignore: [Reuters]\n', 'curation.yaml');
    expect(c.entities).toEqual([{ name: 'Turkey', kind: 'places', aliases: ['Turkiye', 'Türkiye'], description: 'Country.' }]);
    expect(c.ignore).toEqual(['Reuters']);
  });
  it('names the file and line of a bad entry', () => {
    expect(() => parseCuration('entities:\n  - name: X\n    type: planet\n', 'curation.yaml')).toThrow(/curation\.yaml:2: entity "X": `type`/);
    expect(() => parseCuration('entitys: []\n', 'c.yaml')).toThrow(/c\.yaml:1: unknown key `entitys`/);
  });
});

describe('canonicalizeArchive', () => {
  it('merges declared spelling variants onto one canonical name', () => {
    const c = parseCuration('entities:\n  - name: Turkey\n    type: place\n    aliases: [Turkiye]\n', 'c');
    const [a, b] = canonicalizeArchive([art([], [], ['Turkiye']), art([], [], ['Turkey'])], c);
    expect(a.places.map((p) => p.slug)).toEqual(['turkey']);
    expect(b.places.map((p) => p.slug)).toEqual(['turkey']);
    expect(a.places[0].aliases).toContain('Turkiye');
  });
  it('moves an entity to the declared type and drops ignored names', () => {
    const c = parseCuration('entities:\n  - name: Arsenal\n    type: organisation\nignore: [Mercedes Van]\n', 'c');
    const [a] = canonicalizeArchive([art(['Mercedes Van'], [], ['Arsenal'])], c);
    expect(a.people).toEqual([]);
    expect(a.places).toEqual([]);
    expect(a.organisations.map((o) => o.name)).toEqual(['Arsenal']);
  });
  it('resolves a surname to the one full name in the archive that carries it', () => {
    const [, b] = canonicalizeArchive([art(['Sergei Lavrov']), art(['Lavrov'])], { entities: [], ignore: [] });
    expect(b.people.map((p) => p.name)).toEqual(['Sergei Lavrov']);
  });
  it('leaves a surname alone when two known people carry it', () => {
    const [, , c] = canonicalizeArchive([art(['George Bush']), art(['Jeb Bush']), art(['Bush'])], { entities: [], ignore: [] });
    expect(c.people.map((p) => p.name)).toEqual(['Bush']);
  });
  it('merges entities that end up with the same name in one article', () => {
    const c = parseCuration('entities:\n  - name: Turkey\n    type: place\n    aliases: [Turkiye]\n', 'c');
    const [a] = canonicalizeArchive([art([], [], ['Turkiye', 'Turkey'])], c);
    expect(a.places).toHaveLength(1);
    expect(a.places[0].mentions).toBe(2);
  });
});
