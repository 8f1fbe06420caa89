import { describe, expect, it } from 'vitest';
import { buildIndex } from '#shared/library/engine.ts';
import { draftQuery, search, similar } from '#shared/library/search.ts';
import { entry } from './fixtures.ts';

// A mostly English library with two Welsh entries, as a council's is: Welsh words are rare in it.
const LIBRARY = [
  entry({
    id: 'young-carers',
    title: 'Young carers card for school',
    problem: 'Pupils who look after someone at home are late for school, and teachers do not know why.',
  }),
  entry({
    id: 'welsh-housing',
    title: 'Fflat prawf cyn gadael gofal',
    problem: 'Mae pobl ifanc yn gadael gofal heb gefnogaeth ac nid ydyn nhw’n gwybod sut i gadw tŷ.',
  }),
  entry({
    id: 'welsh-parenting',
    title: 'Cwrs rhianta yn Gymraeg',
    problem: 'Mae’r cwrs yn Saesneg ac mae teuluoedd eisiau siarad Cymraeg.',
  }),
  entry({ id: 'parent-buddy', title: 'A buddy for each new parent', problem: 'New parents feel alone.' }),
  entry({
    id: 'parenting-course',
    title: 'Parenting course in the evening',
    problem: 'Parents work in the day.',
  }),
  entry({ id: 'reparation', title: 'Reparation for young people', problem: 'Young people miss sessions.' }),
  entry({
    id: 'college',
    title: 'College visits for sixth formers',
    problem: 'Students drop out of college.',
  }),
  entry({ id: 'school-run', title: 'A walking bus to school', problem: 'Children are late for school.' }),
  entry({
    id: 'letters',
    title: 'Plain letters about school absence',
    problem: 'Parents do not read letters.',
  }),
  entry({ id: 'youth-club', title: 'Youth club in the evening', problem: 'Teenagers have nowhere to go.' }),
];
const index = buildIndex(LIBRARY);
const ids = (q: string) => search(index, { q }).items.map((item) => item.id);

describe('library search: an entry is credited once per word it matched', () => {
  it('ranks an entry with both words typed above one with one word matched in two forms', () => {
    // "ifanc" matches the Welsh entry twice (as itself and as its radical guess "gifanc"), and Welsh
    // words are rare; the English entry matches "gofalwyr" and "ifanc" through the glossary.
    const found = ids('gofalwyr ifanc');
    expect(found.indexOf('young-carers')).toBeLessThan(found.indexOf('welsh-housing'));
    expect(found[0]).toBe('young-carers');
  });
});

describe('library glossary: words the stemmer merges but the glossary keeps apart', () => {
  it('finds parenting, not parents, for "rhianta"', () => {
    const found = ids('rhianta');
    expect(found.slice(0, 2)).toEqual(['welsh-parenting', 'parenting-course']);
    expect(found).not.toContain('parent-buddy');
  });

  it('still finds the Welsh word for "parenting" typed in English, by the word as written', () => {
    expect(ids('parenting')).toContain('welsh-parenting');
  });
});

describe('library similar: a translation is the same word', () => {
  it('gives a word and its translation one rarity: the commoner one, as Welsh words are rare for their language', () => {
    // "young" is in three entries, "ifanc" in one: alone, the Welsh word would count as the rarer.
    const weights = draftQuery(index, { title: 'Support for young people' });
    expect(weights.get('cy:ifanc')).toBeGreaterThan(0);
    expect(weights.get('cy:ifanc')).toBeLessThan(weights.get('young') ?? 0);
  });

  it('finds the English entry on the same idea for a Welsh draft, above a Welsh entry sharing a word', () => {
    const found = similar(index, {
      title: 'Cefnogaeth i ofalwyr ifanc yn yr ysgol',
      problem: 'Mae gofalwyr ifanc yn hwyr i’r ysgol achos maen nhw’n gofalu am eu teulu.',
    }).map((item) => item.id);
    expect(found[0]).toBe('young-carers');
  });
});
