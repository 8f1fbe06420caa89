/**
 * `node bench/library/compare-engines.ts`: MiniSearch 7 (as the library's engine uses it) against
 * Orama 3, on relevance (the labelled set), what they do with stems, typos and Welsh, bundle size,
 * serialised size, warm latency and the first query of a cold process at COMPARE_ENTRIES entries
 * (default 10,000). docs/architecture.md has the decision and the figures.
 *
 * The English stemmer is a parameter of the library's engine (`buildIndex(entries, { stem })`); both
 * set-ups here use the Porter stemmer that ships in @orama/orama until the `stemmer` package is added.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndex, serialise } from '#shared/library/engine.ts';
import { search, similar } from '#shared/library/search.ts';
import type { Draft, LibraryEntry } from '#shared/library/types.ts';
import { entry } from '../../test/library/fixtures.ts';
import { round, summarise } from '../measure.ts';
import { BUILD_DIR, bundle, coldStart } from './cold-start.ts';
import { generateLibrary } from './generate.ts';
import { ENTRIES } from './labelled-set.ts';
import { buildOrama, type OramaSetUp, oramaSearch, oramaSimilar, serialiseOrama } from './orama-engine.ts';
import { measureRelevance, type Ranker } from './relevance.ts';

const N = Number(process.env.COMPARE_ENTRIES ?? 10_000);
const CALLS = Number(process.env.COMPARE_CALLS ?? 100);
const COLD_RUNS = Number(process.env.COMPARE_COLD_RUNS ?? 3);

/** Small probes: does a search for the first word find the entry with the second? */
const PROBE_ENTRIES: LibraryEntry[] = [
  entry({ id: 'calling', title: 'Calling families in the evening' }),
  entry({ id: 'parent', title: 'A buddy for each parent' }),
  entry({ id: 'reparation', title: 'Reparation in a community garden' }),
  entry({
    id: 'welsh',
    title: 'Clwb ar ôl ysgol i ofalwyr ifanc',
    problem: 'Mae gofalwyr ifanc yn hwyr i’r ysgol achos maen nhw’n gofalu am riant.',
  }),
  entry({
    id: 'dwr',
    title: 'Dŵr yfed i deuluoedd yn yr haf',
    problem: 'Roedd y plant yn sychedig yn y parc.',
  }),
];
const PROBES: [kind: string, q: string, id: string][] = [
  ['stemming', 'calls', 'calling'],
  ['stemming', 'parents', 'parent'],
  ['typo', 'reparaton', 'reparation'],
  ['typo', 'comunity', 'reparation'],
  ['Welsh', 'ofalwyr', 'welsh'],
  ['Welsh, mutation', 'gofalwr', 'welsh'],
  ['Welsh, mutation', 'teulu', 'dwr'],
  ['Welsh, circumflex', 'dŵr', 'dwr'],
  ['Welsh, no circumflex', 'dwr', 'dwr'],
];

interface Contender {
  name: string;
  build(entries: LibraryEntry[]): Promise<{ ranker: Ranker; serialised: () => string }>;
  cold?: { entry: string; q: string };
}

const miniSearch: Contender = {
  name: 'MiniSearch 7 (the library engine)',
  build: async (entries) => {
    const index = buildIndex(entries);
    return {
      ranker: {
        search: (q) => search(index, { q, limit: 5 }).items.map((i) => i.id),
        similar: (d) => similar(index, d, { limit: 5 }).map((i) => i.id),
      },
      serialised: () => serialise(index),
    };
  },
  cold: { entry: 'lambda-entry.ts', q: 'calls to parents' },
};

const orama = (setUp: OramaSetUp): Contender => ({
  name: setUp === 'analysed' ? 'Orama 3 (the same terms)' : 'Orama 3 (its own English tokenizer)',
  build: async (entries) => {
    const engine = await buildOrama(entries, setUp);
    const terms = setUp === 'analysed' ? engine.terms : undefined;
    return {
      ranker: {
        search: (q) => oramaSearch(engine.db, terms, q),
        similar: (d) => oramaSimilar(engine.db, terms, d),
      },
      serialised: () => serialiseOrama(engine),
    };
  },
  ...(setUp === 'analysed' ? { cold: { entry: 'orama-cold-entry.ts', q: 'call parent' } } : {}),
});

