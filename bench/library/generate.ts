/**
 * A large library for latency and size: entries made by recombining the labelled set's sentences
 * (deterministic seed), with a long tail of rarer words added so that the vocabulary grows with the
 * library as real text does (a recombined set alone would stay at the labelled set's ~2,000 words).
 */
import type { LibraryCycle, LibraryEntry } from '#shared/library/types.ts';
import { ENTRIES } from './labelled-set.ts';

/** mulberry32: a small seeded generator, so every run measures the same library. */
export const random = (seed: number) => {
  let state = seed >>> 0;
  return (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const SYLLABLES =
  'ba be bi bo bu da de di do du fa fe fi lo lu ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to va ve wy ll dd ch th'.split(
    ' ',
  );
/** Rare words (place names, service names, jargon): 3 syllables from 44, about 85,000 possible words. */
const rareWord = (n: number) =>
  [0, 1, 2].map((i) => SYLLABLES[Math.floor(n / SYLLABLES.length ** i) % SYLLABLES.length]).join('');

const sentences = (text: string | null | undefined) => (text ?? '').split(/(?<=\.)\s+/).filter(Boolean);

export const generateLibrary = (count: number, seed = 20261126): LibraryEntry[] => {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  // Zipf-like: most rare words are drawn from a small head, some from the long tail.
  const rare = () => rareWord(Math.floor(SYLLABLES.length ** 3 * next() ** 3));
  const sprinkle = (text: string, words: number) =>
    `${text} ${Array.from({ length: words }, rare).join(' ')}.`.replace(/\s+\./, '.');
  return Array.from({ length: count }, (_, i) => {
    const base = pick(ENTRIES);
    const other = pick(ENTRIES);
    const problem = [...sentences(base.problem), pick(sentences(other.problem))].join(' ');
    const cycles: LibraryCycle[] = [...base.cycles, ...other.cycles.slice(0, Math.floor(next() * 2))].map(
      (cycle) => ({ ...cycle, learned: sprinkle(cycle.learned ?? '', 2 + Math.floor(next() * 4)) }),
    );
    return {
      ...base,
      id: `gen-${String(i).padStart(5, '0')}`,
      title: next() < 0.3 ? `${base.title} in ${rare()}` : base.title,
      team: next() < 0.8 ? base.team : other.team,
      problem: sprinkle(problem, 3 + Math.floor(next() * 6)),
      cycles,
      createdAt: new Date(Date.UTC(2024, 0, 1) + Math.floor(next() * 900) * 86_400_000).toISOString(),
    };
  });
};
