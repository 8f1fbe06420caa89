/**
 * Words that stand for each other when searching: English words frontline teams use for the same
 * thing, and English and Welsh words for the same thing, so that a search in one language also finds
 * entries written in the other. A query's word also looks up the other words of its group, at a lower
 * weight than the word typed. It is a list of children's services vocabulary, not of particular
 * entries; add to it as teams find words that should meet.
 */
import type { Stemmer } from './text.ts';

/** Groups of English words that mean the same thing in this work. */
const ENGLISH_SYNONYMS: readonly (readonly string[])[] = [
  ['phone', 'call', 'ring', 'telephone'],
  ['text', 'sms'],
  ['dad', 'father'],
  ['mum', 'mother'],
  ['child', 'kid'],
  ['teenager', 'teen', 'adolescent'],
  ['evening', 'teatime'],
  ['overnight', 'night'],
  ['video', 'online', 'virtual'],
  ['buddy', 'mentor', 'befriender'],
  ['course', 'programme'],
  ['group', 'club'],
  ['respite', 'break'],
  ['absence', 'absent', 'attendance', 'truancy'],
  ['tenancy', 'flat', 'housing', 'accommodation'],
  ['arrears', 'debt'],
  ['abuse', 'violence'],
  ['survivor', 'victim'],
  // Not "send" (special educational needs and disabilities): it is also the everyday verb.
  ['disabled', 'disability', 'ehcp'],
  ['transport', 'travel'],
  ['loneliness', 'isolation', 'lonely', 'isolated'],
  ['volunteer', 'befriender'],
];

/** English words and the Welsh words for the same thing (Welsh as written, before mutation). */
const ENGLISH_WELSH: readonly (readonly [readonly string[], readonly string[]])[] = [
  [['parenting'], ['rhianta']],
  [
    ['parent', 'parents'],
    ['rhiant', 'rhieni'],
  ],
  [
    ['child', 'children'],
    ['plentyn', 'plant'],
  ],
  [
    ['family', 'families'],
    ['teulu', 'teuluoedd'],
  ],
  [
    ['carer', 'carers'],
    ['gofalwr', 'gofalwyr'],
  ],
  [['care'], ['gofal']],
  [['young'], ['ifanc']],
  [['youth'], ['ieuenctid']],
  [['school'], ['ysgol']],
  [['attendance'], ['presenoldeb']],
  [
    ['call', 'calls'],
    ['galwad', 'galwadau'],
  ],
  [['phone'], ['ffon', 'ffonio']],
  [['evening', 'night'], ['nos']],
  [['tenancy'], ['tenantiaeth']],
  [['flat'], ['fflat']],
  [['rent'], ['rhent']],
  [['course'], ['cwrs']],
  [['club'], ['clwb']],
  [['group'], ['grwp']],
  [['father'], ['tad']],
  [['mother'], ['mam']],
  [['safety'], ['diogelwch']],
  [['plan'], ['cynllun']],
  [['fostering'], ['maethu']],
  [['foster'], ['maeth']],
  [['volunteers'], ['gwirfoddolwyr']],
  [['transport'], ['trafnidiaeth']],
  [['walking'], ['cerdded']],
  [['bus'], ['bws']],
  [['visit'], ['ymweliad']],
  [['text'], ['testun']],
  [['disabled'], ['anabl']],
  [['college'], ['coleg']],
  [['budgeting'], ['cyllidebu']],
  [
    ['debt', 'arrears'],
    ['dyled', 'dyledion'],
  ],
  [['loneliness'], ['unigrwydd']],
  [['respite', 'break'], ['seibiant']],
  [['police'], ['heddlu']],
  [['referral'], ['atgyfeiriad']],
  [['support'], ['cefnogaeth', 'cymorth']],
  [['leaving'], ['gadael']],
  [['welsh'], ['cymraeg']],
];

/** Index term → the terms of its group, for one stemmer (English words are matched by their stems). */
export type Glossary = ReadonlyMap<string, readonly string[]>;

const glossaries = new WeakMap<Stemmer, Glossary>();

/**
 * The term an English word of `group` is looked up by: its stem, unless the stem is another word the
 * glossary lists in another group. Then the stemmer merges two words the glossary keeps apart
 * ("parenting" is "rhianta", "parent" is "rhiant"; "fostering" is "maethu", "foster" is "maeth"), and
 * the word is looked up as written (the index holds every English word as written too).
 */
const englishTerm =
  (stem: Stemmer, listed: ReadonlySet<string>, group: readonly string[]) => (word: string) => {
    const stemmed = stem(word);
    return stemmed !== word && listed.has(stemmed) && !group.includes(stemmed) ? word : stemmed;
  };

export const glossaryFor = (stem: Stemmer): Glossary => {
  const known = glossaries.get(stem);
  if (known) return known;
  const listed = new Set([...ENGLISH_SYNONYMS.flat(), ...ENGLISH_WELSH.flatMap(([english]) => english)]);
  const groups: string[][] = [
    ...ENGLISH_SYNONYMS.map((group) => group.map(englishTerm(stem, listed, group))),
    ...ENGLISH_WELSH.map(([english, welsh]) => [
      ...english.map(englishTerm(stem, listed, english)),
      ...welsh.map((w) => `cy:${w}`),
    ]),
  ];
  const glossary = new Map<string, string[]>();
  for (const group of groups) {
    for (const term of group) {
      const others = group.filter((other) => other !== term);
      glossary.set(term, [...new Set([...(glossary.get(term) ?? []), ...others])]);
    }
  }
  glossaries.set(stem, glossary);
  return glossary;
};
