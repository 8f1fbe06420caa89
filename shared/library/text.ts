/**
 * Text to index terms, the same way for entries and for queries. The search library ranks; this
 * module only decides what a word is and which terms stand for it:
 * - Unicode is made well formed (lone surrogates dropped) and NFKC-normalised, markup is stripped,
 *   letters are lower-cased and accents folded ("dŵr" is "dwr", as people type it).
 * - English words are indexed by their stem ("calling" and "calls" are both "call") and as written,
 *   so a typo in a word's ending ("reparaton") is still one edit from a word of the index, and a word
 *   typed exactly as written ranks above another form of it.
 * - Welsh words are never stemmed: a Welsh text's words are indexed as themselves and their possible
 *   radical forms under `cy:` (see welsh.ts). A query's words are looked up both ways, as it is too
 *   short to tell its language.
 */
import { isStopWord } from './stop-words.ts';
import { detectLanguage, type Language, welshRadicals } from './welsh.ts';

export type Stemmer = (word: string) => string;

/** The longest word kept; longer runs of letters are cut, so one odd token cannot slow a fuzzy lookup. */
const MAX_WORD = 40;
const WELSH = 'cy:';
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const MARKS = /\p{M}+/gu;
/** Plain ASCII needs no Unicode normalisation: most words are, and indexing a large library is faster for it. */
const ASCII = /^[\x20-\x7e]*$/;
/** An HTML tag or comment; a lone "<" ("under <5s") is text. */
const TAG = /<\/?[a-z!][^<>]*>/gi;
const ENTITY = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z]{2,8});/gi;

/** Well-formed, NFKC, no markup: what every text goes through before it is split into words. */
export const cleanText = (text: unknown): string => {
  if (typeof text !== 'string' || text.length === 0) return '';
  return text
    .toWellFormed()
    .replaceAll('\uFFFD', ' ')
    .normalize('NFKC')
    .replace(TAG, ' ')
    .replace(ENTITY, ' ');
};

/** One word as the index knows it: lower case, accents folded, cut to MAX_WORD. */
export const foldWord = (word: string): string =>
  ASCII.test(word)
    ? word.toLowerCase().slice(0, MAX_WORD)
    : word
        .normalize('NFKC')
        .toLowerCase()
        .normalize('NFD')
        .replace(MARKS, '')
        .normalize('NFC')
        .slice(0, MAX_WORD);

/** The words of a text, folded, stop words included (language detection needs them). */
export const words = (text: unknown): string[] => {
  const out: string[] = [];
  for (const match of cleanText(text).matchAll(WORD)) {
    const word = foldWord(match[0]);
    if (word.length >= 2) out.push(word);
  }
  return out;
};

const welshForms = (word: string): string[] => [WELSH + word, ...welshRadicals(word).map((r) => WELSH + r)];

/** The index terms of one word of a text in `language`; none for a stop word. */
export const indexForms = (word: string, language: Language, stem: Stemmer): string[] => {
  if (isStopWord(word)) return [];
  if (language === 'cy') return welshForms(word);
  const stemmed = stem(word);
  return stemmed === word ? [word] : [stemmed, word];
};

/** The terms a field's text is indexed by. `fallback` is the entry's language, for a field too short to tell. */
export const fieldTerms = (text: unknown, fallback: Language, stem: Stemmer): string[] => {
  const all = words(text);
  const language = detectLanguage(all) ?? fallback;
  return all.flatMap((word) => indexForms(word, language, stem));
};

/** The language of a whole entry, from all its text; English when it cannot tell. */
export const entryLanguage = (texts: readonly unknown[]): Language =>
  detectLanguage(texts.flatMap((text) => words(text))) ?? 'en';

/**
 * How much each kind of query term counts. An English word is looked up by its stem and as written;
 * the word as written counts for little, so that a word whose stem differs ("people", "peopl") does not
 * count twice against one whose stem is itself ("send"); it is there to catch a typo in the ending and
 * to rank an exact word first. Forms derived from a word count for less than the word typed: a Welsh
 * radical may be a wrong guess, and a word from the glossary (a synonym, or the word in the other
 * language) may not mean quite the same, so an entry with the word itself ranks first. A draft counts
 * a translation as the word itself (see `translation` and search.ts).
 */
