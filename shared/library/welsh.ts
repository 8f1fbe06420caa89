/**
 * What the index does for Welsh. An English stemmer would strip endings that are not suffixes in
 * Welsh, and Welsh changes the first letter of a word after certain words (mutation: "teulu" is
 * "deulu", "nheulu" or "theulu" by context), so a Welsh word is indexed as itself and as the forms it
 * may have come from, under a `cy:` prefix that keeps them apart from English stems.
 */

/** Common Welsh words that are not English words: enough of them marks a text as Welsh. */
const WELSH_MARKERS: ReadonlySet<string> = new Set(
  (
    'yn yr y mae roedd oedd ein eu gyda ac wedi bod ddim nid nhw hyn hynny ond neu hefyd fel gan dros ' +
    'drwy trwy rhwng ydy yw sy sydd fy ei iddyn mewn ar gyfer hefo efo bydd fydd byddai oes maen ' +
    'rydyn rydym roedden teuluoedd plant rhieni pobl ifanc'
  ).split(' '),
);

/** Common English words that are not Welsh words. */
const ENGLISH_MARKERS: ReadonlySet<string> = new Set(
  (
    'the and of to is was were with that for we they it this on be are have had not but from at as ' +
    'by their our which when who what families children parents young people'
  ).split(' '),
);

export type Language = 'en' | 'cy';

/** The language of a text by its common words, or undefined when too few of them to say. */
export const detectLanguage = (words: readonly string[]): Language | undefined => {
  let welsh = 0;
  let english = 0;
  for (const word of words) {
    if (WELSH_MARKERS.has(word)) welsh += 1;
    if (ENGLISH_MARKERS.has(word)) english += 1;
  }
  if (welsh >= 2 && welsh > english) return 'cy';
  if (english >= 2 && english >= welsh) return 'en';
  return undefined;
};

const VOWEL = /^[aeiouwy]/;

/**
 * The radical (dictionary) forms a Welsh word may have come from by soft, nasal or aspirate mutation,
 * or by the h added before a vowel; the word itself is not included. Several are always wrong for a
 * given word: they are harmless, because they only meet other Welsh words' forms.
 */
export const welshRadicals = (word: string): string[] => {
  if (word.length < 3) return [];
  const rest = (n: number) => word.slice(n);
  const forms: string[] = [];
  if (word.startsWith('ngh')) forms.push(`c${rest(3)}`);
  else if (word.startsWith('ng')) forms.push(`g${rest(2)}`);
  else if (word.startsWith('mh')) forms.push(`p${rest(2)}`);
  else if (word.startsWith('nh')) forms.push(`t${rest(2)}`);
  else if (word.startsWith('ph')) forms.push(`p${rest(2)}`);
  else if (word.startsWith('th')) forms.push(`t${rest(2)}`);
  else if (word.startsWith('ch')) forms.push(`c${rest(2)}`);
  else if (word.startsWith('dd')) forms.push(`d${rest(2)}`);
  else if (word.startsWith('ll') || word.startsWith('rh') || word.startsWith('ff')) {
    // Radical already: these letters are never the result of a mutation.
  } else if (word.startsWith('h') && VOWEL.test(rest(1))) forms.push(rest(1));
  else {
    const first = word[0];
    if (first === 'b') forms.push(`p${rest(1)}`);
    if (first === 'd') forms.push(`t${rest(1)}`);
    if (first === 'g') forms.push(`c${rest(1)}`);
    if (first === 'f') forms.push(`b${rest(1)}`, `m${rest(1)}`);
    if (first === 'm') forms.push(`b${rest(1)}`);
    if (first === 'n') forms.push(`d${rest(1)}`);
    if (first === 'l') forms.push(`l${word}`);
    if (first === 'r') forms.push(`rh${rest(1)}`);
    // Soft mutation drops an initial g: "ofal" is "gofal", "wraig" is "gwraig".
    if (VOWEL.test(word) || first === 'l' || first === 'r') forms.push(`g${word}`);
  }
  return forms;
};
