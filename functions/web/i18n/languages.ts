/**
 * What every page says about each language: its code, its `Intl` locale and the language switcher's
 * words. Every page links to the other language, so an English page needs these Welsh words; kept
 * apart from the catalogues, they let the Welsh catalogue stay out of an English page's cold start
 * (see `messages` in ./index.ts).
 */
export const LANGUAGES = {
  en: {
    lang: 'en',
    intlLocale: 'en-GB',
    languageName: 'English',
    switchToThis: 'Change the language to English',
  },
  cy: {
    lang: 'cy',
    intlLocale: 'cy-GB',
    languageName: 'Cymraeg',
    switchToThis: "Newid yr iaith i'r Gymraeg",
  },
};
