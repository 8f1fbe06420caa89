import { describe, expect, it } from 'vitest';
import { buildIndex } from '#shared/library/engine.ts';
import { browse, checkQuery, highlight, MAX_QUERY_LENGTH, search, similar } from '#shared/library/search.ts';
import { porterStemmer } from '#shared/library/stemmer.ts';
import { highlightRanges } from '#shared/library/text.ts';
import { ENTRIES, entry } from './fixtures.ts';

const index = buildIndex(ENTRIES);
const ids = (q: string, extra: Parameters<typeof search>[1] extends infer P ? Partial<P> : never = {}) =>
  search(index, { q, ...extra }).items.map((item) => item.id);

describe('library search: English stemming', () => {
  it('finds "calling" for "calls" and "parent" for "parents"', () => {
    expect(ids('calls')[0]).toBe('calling');
    expect(ids('parents')[0]).toBe('parent');
  });

  it('says which terms matched in which field, and they highlight the words in the stored text', () => {
    // Act
    const [item] = search(index, { q: 'calls families' }).items;

    // Assess
    expect(item?.id).toBe('calling');
    const title = ENTRIES.find((e) => e.id === 'calling')?.title ?? '';
    const ranges = highlight(index, title, item?.matches.title ?? []);
    expect(ranges.map((r) => title.slice(r.start, r.end))).toEqual(['Calling', 'families']);
    expect(highlightRanges('Calling 🙂 families', ['famili'], porterStemmer)).toEqual([
      { start: 11, end: 19 },
    ]);
  });
});

describe('library search: typos', () => {
  it('finds a word with one letter missing', () => {
    expect(ids('reparaton')[0]).toBe('reparation');
    expect(ids('comunity garden')[0]).toBe('reparation');
  });

  it('does not look up a word the library knows with a typo ("carers" does not find "career")', () => {
    const withCarers = buildIndex([...ENTRIES, entry({ id: 'carers', title: 'Young carers card' })]);
    const found = search(withCarers, { q: 'carers' }).items.map((i) => i.id);
    expect(found[0]).toBe('carers');
    expect(found).not.toContain('career');
  });
});

describe('library search: Welsh', () => {
  it('finds Welsh text by Welsh words, whatever their mutation', () => {
    expect(ids('gofalwyr ifanc')[0]).toBe('welsh-carers'); // the entry says "ofalwyr" (soft mutation)
    expect(ids('ofalwyr')[0]).toBe('welsh-carers');
    expect(ids('teulu')[0]).toBe('welsh-carers');
    expect(ids('bws cerdded')[0]).toBe('welsh-walking');
    expect(ids('dwr')).toEqual(ids('dŵr')); // a circumflex is folded, as people often leave it off
  });

  it('does not stem Welsh as English: "troed" (foot) does not find "tro" (a time)', () => {
    expect(porterStemmer('troed')).toBe(porterStemmer('tro')); // what English stems would have confused
    expect(ids('tro')[0]).toBe('welsh-walking');
    expect(ids('troed')).toEqual([]);
  });

  it('finds English entries for a Welsh word through the glossary, below the Welsh entry itself', () => {
    const found = ids('ysgol');
    expect(found.slice(0, 2).sort()).toEqual(['welsh-carers', 'welsh-walking']);
    expect(found).toContain('career'); // "school"
  });
});

describe('library search: filters and paging', () => {
  it('filters by team and by status', () => {
    expect(ids('young people', { team: 'youth-justice' })).toEqual(['reparation']);
    expect(ids('teenagers', { status: 'declined' })).toEqual(['declined-chat']);
    expect(ids('teenagers', { status: 'abandoned' })).toEqual(['career']);
    expect(ids('teenagers', { team: 'nobody-has-this-team' })).toEqual([]);
  });

  it('pages with limit and offset and gives the total', () => {
    const all = search(index, { q: 'evening teenagers families school' });
    const second = search(index, { q: 'evening teenagers families school', limit: 1, offset: 1 });
    expect(all.total).toBeGreaterThan(2);
    expect(second.total).toBe(all.total);
    expect(second.items.map((i) => i.id)).toEqual([all.items[1]?.id]);
  });

  it('searches the learning and the decline reason, never text governance removed', () => {
    expect(ids('neighbours thanked')[0]).toBe('reparation');
    expect(ids('safeguarding protocol')[0]).toBe('declined-chat');
    expect(ids('removed information governance')).toEqual([]);
    expect(ids('missed meetings')[0]).toBe('redacted');
  });

  it('lists every entry newest first when nothing is searched for', () => {
    const page = browse(index, { limit: 3 });
    expect(page.items.map((i) => i.id)).toEqual(['declined-chat', 'welsh-walking', 'welsh-carers']);
    expect(page.total).toBe(ENTRIES.length);
    expect(browse(index, { team: 'youth-justice' }).items.map((i) => i.id)).toEqual(['reparation', 'career']);
  });
});

