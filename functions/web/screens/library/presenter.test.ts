import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '#shared/domain/library-entry.ts';
import { errorCollector } from '../../form/issues.ts';
import { en } from '../../i18n/en.ts';
import { formatter } from '../../i18n/index.ts';
import { resultModel, searchModel } from './presenter.ts';

const entry: LibraryEntry = {
  id: '0b7c6d1e-0000-4000-8000-000000000001',
  title: 'Walk and talk appointments',
  team: 'youth-justice',
  status: 'adopted',
  problem: 'Some young people shut down in an office.',
  hypothesis: { weBelieve: 'walking helps', toTestIt: 'offer it', measure: 'notes', rightIf: 'four of five' },
  cycles: [
    {
      result: 'worked',
      observed: 'Four talked more.',
      learned: 'Plan for rain.',
      next: 'adapt',
      at: '2025-01-01',
    },
    {
      result: 'worked',
      observed: 'Fine.',
      learned: 'Offer it as a choice.',
      next: 'adopt',
      at: '2025-02-01',
    },
  ],
  createdAt: '2024-12-01T00:00:00Z',
  closedAt: '2025-02-01T00:00:00Z',
};

describe('a library result', () => {
  it('shows the lesson whose words matched, marked, rather than the newest', () => {
    // Act
    const result = resultModel(en, { entry, highlights: { 'cycles.1.learned': [{ start: 9, end: 13 }] } });

    // Assess
    expect(result.lesson).toEqual([
      { text: 'Plan for ', mark: false },
      { text: 'rain', mark: true },
      { text: '.', mark: false },
    ]);
    expect(result.also).toBeUndefined();
  });

  it('says where else the search matched when neither the title nor the lesson did', () => {
    // Prepare
    const office = entry.problem?.indexOf('office') ?? -1;

    // Act
    const result = resultModel(en, { entry, highlights: { problem: [{ start: office, end: office + 6 }] } });

    // Assess
    expect(result.lesson?.map((p) => p.text).join('')).toBe('Offer it as a choice.');
    expect(result.also?.label).toBe('What is wrong today');
    expect(result.also?.pieces.find((p) => p.mark)?.text).toBe('office');
  });

  it('names a part of the test plan without its question mark, as the page puts a colon after it', () => {
    // Act
    const result = resultModel(en, { entry, highlights: { 'hypothesis.measure': [{ start: 0, end: 5 }] } });

    // Assess
    expect(result.also?.label).toBe('What will be measured');
    expect(result.also?.pieces.find((p) => p.mark)?.text).toBe('notes');
  });
});

describe('the search page', () => {
  it('links to the next page with the same search and filters, leaving out empty ones', () => {
    // Act
    const model = searchModel(
      en,
      formatter(en),
      { q: 'walk', team: '', status: 'adopted' },
      errorCollector(),
      { page: { items: [{ entry }], next: 'abc', total: 25 } },
    );

    // Assess
    expect(model.next).toBe('/library?q=walk&status=adopted&cursor=abc');
    expect(model.count).toBe('25 results');
    expect(model.results[0]?.href).toBe(`/library/${entry.id}`);
  });
});
