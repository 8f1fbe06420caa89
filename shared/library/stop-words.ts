/**
 * Words that carry no meaning on their own in English and Welsh, dropped from the index and from
 * queries: a query or a draft made only of these is empty. The Welsh list leaves out words that are
 * also English content words (such as "pan" and "dim"), so that an English search for them still works.
 */

export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each few for from further had ' +
    'has have having he her here hers herself him himself his how if in into is it its itself just me ' +
    'more most my myself no nor not now of off on once only or other our ours ourselves out over own ' +
    'same she should so some such than that the their theirs them themselves then there these they ' +
    'this those through to too under until up us very was we were what when where which while who whom ' +
    'why will with would you your yours yourself yourselves i s t don didn doesn isn wasn weren won ' +
    'couldn shouldn wouldn ve ll re d m nobody anybody everybody someone anyone everyone something ' +
    'anything nothing everything'
  ).split(' '),
);

export const WELSH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a ac ag am ar at chi dan dros drwy dy e ei eich ein eu fe fi fo fy gan gyda hi hefyd hwn hon hyn ' +
    'hynny i mae maen mewn na nad nac neu ni nid nhw o oedd oes ond os roedd roeddwn roedden sydd sy ' +
    'trwy tu wedi wrth y yn yng ym yr ydy ydyn yw ddim bod fod bydd fydd byddai fyddai hen iawn rhwng ' +
    'ati arno arni amdano amdani iddo iddi iddyn ohono ohoni gennym gennyf achos oherwydd felly sut beth ' +
    'pwy pam ble pryd faint pob bob rhai llawer mwy llai yma yna nawr rwan eto'
  ).split(' '),
);

export const isStopWord = (word: string): boolean =>
  ENGLISH_STOP_WORDS.has(word) || WELSH_STOP_WORDS.has(word);
