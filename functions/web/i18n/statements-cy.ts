/**
 * Yr hysbysiad preifatrwydd, y datganiad hygyrchedd a'r dudalen cwcis yn Gymraeg. DRAFT TRANSLATION,
 * like the rest of cy.ts: to be checked by the council's Welsh language officer before going live.
 */
import type { statementsEn } from './statements-en.ts';

export const statementsCy: typeof statementsEn = {
  statements: {
    footerPrivacy: 'Preifatrwydd',
    footerAccessibility: 'Datganiad hygyrchedd',
    footerCookies: 'Cwcis',
    privacy: {
      title: 'Hysbysiad preifatrwydd',
      intro: (council: string) =>
        `${council} sy’n rhedeg Methu Ymlaen. Mae’r hysbysiad hwn yn dweud beth mae’n ei gadw amdanoch pan fyddwch yn ei ddefnyddio, pam, am ba hyd, a beth yw eich hawliau.`,
      controllerHeading: 'Pwy sy’n gyfrifol am eich gwybodaeth',
      controller: (council: string) => `${council} yw’r rheolydd data ar gyfer yr wybodaeth ym Methu Ymlaen.`,
      heldHeading: 'Beth rydym yn ei gadw',
      held: [
        'Eich enw, eich ID defnyddiwr, eich tîm a’ch rôl, o wasanaeth mewngofnodi’r cyngor.',
        'Y syniadau, canlyniadau profion a phenderfyniadau rydych yn eu hysgrifennu, a hanes pob arbrawf: pwy wnaeth beth, a phryd.',
        'Eich sesiynau: pryd y gwnaethoch fewngofnodi a phryd yr oeddech yn weithgar ddiwethaf, fel eich bod yn cael eich allgofnodi ar ôl 30 munud heb ddefnyddio’r gwasanaeth, neu 8 awr ar ôl mewngofnodi.',
        'Trywydd archwilio o bwy a fewngofnododd neu a allgofnododd, a benderfynodd, a allforiodd, a ddileodd neu a dynnodd rywbeth, neu a wrthodwyd, a phryd. Mae’n cadw IDs defnyddwyr, nid yr hyn a ysgrifennodd unrhyw un.',
      ],
      describe:
        'Disgrifiwch y teuluoedd a’r bobl rydych yn gweithio gyda nhw, peidiwch â’u hadnabod. Mae Methu Ymlaen yn gwrthod cyfeiriadau e-bost, rhifau ffôn, rhifau GIG a rhifau Yswiriant Gwladol yn yr hyn rydych yn ei ysgrifennu, ac yn gofyn i chi wirio codau post a dyddiadau geni.',
      basisHeading: 'Pam rydym yn ei gadw',
      basis:
        'Rydym yn defnyddio’r wybodaeth hon i gyflawni tasgau cyhoeddus y cyngor: gwella ei wasanaethau, a chadw cofnod o’r penderfyniadau y mae’n eu gwneud a pham (Erthygl 6(1)(e) GDPR y DU). Mae’r cerdyn ysgogi’n asesu syniadau, nid pobl: does dim penderfyniad amdanoch yn cael ei wneud yn awtomatig.',
      retentionHeading: 'Am ba hyd rydym yn ei gadw',
      retention: (months: string) =>
        `Mae arbrawf yn cael ei gadw am ${months} mis ar ôl iddo gau (wedi’i fabwysiadu, ei wrthod neu roi’r gorau iddo). Yna caiff pob enw ac ID defnyddiwr ynddo eu tynnu, a dim ond ei deitl a’r hyn a ddysgwyd sy’n cael eu cadw.`,
      auditRetention: (months: string) =>
        `Mae cofnodion y trywydd archwilio’n cael eu cadw am ${months} mis. Nid ydynt yn newid pan fydd arbrawf yn cael ei wneud yn ddienw neu pan fydd cofnodion person yn cael eu dileu, fel y gall y cyngor ddangos bob amser pwy wnaeth beth.`,
      sessionRetention:
        'Mae sesiwn yn cael ei dileu pan fyddwch yn allgofnodi, a 8 awr ar ôl i chi fewngofnodi fan bellaf.',
      sharingHeading: 'Pwy arall sy’n ei gweld',
      sharing:
        'Mae rheolwyr ac arweinwyr yn gweld arbrofion fel y mae eu rôl yn ei ganiatáu. Mae Amazon Web Services yn cynnal y gwasanaeth yn y DU, gyda’r wybodaeth wedi’i hamgryptio pan gaiff ei storio a’i hanfon. Mae GOV.UK Notify yn anfon negeseuon e-bost y gwasanaeth. Mae’r ddau’n gweithredu ar gyfarwyddiadau’r cyngor yn unig.',
      rightsHeading: 'Eich hawliau',
      rightsIntro: 'Mae gennych hawl i:',
      rights: [
        'gofyn am gopi o’r wybodaeth sy’n cael ei chadw amdanoch (cais gwrthrych am wybodaeth)',
        'gofyn i wybodaeth anghywir gael ei chywiro',
        'gofyn i’ch gwybodaeth gael ei dileu, neu i’w defnydd gael ei gyfyngu',
        'gwrthwynebu sut mae’ch gwybodaeth yn cael ei defnyddio',
      ],
      rightsHow:
        'Tîm llywodraethu gwybodaeth y cyngor sy’n ateb y ceisiadau hyn. Mae dileu eich cofnodion yn tynnu eich enw a’ch ID defnyddiwr o bob arbrawf ac yn dod â’ch sesiynau i ben. Mae’r hyn a ysgrifennoch yn aros, fel bod y dysgu’n cael ei gadw, ac mae’r trywydd archwilio’n cael ei gadw er mwyn atebolrwydd.',
      contactHeading: 'Cysylltu â’r swyddog diogelu data',
      contact: (council: string) => `Anfonwch e-bost at swyddog diogelu data ${council}:`,
      complaintHeading: 'Os nad ydych yn hapus',
      complaint: 'Gallwch gwyno i Swyddfa’r Comisiynydd Gwybodaeth (ICO) yn ico.org.uk neu ar 0303 123 1113.',
    },
    accessibility: {
      title: 'Datganiad hygyrchedd ar gyfer Methu Ymlaen',
      intro: (council: string) =>
        `Mae’r datganiad hygyrchedd hwn yn berthnasol i Methu Ymlaen, sy’n cael ei redeg gan ${council}.`,
      useIntro:
        'Rydym am i gynifer o bobl â phosibl allu defnyddio’r gwasanaeth hwn. Er enghraifft, mae hynny’n golygu y dylech allu:',
      use: [
        'newid lliwiau, lefelau cyferbyniad a ffontiau gan ddefnyddio gosodiadau’r porwr neu’r ddyfais',
        'chwyddo hyd at 400% heb i’r testun fynd oddi ar y sgrin',
        'defnyddio’r gwasanaeth cyfan gyda bysellfwrdd yn unig',
        'defnyddio’r gwasanaeth gyda darllenydd sgrin',
        'defnyddio’r gwasanaeth yn Gymraeg neu yn Saesneg',
      ],
      howAccessibleHeading: 'Pa mor hygyrch yw’r gwasanaeth hwn',
      howAccessible: 'Rydym yn gwybod efallai nad yw rhai rhannau o’r gwasanaeth hwn yn gwbl hygyrch:',
      known: [
        'cyfieithiad drafft yw’r fersiwn Gymraeg, sy’n aros am olygiad proffesiynol, felly gallai rhywfaint o’i geiriad fod yn aneglur',
        'nid yw’r gwasanaeth wedi’i brofi eto gyda darllenwyr sgrin na chan bobl anabl, felly gallai fod problemau na all ein profion ddod o hyd iddynt',
      ],
      feedbackHeading: 'Adborth a gwybodaeth gyswllt',
      feedback:
        'Os dewch o hyd i broblem nad yw wedi’i rhestru ar y dudalen hon, neu os oes angen gwybodaeth arnoch mewn fformat gwahanol, anfonwch e-bost at:',
      reply: 'Byddwn yn ateb o fewn 10 diwrnod gwaith.',
      enforcementHeading: 'Gweithdrefn orfodi',
      enforcement:
        'Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy’n gyfrifol am orfodi Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Rhaglenni Symudol) (Rhif 2) 2018 (y ‘rheoliadau hygyrchedd’). Os nad ydych yn hapus â’r ffordd rydym yn ymateb i’ch cwyn, cysylltwch â’r Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS).',
      technicalHeading: 'Gwybodaeth dechnegol am hygyrchedd y gwasanaeth hwn',
      technical: (council: string) =>
        `Mae ${council} wedi ymrwymo i wneud y gwasanaeth hwn yn hygyrch, yn unol â Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Rhaglenni Symudol) (Rhif 2) 2018.`,
      complianceHeading: 'Statws cydymffurfio',
      compliance:
        'Mae’r gwasanaeth hwn yn cydymffurfio’n rhannol â safon AA Canllawiau Hygyrchedd Cynnwys y We fersiwn 2.2: mae ein profion awtomatig a’n profion bysellfwrdd yn llwyddo, ond nid yw wedi cael archwiliad llawn gan arbenigwr hygyrchedd eto.',
      testingHeading: 'Sut y gwnaethom brofi’r gwasanaeth hwn',
      tested: (date: string) =>
        `Cafodd y gwasanaeth ei brofi ddiwethaf ar ${date}. Gwnaethom brofi tudalennau pob taith, yn Gymraeg ac yn Saesneg, ym mhorwr Chromium:`,
      testedHow: [
        'yn awtomatig gydag axe, gan ddefnyddio’r rheolau y mae GOV.UK Frontend yn cael ei brofi yn eu herbyn (WCAG 2.0, 2.1 a 2.2 ar lefelau A ac AA, ac arferion gorau axe)',
        'gyda bysellfwrdd yn unig: cyflwyno syniad, cofnodi profion ohono a phenderfynu ar un',
        'ar led o 320 picsel CSS, yr un fath â chwyddo 400%, gan wirio nad oes unrhyw dudalen yn sgrolio i’r ochr',
      ],
      testedWhen: 'Mae’r profion hyn yn rhedeg gyda phob newid i’r gwasanaeth.',
      preparedHeading: 'Paratoi’r datganiad hygyrchedd hwn',
      prepared: (date: string) =>
        `Paratowyd y datganiad hwn ar ${date}. Cafodd ei adolygu ddiwethaf ar ${date}.`,
    },
    cookies: {
      title: 'Cwcis',
      intro:
        'Mae Methu Ymlaen yn rhoi ffeiliau bach, a elwir yn gwcis, ar eich dyfais. Mae pob un ohonynt yn hanfodol: ni all y gwasanaeth weithio hebddynt, felly nid ydym yn gofyn am eich caniatâd i’w gosod.',
      noOthers:
        'Nid ydym yn defnyddio cwcis dadansoddi, hysbysebu nac unrhyw gwcis eraill, felly does dim i’w ddiffodd.',
      caption: 'Cwcis y mae Methu Ymlaen yn eu gosod',
      name: 'Enw',
      purpose: 'Diben',
      expires: 'Yn dod i ben',
      session: 'Yn eich cadw wedi mewngofnodi, ac yn atal gwefan arall rhag anfon ffurflenni fel chi',
      sessionExpires:
        'Pan fyddwch yn cau eich porwr. Daw eich sesiwn i ben ar ôl 30 munud heb ddefnyddio’r gwasanaeth, neu 8 awr ar ôl i chi fewngofnodi',
      flash: 'Yn cario neges i’r dudalen nesaf, er enghraifft bod eich penderfyniad wedi’i gadw',
      flashExpires: 'Cyn gynted ag y dangosir y neges, neu pan fyddwch yn cau eich porwr',
      lang: 'Yn cofio a ddewisoch Gymraeg neu Saesneg',
      langExpires: '1 flwyddyn',
      auth: 'Yn diogelu eich mewngofnodi â chyfrif y cyngor tra bo’n digwydd',
      authExpires: '10 munud',
    },
  },
};