const time = async (fn: () => unknown): Promise<number> => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

const atScale = async (contender: Contender, library: LibraryEntry[]) => {
  let built: Awaited<ReturnType<Contender['build']>> | undefined;
  const buildMs = await time(async () => {
    built = await contender.build(library);
  });
  if (!built) throw new Error('not built');
  const { ranker } = built;
  const text = built.serialised();
  const words = library.slice(0, 100).flatMap((e) => e.title.split(' ').filter((w) => w.length > 4));
  const queries = Array.from(
    { length: CALLS },
    (_, i) => `${words[i % words.length]} ${words[(i * 7) % words.length]}`,
  );
  const drafts: Draft[] = library.slice(0, CALLS).map((e) => ({ title: e.title, problem: e.problem }));
  for (const q of queries.slice(0, 10)) await ranker.search(q);
  const searchMs: number[] = [];
  for (const q of queries) searchMs.push(await time(() => ranker.search(q)));
  const similarMs: number[] = [];
  for (const d of drafts) similarMs.push(await time(() => ranker.similar(d)));
  const cold = contender.cold
    ? await coldStart(text, COLD_RUNS, {
        entry: contender.cold.entry,
        name: contender.name.split(' ')[0]?.toLowerCase(),
        q: contender.cold.q,
      })
    : undefined;
  return {
    buildMs: round(buildMs),
    serialisedKb: round(Buffer.byteLength(text) / 1024),
    search: summarise(searchMs),
    similar: summarise(similarMs),
    cold: cold ? { medianMs: cold.median, gzipKb: cold.indexGzipKb, bundleKb: cold.bundleKb } : undefined,
  };
};

const probes = async (contender: Contender) => {
  const { ranker } = await contender.build(PROBE_ENTRIES);
  const out: Record<string, boolean> = {};
  for (const [kind, q, id] of PROBES)
    out[`${kind}: "${q}" finds ${id}`] = (await ranker.search(q)).includes(id);
  return out;
};

const libraryBundles = async () => {
  mkdirSync(BUILD_DIR, { recursive: true });
  const write = (name: string, code: string) => {
    const path = join(BUILD_DIR, `${name}.ts`);
    writeFileSync(path, code);
    return path;
  };
  const mini = write('only-minisearch', "export { default } from 'minisearch';\n");
  const ora = write(
    'only-orama',
    "export { create, insertMultiple, load, remove, save, search, update } from '@orama/orama';\n",
  );
  return {
    minisearchKb: (await bundle(mini, 'only-minisearch')).kb,
    oramaKb: (await bundle(ora, 'only-orama')).kb,
    libraryEngineKb: (await bundle(join(import.meta.dirname, 'lambda-entry.ts'), 'library-engine')).kb,
  };
};

const main = async () => {
  const contenders = [miniSearch, orama('analysed'), orama('own')];
  const library = generateLibrary(N);
  const results = [];
  for (const c of contenders) {
    const built = await c.build(ENTRIES);
    const relevance = await measureRelevance(built.ranker);
    console.error(`${c.name}: relevance done, measuring at ${N} entries`);
    results.push({
      name: c.name,
      relevance: {
        similarPrecisionAt3: round(relevance.similar.precisionAt3, 3),
        similarNdcgAt5: round(relevance.similar.ndcgAt5, 3),
        searchPrecisionAt3: round(relevance.search.precisionAt3, 3),
        searchNdcgAt5: round(relevance.search.ndcgAt5, 3),
      },
      probes: await probes(c),
      scale: c === contenders[2] ? undefined : await atScale(c, library),
    });
  }
  console.log(JSON.stringify({ entries: N, bundles: await libraryBundles(), results }, null, 2));
};

await main();
