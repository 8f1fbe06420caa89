/**
 * The index's postings (per term: field → entry → how often) in the snapshot, as one short string per
 * term that is turned into maps only when a query first reads that term. A cold function parses and
 * loads a snapshot of tens of thousands of terms and over a million postings, and one query reads a
 * few dozen of them: building every map up front was most of a cold start.
 */

/** What MiniSearch keeps per term: field id → (entry's short id → the term's frequency in that field). */
export type TermData = Map<number, Map<number, number>>;

/** MiniSearch's serialised form of one term's postings: `{ [fieldId]: { [shortId]: frequency } }`. */
export type SerialisedTermData = Record<string, Record<string, number>>;

const FIELDS = ';';
const FIELD_ID = ':';
const POSTINGS = ',';
const FREQUENCY = '*';

const ascending = (keys: string[]): number[] => keys.map(Number).sort((a, b) => a - b);

/**
 * One term's postings as a string: fields by ascending id, each `id:` and its entries by ascending short
 * id, each the gap from the previous in base 36, with `*frequency` when it is not 1. Ascending order is
 * the order MiniSearch's own snapshot loads them in, so results come back in the same order.
 */
export const encodeTermData = (data: SerialisedTermData): string =>
  ascending(Object.keys(data))
    .map((fieldId) => {
      const freqs = data[fieldId] ?? {};
      let previous = 0;
      const postings = ascending(Object.keys(freqs)).map((shortId) => {
        const gap = (shortId - previous).toString(36);
        previous = shortId;
        const frequency = freqs[shortId] ?? 1;
        return frequency === 1 ? gap : `${gap}${FREQUENCY}${frequency.toString(36)}`;
      });
      return `${fieldId}${FIELD_ID}${postings.join(POSTINGS)}`;
    })
    .join(FIELDS);

/** The maps `encodeTermData`'s string stands for, given to `into` field by field. */
export const decodeTermData = (
  encoded: string,
  into: (fieldId: number, docs: Map<number, number>) => void,
) => {
  for (const field of encoded.split(FIELDS)) {
    const colon = field.indexOf(FIELD_ID);
    const docs = new Map<number, number>();
    let shortId = 0;
    for (const posting of field.slice(colon + 1).split(POSTINGS)) {
      const star = posting.indexOf(FREQUENCY);
      shortId += Number.parseInt(star < 0 ? posting : posting.slice(0, star), 36);
      docs.set(shortId, star < 0 ? 1 : Number.parseInt(posting.slice(star + 1), 36));
    }
    into(Number(field.slice(0, colon)), docs);
  }
};

/**
 * A term's postings that decode themselves the first time anything reads or changes them. It is a Map
 * (every method MiniSearch uses on a term's data is one of Map's), so searching, adding, replacing and
 * vacuuming work on a loaded index as on a built one.
 */
export class LazyTermData extends Map<number, Map<number, number>> {
  #encoded: string | undefined;

  constructor(encoded: string) {
    super();
    this.#encoded = encoded;
  }

  #open(): void {
    const encoded = this.#encoded;
    if (encoded === undefined) return;
    this.#encoded = undefined;
    decodeTermData(encoded, (fieldId, docs) => super.set(fieldId, docs));
  }

  override get size(): number {
    this.#open();
    return super.size;
  }
  override get(fieldId: number) {
    this.#open();
    return super.get(fieldId);
  }
  override has(fieldId: number): boolean {
    this.#open();
    return super.has(fieldId);
  }
  override set(fieldId: number, docs: Map<number, number>): this {
    this.#open();
    return super.set(fieldId, docs);
  }
  override delete(fieldId: number): boolean {
    this.#open();
    return super.delete(fieldId);
  }
  override clear(): void {
    this.#encoded = undefined;
    super.clear();
  }
  override forEach(
    callback: (docs: Map<number, number>, fieldId: number, map: Map<number, Map<number, number>>) => void,
    thisArg?: unknown,
  ): void {
    this.#open();
    super.forEach(callback, thisArg);
  }
  override keys() {
    this.#open();
    return super.keys();
  }
  override values() {
    this.#open();
    return super.values();
  }
  override entries() {
    this.#open();
    return super.entries();
  }
  override [Symbol.iterator]() {
    this.#open();
    return super[Symbol.iterator]();
  }
}