describe('library similar', () => {
  const draft = { title: 'Evening calls to working families', problem: 'Parents do not answer in the day' };

  it('gives at most five entries, most similar first', () => {
    const items = similar(index, draft);
    expect(items[0]?.id).toBe('calling');
    expect(items.length).toBeLessThanOrEqual(5);
    expect(items.map((i) => i.score)).toEqual([...items.map((i) => i.score)].sort((a, b) => b - a));
  });

  it('never returns an excluded id', () => {
    const items = similar(index, draft, { excludeIds: ['calling'] });
    expect(items.map((i) => i.id)).not.toContain('calling');
    expect(items.length).toBeGreaterThan(0);
  });

  it('looks a draft up by its telling words, and by common words when it has no others', () => {
    // Arrange: "families" is in every entry of a library of twelve, "garden" in one
    const others = ['evening calls', 'text reminders', 'buddy scheme', 'fathers group', 'video calls'];
    const common = buildIndex([
      entry({ id: 'a', title: 'Families garden project' }),
      ...Array.from({ length: 11 }, (_, i) =>
        entry({ id: `x${i}`, title: `Families ${others[i % 5]} ${i}` }),
      ),
    ]);

    // Act
    const telling = similar(common, { title: 'A garden for families' });
    const onlyCommon = similar(common, { title: 'Families' }, { limit: 20 });

    // Assess
    expect(telling.map((i) => i.id)).toEqual(['a']);
    expect(onlyCommon).toHaveLength(12);
  });

  it('keeps the words a few entries share in a small library: there they are what makes ideas alike', () => {
    // Arrange: "calls" is in two of five entries, "evening" and "parents" in one each
    const small = buildIndex([
      entry({ id: 'evening', title: 'Evening calls to new referrals' }),
      entry({ id: 'video', title: 'Video calls for village families' }),
      entry({ id: 'buddy', title: 'A buddy scheme for parents' }),
      entry({ id: 'garden', title: 'Reparation in a community garden' }),
      entry({ id: 'notes', title: 'Writing case notes together' }),
    ]);

    // Act
    const found = similar(small, { title: 'Evening calls to parents' }).map((i) => i.id);

    // Assess
    expect(found[0]).toBe('evening');
    expect(found).toContain('video');
  });

  it('reads the hypothesis as the test card or as one text', () => {
    const card = similar(index, { title: 'Meetings', hypothesis: { weBelieve: 'text reminders' } });
    const text = similar(index, { title: 'Meetings', hypothesis: 'text reminders' });
    expect(card[0]?.id).toBe('redacted');
    expect(text.map((i) => i.id)).toEqual(card.map((i) => i.id));
  });
});

describe('library bad input', () => {
  it('refuses a q over the limit and takes one at the limit', () => {
    expect(MAX_QUERY_LENGTH).toBe(200);
    expect(checkQuery('a'.repeat(200))).toEqual({ ok: true, q: 'a'.repeat(200) });
    expect(checkQuery('a'.repeat(201))).toMatchObject({ ok: false });
    expect(checkQuery('🙂'.repeat(200))).toMatchObject({ ok: true }); // characters, not UTF-16 units
    expect(checkQuery(['calls'])).toMatchObject({ ok: false });
    expect(checkQuery(undefined)).toEqual({ ok: true, q: '' });
  });

  it('finds nothing, without an error, for stop words, punctuation or nothing', () => {
    for (const q of ['', '   ', 'the and of', 'y yr a mae', '?!...', '<b></b>', '&amp;']) {
      expect(search(index, { q })).toEqual({ items: [], total: 0 });
    }
    expect(similar(index, { title: 'the of and', problem: '...', hypothesis: 'we are' })).toEqual([]);
    expect(similar(index, { title: '' })).toEqual([]);
  });

  it('strips markup from a query', () => {
    expect(ids('<b>reparation</b>')).toEqual(ids('reparation'));
    expect(ids('<script>alert(1)</script> garden')[0]).toBe('reparation');
  });

  it('does not throw on unusual Unicode, and normalises it (NFKC)', () => {
    for (const q of [
      '🙂🙂',
      'e\u0301\u0301\u0301',
      'مرحبا بالعالم',
      '\uD800calls\uDFFF',
      '\u202Ecalls',
      '\u0000',
    ]) {
      expect(() => search(index, { q })).not.toThrow();
      expect(() => similar(index, { title: q })).not.toThrow();
    }
    expect(ids('ｃａｌｌｓ')[0]).toBe('calling'); // full-width letters
    expect(ids('\uD800calls')[0]).toBe('calling'); // a lone surrogate is dropped, the word stays
  });

  it('takes out-of-range limits and offsets without failing', () => {
    expect(search(index, { q: 'families', limit: 0 }).items).toHaveLength(1);
    expect(search(index, { q: 'families', limit: Number.NaN, offset: -5 }).items.length).toBeGreaterThan(0);
  });
});
