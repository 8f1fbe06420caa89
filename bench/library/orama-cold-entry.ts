/** Orama's side of the cold-start comparison: load a saved database and answer one search. */
import type { AnyOrama } from '@orama/orama';
import { search } from '@orama/orama';
import { loadOrama } from './orama-engine.ts';

export const coldLoad = (serialised: string): AnyOrama => loadOrama(serialised, 'analysed');
export const coldQuery = async (db: AnyOrama, q: string): Promise<number> =>
  (
    (await search(db, {
      term: q,
      properties: ['title', 'problem', 'hypothesis', 'learning'],
      limit: 20,
    })) as {
      hits: unknown[];
    }
  ).hits.length;