export const TERM_WEIGHTS = { typed: 1, asWritten: 0.25, radical: 0.5, related: 0.3 } as const;

export interface QueryTerms {
  /** Every term to look up, each once, with how much it counts (see TERM_WEIGHTS). */
  weights: Map<string, number>;
  /**
   * Per word: its terms as typed (the word as written, its stem and its Welsh form), which may be
   * matched with a typo; its forms, which say whether the index knows the word at all; and every term
   * it is looked up by, its glossary words included, which say whether an entry matched the word.
   */
  byWord: { typed: string[]; forms: string[]; terms: string[] }[];
  /** How many words (not stop words) the terms come from. */
  words: number;
}

export interface QueryOptions {
  /** Only the first words that are not stop words. */
  maxWords?: number;
  glossary?: ReadonlyMap<string, readonly string[]>;
  /** The text's language when known (a draft is long enough to tell): the other language's forms are left out. */
  language?: Language;
  /** Whether to look a word up as written too, besides its stem (for typos in its ending); default yes. */
  asWritten?: boolean;
  /** How much the same word in the other language counts; by default as a synonym (TERM_WEIGHTS.related). */
  translation?: number;
}

/** The terms a query's words are looked up by, in order of first appearance, each once. */
export const queryTerms = (text: unknown, stem: Stemmer, options: QueryOptions = {}): QueryTerms => {
  const {
    maxWords = Number.POSITIVE_INFINITY,
    glossary = new Map(),
    language,
    asWritten = true,
    translation = TERM_WEIGHTS.related,
  } = options;
  const weights = new Map<string, number>();
  const byWord: QueryTerms['byWord'] = [];
  const weigh = (term: string, weight: number) => weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  let count = 0;
  for (const word of words(text)) {
    if (count >= maxWords) break;
    if (isStopWord(word)) continue;
    count += 1;
    const english = language === 'cy' ? [] : [stem(word)];
    const [welsh, ...radicals] = language === 'en' ? [] : welshForms(word);
    for (const term of english) weigh(term, TERM_WEIGHTS.typed);
    if (asWritten || language === 'cy')
      weigh(word, english.includes(word) ? TERM_WEIGHTS.typed : TERM_WEIGHTS.asWritten);
    if (welsh) weigh(welsh, TERM_WEIGHTS.typed);
    for (const radical of radicals) weigh(radical, TERM_WEIGHTS.radical);
    const typed = [...new Set([...english, word, ...(welsh ? [welsh] : [])])];
    const forms = [...typed, ...radicals];
    const related: string[] = [];
    // The word as written too: the glossary keeps a few words apart that share a stem ("parenting").
    for (const form of new Set([...english, word, ...(welsh ? [welsh] : []), ...radicals])) {
      for (const other of glossary.get(form) ?? []) {
        related.push(other);
        weigh(other, form.startsWith(WELSH) === other.startsWith(WELSH) ? TERM_WEIGHTS.related : translation);
      }
    }
    byWord.push({ typed, forms, terms: [...new Set([...forms, ...related])] });
  }
  return { weights, byWord, words: count };
};

/** How far a typed term may be from an index term and still match: one edit, for words of five letters or more. */
export const typoDistance = (term: string): number => {
  const length = term.startsWith(WELSH) ? term.length - WELSH.length : term.length;
  return length >= 5 ? 1 : 0;
};

export interface Range {
  start: number;
  end: number;
}

/**
 * Where, in `text` as stored, the words are that stand for any of `terms` (the matched terms a search
 * returns): UTF-16 offsets, in order, for the page to wrap in <mark> after escaping. Words are judged
 * both as English and as Welsh, as the terms say which language matched.
 */
export const highlightRanges = (
  text: string | null | undefined,
  terms: readonly string[],
  stem: Stemmer,
): Range[] => {
  if (!text || terms.length === 0) return [];
  const wanted = new Set(terms);
  const ranges: Range[] = [];
  for (const match of text.toWellFormed().matchAll(WORD)) {
    const word = foldWord(match[0]);
    if (word.length < 2 || isStopWord(word)) continue;
    const hit =
      wanted.has(word) || wanted.has(stem(word)) || welshForms(word).some((form) => wanted.has(form));
    if (hit) ranges.push({ start: match.index, end: match.index + match[0].length });
  }
  return ranges;
};
