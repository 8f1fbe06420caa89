/**
 * Y catalog negeseuon Cymraeg.
 *
 * DRAFT TRANSLATION: written by the development team, not yet reviewed by a Welsh speaker. It must be
 * checked by the council's Welsh language officer (or a translator) before the service goes live; the
 * pages say so in Welsh mode through `draftNotice`.
 */

import { teamNames } from '#shared/domain/teams.ts';
import type { Messages } from './en.ts';
import { governanceCy } from './governance-cy.ts';
import { LANGUAGES } from './languages.ts';
import { statementsCy } from './statements-cy.ts';

const MANAGER_FIRST = 'felly mae angen i reolwr edrych arno yn gyntaf.';

export const cy: Messages = {
  ...LANGUAGES.cy,
  draftNotice:
    "Cyfieithiad drafft yw hwn. Mae angen i siaradwr Cymraeg ei adolygu cyn i'r gwasanaeth fynd yn fyw.",
  draftTag: 'Drafft',

  service: {
    name: 'Methu Ymlaen',
    organisation: 'Cyngor Sir Fynwy',
    titleSuffix: 'Methu Ymlaen – Cyngor Sir Fynwy',
  },

  layout: {
    skipLink: "Neidio i'r prif gynnwys",
    menu: 'Dewislen',
    navigationLabel: 'Dewislen Methu Ymlaen',
    serviceInformation: 'Gwybodaeth am y gwasanaeth',
    languageLabel: 'Iaith',
    signedInAs: (name: string) => `Wedi mewngofnodi fel ${name}`,
    signIn: 'Mewngofnodi',
    signOut: 'Allgofnodi',
    back: 'Yn ôl',
    errorPrefix: 'Gwall:',
    footerLinks: 'Dolenni cymorth',
    footerAbout: 'Am y cerdyn ysgogi',
    copyright: '© Cyngor Sir Fynwy',
    phaseTag: 'Beta',
    phaseText: "Mae hwn yn wasanaeth newydd. Dywedwch wrth eich rheolwr beth fyddai'n ei wella.",
  },

  nav: {
    submit: 'Cyflwyno syniad',
    experiments: 'Eich arbrofion',
    queue: "Syniadau sy'n aros amdanoch",
    dashboard: 'Dangosfwrdd',
    log: 'Log yr arbrofion',
    people: 'Pobl wedi mewngofnodi',
    policy: 'Y cerdyn',
    library: 'Llyfrgell ddysgu',
  },

  common: {
    continue: 'Parhau',
    change: 'Newid',
    yes: 'Ydw',
    notAnswered: 'Heb ei ateb',
    empty: 'Dim',
    theCard: 'Y cerdyn ysgogi',
    system: 'Methu Ymlaen',
    previous: 'Blaenorol',
    next: 'Nesaf',
    errorSummaryTitle: 'Mae problem wedi codi',
  },

  teams: teamNames('cy'),

  roles: { staff: 'staff', manager: 'rheolwr', leader: 'arweinydd', governance: 'llywodraethu gwybodaeth' },

  statuses: {
    assessing: "Wrthi'n cael ei wirio",
    authorised: 'Wedi cael caniatâd',
    escalated: 'Gyda rheolwr',
    declined: 'Wedi ei wrthod',
    testing: "Wrthi'n cael ei brofi",
    adopted: "Wedi'i fabwysiadu",
    abandoned: "Wedi'i atal",
  },

  events: {
    submitted: 'Wedi ei gyflwyno',
    authorised: 'Caniatâd gan y cerdyn',
    escalated: 'Wedi ei anfon at reolwr',
    raisedToLeaders: "Wedi ei godi i'r arweinwyr",
    approved: 'Wedi ei gymeradwyo',
    declined: 'Wedi ei wrthod',
    cycleRecorded: "Prawf wedi'i gofnodi",
    reminded: 'Nodyn atgoffa wedi ei anfon',
    failed: "Aeth rhywbeth o'i le",
    continued: "Wedi parhau'n awtomatig",
    redacted: "Testun wedi'i dynnu gan lywodraethu gwybodaeth",
  },

  eventDetails: {
    authorised: 'Mae pob ateb o fewn y cerdyn.',
    raisedToLeaders: 'Ni phenderfynodd neb erbyn y dyddiad cau, felly gall arweinydd benderfynu arno nawr.',
    failed: "Methodd un o'r camau. Mae'r tîm sy'n rhedeg Methu Ymlaen yn gallu ei weld a bydd yn ei gywiro.",
  },

  amounts: {
    pounds: (formatted: string) => `£${formatted}`,
    people: (formatted: string, n: number) =>
      n === 1 ? `${formatted} person neu deulu` : `${formatted} o bobl neu deuluoedd`,
    weeks: (formatted: string) => `${formatted} wythnos`,
    hours: (formatted: string) => `${formatted} awr`,
  },

  card: {
    unrecognised: "Nid yw'r cerdyn yn adnabod yr ateb hwn, felly mae angen i reolwr edrych arno yn gyntaf.",
    safeguarding: {
      label: 'A allai hyn roi plentyn, person ifanc neu oedolyn mewn perygl o niwed?',
      short: 'Perygl o niwed',
      answers: { no: 'Na allai', yes: 'Gallai', unsure: 'Ddim yn siŵr' },
      error: 'Dewiswch a allai hyn roi plentyn, person ifanc neu oedolyn mewn perygl o niwed',
      reasons: {
        yes: `Gallai roi plentyn, person ifanc neu oedolyn mewn perygl o niwed, ${MANAGER_FIRST}`,
        unsure: `Dydych chi ddim yn siŵr a allai roi plentyn, person ifanc neu oedolyn mewn perygl o niwed, ${MANAGER_FIRST}`,
      },
    },
    lawful: {
      label: "Ydych chi'n hyderus ei fod yn gyfreithlon ac yn cadw at ein dyletswyddau statudol?",
      short: 'Cyfreithlon a dyletswyddau statudol',
      answers: { yes: 'Ydw', no: 'Nac ydw', unsure: 'Ddim yn siŵr' },
      error: "Dewiswch a ydych chi'n hyderus ei fod yn gyfreithlon ac yn cadw at ein dyletswyddau statudol",
      reasons: {
        no: `Dydych chi ddim yn hyderus ei fod yn gyfreithlon ac yn cadw at ein dyletswyddau statudol, ${MANAGER_FIRST}`,
        unsure: `Dydych chi ddim yn siŵr a yw'n gyfreithlon ac yn cadw at ein dyletswyddau statudol, ${MANAGER_FIRST}`,
      },
    },
    personalData: {
      label: "A yw'n defnyddio gwybodaeth bersonol pobl mewn ffordd newydd?",
      short: 'Gwybodaeth bersonol',
      answers: { no: 'Nac ydy', yes: 'Ydy', unsure: 'Ddim yn siŵr' },
      error: "Dewiswch a yw'n defnyddio gwybodaeth bersonol pobl mewn ffordd newydd",
      reasons: {
        yes: `Mae'n defnyddio gwybodaeth bersonol pobl mewn ffordd newydd, ${MANAGER_FIRST}`,
        unsure: `Dydych chi ddim yn siŵr a yw'n defnyddio gwybodaeth bersonol pobl mewn ffordd newydd, ${MANAGER_FIRST}`,
      },
    },
    consent: {
      label: "A fydd y bobl sy'n cymryd rhan yn gwybod amdano ac yn rhydd i ddweud na?",
      short: 'Gwybod ac yn rhydd i ddweud na',
      answers: { yes: 'Byddan', no: 'Na fyddan', notApplicable: 'Ddim yn berthnasol' },
      error: "Dewiswch a fydd y bobl sy'n cymryd rhan yn gwybod amdano ac yn rhydd i ddweud na",
      reasons: {
        no: `Fydd y bobl sy'n cymryd rhan ddim yn gwybod amdano, neu fyddan nhw ddim yn rhydd i ddweud na, ${MANAGER_FIRST}`,
      },
    },
    reversible: {
      label: "Allwch chi ei atal yn gyflym a rhoi pethau'n ôl fel yr oedden nhw os aiff rhywbeth o'i le?",
      short: "Modd ei atal a rhoi pethau'n ôl",
      answers: { yes: 'Gallaf', no: 'Na allaf' },
      error: "Dewiswch a allwch chi ei atal yn gyflym a rhoi pethau'n ôl os aiff rhywbeth o'i le",
      reasons: {
        no: `Does dim modd ei atal yn gyflym a rhoi pethau'n ôl os aiff rhywbeth o'i le, ${MANAGER_FIRST}`,
      },
    },
    frontPage: {
      label:
        "A fyddech chi'n gyfforddus yn ei esbonio i'r teuluoedd dan sylw, i'ch cydweithwyr ac i'r papur lleol?",
      short: 'Yn gyfforddus yn ei esbonio',
      answers: { yes: 'Byddwn', no: 'Na fyddwn' },
      error:
        "Dewiswch a fyddech chi'n gyfforddus yn ei esbonio i'r teuluoedd dan sylw, i'ch cydweithwyr ac i'r papur lleol",
      reasons: {
        no: `Fyddech chi ddim yn gyfforddus yn ei esbonio i'r teuluoedd dan sylw, i'ch cydweithwyr ac i'r papur lleol, ${MANAGER_FIRST}`,
      },
    },
    extraCost: {
      label: 'Faint o arian ychwanegol fydd ei angen, mewn punnoedd, y tu hwnt i gyllideb arferol eich tîm?',
      short: 'Arian ychwanegol',
      prefix: '£',
      suffix: '',
      hint: (limit: string) =>
        `Mae hyd at ${limit} o fewn y cerdyn. Rhowch 0 os nad oes angen arian ychwanegol.`,
      errors: {
        enter: 'Rhowch yr arian ychwanegol y bydd ei angen mewn punnoedd, 0 neu fwy',
        precision: 'Rhowch yr arian ychwanegol mewn punnoedd a cheiniogau, fel 750 neu 750.50',
        tooBig: "Rhaid i'r arian ychwanegol fod yn £10,000,000 neu lai",
      },
      reason: (answer: string, limit: string) =>
        `Mae angen ${answer} o arian ychwanegol arno, sy'n uwch na therfyn y cerdyn o ${limit}.`,
    },
    peopleInvolved: {
      label: 'Faint o bobl neu deuluoedd fydd yn cymryd rhan?',
      short: 'Pobl neu deuluoedd',
      prefix: '',
      suffix: 'o bobl neu deuluoedd',
      hint: (limit: string) => `Mae hyd at ${limit} o fewn y cerdyn.`,
      errors: {
        enter: "Rhowch nifer y bobl neu'r teuluoedd sy'n cymryd rhan, 0 neu fwy",
        precision: "Rhaid i nifer y bobl neu'r teuluoedd sy'n cymryd rhan fod yn rhif cyfan",
        tooBig: "Rhaid i nifer y bobl neu'r teuluoedd sy'n cymryd rhan fod yn 1,000,000 neu lai",
      },
      reason: (answer: string, limit: string) =>
        `Mae'n cynnwys ${answer}, sy'n uwch na therfyn y cerdyn o ${limit}.`,
    },
    durationWeeks: {
      label: 'Am faint o wythnosau fydd y prawf yn rhedeg cyn i chi ei adolygu?',
      short: 'Wythnosau cyn adolygu',
      prefix: '',
      suffix: 'wythnos',
      hint: (limit: string) => `Mae hyd at ${limit} o fewn y cerdyn.`,
      errors: {
        enter: 'Rhowch nifer yr wythnosau y bydd y prawf yn rhedeg cyn i chi ei adolygu, o 1 i 52',
        precision: 'Rhaid i nifer yr wythnosau fod yn rhif cyfan',
        tooBig: 'Rhaid i nifer yr wythnosau fod yn 52 neu lai: adolygwch y prawf o leiaf unwaith y flwyddyn',
      },
      reason: (answer: string, limit: string) =>
        `Mae'n rhedeg am ${answer} cyn adolygiad, sy'n uwch na therfyn y cerdyn o ${limit}.`,
    },
    staffHours: {
      label: 'Faint o oriau staff ychwanegol fydd eu hangen?',
      short: 'Oriau staff ychwanegol',
      prefix: '',
      suffix: 'awr',
      hint: (limit: string) =>
        `Mae hyd at ${limit} o fewn y cerdyn. Rhowch 0 os nad oes angen amser ychwanegol.`,
      errors: {
        enter: 'Rhowch yr oriau staff ychwanegol y bydd eu hangen, 0 neu fwy',
        precision: 'Rhowch yr oriau staff ychwanegol i ddim mwy na 2 le degol, fel 7.5',
        tooBig: "Rhaid i'r oriau staff ychwanegol fod yn 100,000 neu lai",
      },
      reason: (answer: string, limit: string) =>
        `Mae angen ${answer} o amser staff ychwanegol arno, sy'n uwch na therfyn y cerdyn o ${limit}.`,
    },
    commitToShare: {
      label: "Byddaf yn cofnodi'r hyn rydyn ni'n ei ddysgu, p'un a yw'n gweithio ai peidio",
      short: "Cofnodi'r hyn a ddysgwn",
      legend: "Rhannu'r hyn rydych chi'n ei ddysgu",
      error:
        "Cadarnhewch y byddwch chi'n cofnodi'r hyn rydych chi'n ei ddysgu, p'un a yw'n gweithio ai peidio",
      yes: "Byddaf, byddaf yn cofnodi'r hyn rydyn ni'n ei ddysgu",
    },
  },

  fields: {
    title: {
      label: "Rhowch deitl byr i'ch syniad",
      hint: `Er enghraifft, "Galwadau gyda'r nos i atgyfeiriadau newydd". Rhwng 5 a 120 nod.`,
      short: 'Teitl',
      errors: { enter: 'Rhowch deitl rhwng 5 a 120 nod' },
    },
    problem: {
      label: "Beth sydd o'i le heddiw?",
      hint: "Disgrifiwch y broblem sydd gan y teuluoedd neu'ch tîm nawr, mewn ychydig frawddegau.",
      short: 'Y broblem',
      errors: {
        enter: "Rhowch y broblem: beth sydd o'i le heddiw",
        tooLong: "Rhaid i'r broblem fod yn 2,000 nod neu lai",
      },
    },
    weBelieve: {
      label: "Rydyn ni'n credu",
      hint: `Y newid rydych chi'n meddwl fydd yn helpu. Er enghraifft, "galwad fer gyda'r nos ar y diwrnod y daw atgyfeiriad".`,
      short: "Rydyn ni'n credu",
      errors: {
        enter: "Rhowch yr hyn rydych chi'n ei gredu",
        tooLong: "Rhaid i'r hyn rydych chi'n ei gredu fod yn 1,000 nod neu lai",
      },
    },
    toTestIt: {
      label: "I'w brofi, byddwn ni'n",
      hint: "Beth fyddwch chi'n ei wneud, gyda phwy, ac am ba hyd.",
      short: "I'w brofi, byddwn ni'n",
      errors: {
        enter: "Rhowch sut y byddwch chi'n ei brofi",
        tooLong: "Rhaid i sut y byddwch chi'n ei brofi fod yn 1,000 nod neu lai",
      },
    },
    measure: {
      label: "A byddwn ni'n mesur",
      hint: "Beth fyddwch chi'n ei gyfrif neu'n edrych arno i weld a weithiodd.",
      short: "Byddwn ni'n mesur",
      errors: {
        enter: "Rhowch yr hyn y byddwch chi'n ei fesur",
        tooLong: "Rhaid i'r hyn y byddwch chi'n ei fesur fod yn 1,000 nod neu lai",
      },
    },
    rightIf: {
      label: "Rydyn ni'n iawn os",
      hint: `Y canlyniad a fyddai'n dangos bod y syniad yn gweithio. Er enghraifft, "mae saith o bob deg teulu'n manteisio arno".`,
      short: "Rydyn ni'n iawn os",
      errors: {
        enter: "Rhowch sut y byddwch chi'n gwybod eich bod chi'n iawn",
        tooLong: "Rhaid i sut y byddwch chi'n gwybod eich bod chi'n iawn fod yn 1,000 nod neu lai",
      },
    },
    outcome: {
      errors: { enter: "Dewiswch a ydych chi'n cymeradwyo neu'n gwrthod y syniad hwn" },
    },
    reason: {
      errors: {
        enter: 'Rhowch y rheswm dros wrthod y syniad hwn',
        tooLong: "Rhaid i'r rheswm fod yn 2,000 nod neu lai",
      },
    },
    conditions: {
      errors: {
        enter: 'Rhowch amodau eich cymeradwyaeth, neu gadewch nhw allan',
        tooLong: "Rhaid i'r amodau fod yn 2,000 nod neu lai",
      },
    },
    result: {
      errors: { enter: "Dewiswch a weithiodd, a wnaeth e ddim gweithio neu a yw'n aneglur" },
    },
    observed: {
      errors: {
        enter: 'Rhowch yr hyn a welsoch chi',
        tooLong: "Rhaid i'r hyn a welsoch chi fod yn 2,000 nod neu lai",
      },
    },
    learned: {
      errors: {
        enter: 'Rhowch yr hyn a ddysgoch chi',
        tooLong: "Rhaid i'r hyn a ddysgoch chi fod yn 2,000 nod neu lai",
      },
    },
    next: {
      errors: { enter: "Dewiswch beth sy'n digwydd nesaf: addasu, mabwysiadu neu roi'r gorau iddi" },
    },
    decisionDeadlineDays: {
      errors: {
        enter: 'Rhowch nifer y diwrnodau sydd gan reolwr i benderfynu, o 1 i 60',
        precision: 'Rhaid i nifer y diwrnodau sydd gan reolwr i benderfynu fod yn rhif cyfan',
      },
    },
    policyReason: {
      errors: { enter: 'Rhowch y rheswm dros y newid hwn, rhwng 5 a 2,000 nod' },
    },
    incident: {
      errors: { enter: "Dewiswch a aeth unrhyw beth o'i le i unrhyw un a gymerodd ran" },
    },
    incidentDetail: {
      errors: {
        enter: "Rhowch beth aeth o'i le",
        tooLong: "Rhaid i'r hyn aeth o'i le fod yn 2,000 nod neu lai",
        notWanted:
          "Dim ond dweud beth aeth o'i le pan aeth rhywbeth o'i le: gadewch hyn allan pan nad aeth dim byd o'i le",
      },
    },
  },

  cycle: {
    title: 'Cofnodi beth ddigwyddodd',
    link: 'Cofnodi beth ddigwyddodd',
    intro: "Ysgrifennwch yr hyn a welsoch chi ac a ddysgoch chi o'r prawf hwn, p'un a weithiodd ai peidio.",
    resultLegend: 'A weithiodd?',
    results: {
      worked: 'Fe weithiodd',
      didNotWork: 'Wnaeth e ddim gweithio',
      unclear: 'Dydy hi ddim yn glir eto',
    },
    observedLabel: 'Beth welsoch chi?',
    observedHint: "Beth ddigwyddodd, i'r teuluoedd ac i'ch tîm. Mae rhifau'n help.",
    learnedLabel: 'Beth ddysgoch chi?',
    learnedHint: "Beth fyddech chi'n ei ddweud wrth gydweithiwr sy'n rhoi cynnig ar rywbeth tebyg.",
    nextLegend: "Beth sy'n digwydd nesaf?",
    nextSteps: {
      adapt: "Ei newid a'i brofi eto",
      adopt: 'Ei wneud yn arfer safonol',
      abandon: "Ei atal a chadw'r hyn a ddysgon ni",
    },
    nextHints: {
      adapt: 'Cynnal prawf arall. Gallwch chi newid yr atebion ar y cerdyn isod.',
      adopt: "Mae'r arbrawf yn dod i ben yma, yn llwyddiant.",
      abandon: "Mae'r arbrawf yn dod i ben yma. Mae'r hyn a ddysgoch chi'n aros yn y log.",
    },
    changesSummary: "Newid yr atebion ar y cerdyn (dim ond os ydych chi'n ei newid a'i brofi eto)",
    changesIntro:
      "Llenwch yr hyn sy'n newid yn unig. Os yw ateb newydd y tu allan i'r cerdyn, mae angen i reolwr edrych arno cyn y prawf nesaf.",
    noChange: 'Dim newid',
    currently: (answer: string) => `Nawr: ${answer}`,
    button: "Cadw'r prawf hwn",
    recordedFlash: (n: string) => `Mae prawf ${n} wedi'i gofnodi.`,
    escalatedFlash:
      "Mae'r prawf wedi'i gofnodi. Mae'r newidiadau y tu allan i'r cerdyn, felly mae angen i reolwr edrych arnyn nhw cyn y prawf nesaf.",
    closedFlash: (n: string) => `Mae prawf ${n} wedi'i gofnodi ac mae'r arbrawf wedi cau.`,
    notNowTitle: 'Allwch chi ddim cofnodi prawf ar gyfer yr arbrawf hwn nawr',
    incidentLegend: "A aeth unrhyw beth o'i le i unrhyw un a gymerodd ran?",
    incidentHint:
      "Er enghraifft, roedd rhywun wedi cynhyrfu, wedi'i roi mewn perygl, neu heb gael gwasanaeth yr oedd ei angen arno.",
    incidents: {
      none: "Na, aeth dim byd o'i le",
      minor: "Do, aeth rhywbeth bach o'i le",
      serious: "Do, aeth rhywbeth difrifol o'i le",
    },
    incidentHints: {
      minor: "Cafodd ei gywiro'n gyflym ac ni chafodd neb niwed.",
      serious:
        "Cafodd rhywun niwed neu ei roi mewn perygl. Caiff rheolwyr ac arweinwyr wybod ar unwaith, a chaiff unrhyw derfynau sy'n perthyn i'ch tîm eu tynnu'n ôl.",
    },
    incidentDetailLabel: "Beth aeth o'i le?",
    incidentDetailHint:
      "Dim ond os aeth rhywbeth o'i le: beth ddigwyddodd, i bwy (dim enwau), a beth wnaethoch chi yn ei gylch.",
  },

  dashboard: {
    title: 'Dangosfwrdd',
    intro: "Sut mae'r cerdyn ysgogi yn cael ei ddefnyddio: pob syniad a gyflwynwyd, fesul mis a fesul tîm.",
    filtersHeading: "Hidlo'r dangosfwrdd",
    team: 'Tîm',
    anyTeam: 'Pob tîm',
    fromMonth: "O'r mis",
    toMonth: 'Hyd at y mis',
    monthHint: 'Er enghraifft, 2025-03',
    apply: 'Hidlo',
    clear: "Clirio'r hidlwyr",
    monthError: 'Rhowch fis go iawn, fel 2025-03',
    orderError: "Rhaid i'r mis gorffen fod yr un fath â'r mis dechrau neu ar ei ôl",
    figuresHeading: 'Y prif ffigurau',
    submitted: 'Syniadau a gyflwynwyd',
    byCard: 'Caniatâd gan y cerdyn',
    medianTime: 'Amser canolrifol i gael caniatâd',
    cycles: 'Profion fesul arbrawf',
    adopted: "Wedi'u mabwysiadu",
    abandoned: "Wedi'u hatal",
    testing: "Wrthi'n cael eu profi",
    noMedian: 'Ddim yn hysbys eto',
    hours: (formatted: string) => `${formatted} awr`,
    byMonthHeading: 'Syniadau fesul mis',
    byTeamHeading: 'Syniadau fesul tîm',
    chartLegendCard: 'Caniatâd gan y cerdyn',
    chartLegendManager: 'Wedi mynd at reolwr',
    tableMonth: 'Mis',
    tableTeam: 'Tîm',
    tableSubmitted: 'Wedi eu cyflwyno',
    tableByCard: 'Caniatâd gan y cerdyn',
    tableManager: 'Wedi mynd at reolwr',
    tableAdopted: "Wedi'u mabwysiadu",
    showTable: (what: string) => `Dangos y rhifau ar gyfer ${what.toLowerCase()} fel tabl`,
    monthSummary: (months: string, total: string, busiest: string, busiestCount: string) =>
      `${total} o syniadau dros ${months}. Y mis prysuraf oedd ${busiest}, gyda ${busiestCount}.`,
    teamSummary: (teams: string, total: string, busiest: string, busiestCount: string) =>
      `${total} o syniadau gan ${teams}. Y tîm â'r nifer fwyaf oedd ${busiest}, gyda ${busiestCount}.`,
    counted: (n: number, formatted: string) => (n === 1 ? `${formatted} mis` : `${formatted} o fisoedd`),
    countedTeams: (n: number, formatted: string) => (n === 1 ? `${formatted} tîm` : `${formatted} o dimau`),
    empty: "Does dim syniadau wedi'u cyflwyno yn y cyfnod hwn.",
    download: 'Lawrlwytho log yr arbrofion (CSV)',
  },

  policyForm: {
    heading: "Cyhoeddi fersiwn newydd o'r cerdyn",
    intro:
      'Newidiwch y terfynau, yna gwelwch sut y byddai hen gyflwyniadau wedi cael eu barnu cyn i chi gyhoeddi. Does dim modd newid y cwestiynau diogelwch yma.',
    deadlineLabel: 'Diwrnodau sydd gan reolwr i benderfynu',
    deadlineSuffix: 'diwrnod',
    reasonLabel: "Pam rydych chi'n newid y cerdyn?",
    reasonHint: 'Gall pawb ddarllen hwn wrth ymyl y fersiwn newydd.',
    preview: 'Gweld yr effaith',
    previewTitle: (v: string) => `Beth fyddai fersiwn ${v} o'r cerdyn yn ei newid`,
    previewSummary: (considered: string, authorised: string, escalated: string) =>
      `O'r ${considered} syniad diwethaf a gyflwynwyd, byddai ${authorised} yn cael caniatâd gan y cerdyn a byddai ${escalated} yn mynd at reolwr.`,
    changedHeading: 'Syniadau y byddai eu hateb yn newid',
    noneChanged: 'Ni fyddai unrhyw hen syniad yn cael ateb gwahanol.',
    columns: { idea: 'Syniad', team: 'Tîm', was: 'Yr ateb bryd hynny', wouldBe: "Yr ateb gyda'r drafft" },
    decisions: { authorised: 'Caniatâd gan y cerdyn', escalated: 'Wedi mynd at reolwr' },
    draftHeading: 'Y drafft',
    fromTo: (from: string, to: string) => (from === to ? `${to} (dim newid)` : `${from}, yn newid i ${to}`),
    publish: (v: string) => `Cyhoeddi fersiwn ${v}`,
    edit: 'Newid y drafft',
    publishedFlash: (v: string) =>
      `Mae fersiwn ${v} o'r cerdyn wedi'i chyhoeddi. Caiff syniadau newydd eu gwirio yn ei herbyn.`,
    raceError:
      "Cyhoeddodd rhywun fersiwn newydd o'r cerdyn ar yr un pryd. Gwiriwch hi a rhowch gynnig arall arni.",
    limitLabels: {
      extraCost: 'Y mwyaf o arian ychwanegol o fewn y cerdyn',
      peopleInvolved: 'Y mwyaf o bobl neu deuluoedd o fewn y cerdyn',
      durationWeeks: 'Y mwyaf o wythnosau cyn adolygiad o fewn y cerdyn',
      staffHours: 'Y mwyaf o oriau staff ychwanegol o fewn y cerdyn',
    },
    limitErrors: {
      extraCost: {
        enter: 'Rhowch y terfyn ar arian ychwanegol mewn punnoedd, o 0 i 1,000,000',
        precision: 'Rhowch y terfyn ar arian ychwanegol mewn punnoedd a cheiniogau, fel 500 neu 500.50',
      },
      peopleInvolved: {
        enter: "Rhowch y terfyn ar y bobl neu'r teuluoedd sy'n cymryd rhan, o 0 i 100,000",
        precision: "Rhaid i'r terfyn ar y bobl neu'r teuluoedd sy'n cymryd rhan fod yn rhif cyfan",
      },
      durationWeeks: {
        enter: 'Rhowch y terfyn ar wythnosau cyn adolygiad, o 1 i 52',
        precision: "Rhaid i'r terfyn ar wythnosau cyn adolygiad fod yn rhif cyfan",
      },
      staffHours: {
        enter: 'Rhowch y terfyn ar oriau staff ychwanegol, o 0 i 10,000',
        precision: 'Rhowch y terfyn ar oriau staff ychwanegol i ddim mwy na 2 le degol, fel 20 neu 7.5',
      },
    },
  },

  start: {
    title: "Rhowch gynnig ar syniad newydd gyda'r cerdyn ysgogi",
    lead: "Methu Ymlaen yw cerdyn ysgogi Methu'n Gyflym, Methu Ymlaen Sir Fynwy, ar-lein.",
    p1: "Os ydych chi'n gweithio gyda phlant, pobl ifanc neu deuluoedd a bod gennych chi syniad am wneud rhywbeth yn well, yn aml gallwch chi roi cynnig arno ar unwaith, heb ofyn i reolwr yn gyntaf.",
    p2: "Mae'r cerdyn yn gofyn ychydig o gwestiynau am eich syniad. Os yw pob ateb o fewn y cerdyn, gallwch chi fwrw ymlaen. Os oes unrhyw ateb y tu allan iddo, bydd eich rheolwr yn edrych ar y syniad ac yn penderfynu.",
    howTitle: "Sut mae'n gweithio",
    steps: [
      "Disgrifiwch eich syniad fel prawf: beth rydych chi'n ei gredu, sut y byddwch chi'n ei brofi, beth fyddwch chi'n ei fesur a sut y byddwch chi'n gwybod eich bod chi'n iawn.",
      'Atebwch y cwestiynau ar y cerdyn: am ddiogelwch, y gyfraith, gwybodaeth bersonol, caniatâd, a faint o arian, amser a phobl sydd eu hangen.',
      "Cewch yr ateb ar unwaith: naill ai gallwch chi fwrw ymlaen, neu mae angen i'ch rheolwr edrych arno a byddwn ni'n dweud pam wrthoch chi.",
      "Cynhaliwch y prawf, yna cofnodwch beth ddigwyddodd, p'un a weithiodd ai peidio, er mwyn i bawb allu dysgu ohono.",
    ],
    limitsTitle: "Terfynau'r cerdyn heddiw",
    limitsIntro:
      "Mae eich syniad o fewn y cerdyn os yw'n ddiogel, yn gyfreithlon, yn agored ac yn hawdd ei ddadwneud, a bod angen dim mwy na:",
    limitsDeadline: (days: string) =>
      `Os oes angen i'ch rheolwr benderfynu, mae ganddo ${days} i wneud hynny.`,
    days: (n: number, formatted: string) => (n === 1 ? `${formatted} diwrnod` : `${formatted} o ddiwrnodau`),
    failTitle: "Mae'n iawn methu",
    failText:
      "Nid methiant yw prawf nad yw'n gweithio os ydych chi'n cofnodi'r hyn a ddysgoch chi. Mae'r cerdyn yn bodoli er mwyn i syniadau da gael eu profi'n gyflym ac yn ddiogel, ac er mwyn rhannu'r hyn rydyn ni'n ei ddysgu.",
    startButton: 'Dechrau nawr',
  },

  signIn: {
    title: 'Mewngofnodi',
    demoIntro:
      "Mae'r copi hwn o Methu Ymlaen yn rhedeg ar un cyfrifiadur er mwyn rhoi cynnig arno. Dewiswch pwy rydych chi am fod. Ar wasanaeth y cyngor, byddwch chi'n mewngofnodi gyda'ch cyfrif y cyngor.",
    legend: 'Fel pwy ydych chi am fewngofnodi?',
    userLabel: (name: string, team: string, roles: string) => `${name}, ${team} (${roles})`,
    button: 'Mewngofnodi',
    error: 'Dewiswch fel pwy rydych chi am fewngofnodi',
    cognitoIntro: "Mewngofnodwch gyda'ch cyfrif Cyngor Sir Fynwy.",
    expiredIdle:
      'Cawsoch chi eich allgofnodi am na wnaethoch chi ddim byd am 30 munud. Mewngofnodwch eto i barhau.',
    expiredAbsolute:
      'Cawsoch chi eich allgofnodi am eich bod wedi mewngofnodi ers 8 awr. Mewngofnodwch eto i barhau.',
    signedOut: 'Rydych chi wedi allgofnodi.',
    notificationTitle: 'Pwysig',
    failed: 'Doedd dim modd eich mewngofnodi. Rhowch gynnig arall arni.',
  },

  submit: {
    title: 'Cyflwyno syniad',
    intro: 'Dywedwch wrthon ni am eich syniad fel prawf, yna atebwch y cwestiynau ar y cerdyn ysgogi.',
    ideaHeading: 'Eich syniad',
    testCardHeading: 'Eich cerdyn prawf',
    testCardIntro: 'Ysgrifennwch eich syniad fel rhywbeth y gallwch chi ei brofi a dysgu ohono.',
    cardHeading: 'Y cerdyn ysgogi',
    cardIntro: (version: string) =>
      `Atebwch bob cwestiwn yn onest. Caiff yr atebion eu gwirio yn erbyn fersiwn ${version} o'r cerdyn.`,
    continue: 'Parhau',
    preview: {
      title: 'Eich cerdyn hyd yma',
      intro: "Mae hwn yn dangos pa atebion fydd angen rheolwr. Mae'n newid wrth i chi ateb.",
      inside: 'O fewn y cerdyn',
      outside: 'Angen rheolwr',
      notAnswered: 'Heb ei ateb eto',
      allInside: 'Hyd yma mae pob ateb o fewn y cerdyn.',
      someOutside: (count: string) =>
        count === '1'
          ? 'Hyd yma mae 1 ateb yn golygu bod angen i reolwr edrych ar eich syniad.'
          : `Hyd yma mae ${count} ateb yn golygu bod angen i reolwr edrych ar eich syniad.`,
    },
    alreadySubmitted:
      "Rydych chi eisoes wedi cyflwyno'r syniad hwn gydag atebion gwahanol. Dechreuwch syniad newydd os ydych chi am ei gyflwyno eto.",
  },

  check: {
    title: "Gwiriwch eich atebion cyn cyflwyno'ch syniad",
    ideaHeading: 'Eich syniad',
    testCardHeading: 'Eich cerdyn prawf',
    cardHeading: 'Y cerdyn ysgogi',
    insideTitle: 'Mae pob ateb o fewn y cerdyn',
    insideText: "Gallwch chi fwrw ymlaen cyn gynted ag y byddwch chi'n cyflwyno'ch syniad.",
    outsideTitle: 'Bydd angen i reolwr edrych ar hyn',
    outsideIntro: 'Bydd eich rheolwr yn penderfynu, oherwydd:',
    outsideTag: 'Angen rheolwr',
    declaration:
      "Drwy gyflwyno'r syniad hwn rydych chi'n cadarnhau bod eich atebion yn wir hyd eithaf eich gwybodaeth.",
    submit: "Cyflwyno'ch syniad",
  },

  confirmation: {
    goAheadTitle: 'Gallwch chi fwrw ymlaen',
    goAheadBody: 'Mae pob ateb o fewn y cerdyn.',
    reviewBy: (date: string) => `Adolygwch ef erbyn ${date}`,
    nextTitle: "Beth sy'n digwydd nesaf",
    goAheadNext:
      "Cynhaliwch eich prawf. Pan fydd wedi rhedeg, cofnodwch beth ddigwyddodd, p'un a weithiodd ai peidio, ar dudalen eich arbrawf.",
    escalatedTitle: "Mae angen i'ch rheolwr edrych ar hyn",
    escalatedIntro: "Mae rhai o'ch atebion y tu allan i'r cerdyn:",
    escalatedNext: (date: string) =>
      `Bydd un o reolwyr eich tîm yn ei gymeradwyo neu'n ei wrthod. Os na fydd neb yn penderfynu erbyn ${date}, bydd yn mynd at arweinydd.`,
    assessingTitle: "Rydyn ni'n dal i wirio'ch syniad",
    assessingBody: 'Fel arfer mae hyn yn cymryd ychydig eiliadau.',
    checkAgain: 'Gwirio eto',
    failedTitle: "Aeth rhywbeth o'i le wrth wirio'ch syniad",
    failedBody:
      "Mae eich syniad wedi'i gadw. Mae'r tîm sy'n rhedeg Methu Ymlaen yn gallu gweld y broblem a bydd yn ei chywiro.",
    viewExperiment: 'Gweld eich arbrawf',
    submitAnother: 'Cyflwyno syniad arall',
    yourReference: 'Eich syniad',
  },

  experiments: {
    title: 'Eich arbrofion',
    empty: 'Dydych chi ddim wedi cyflwyno unrhyw syniadau eto.',
    submitLink: 'Cyflwyno syniad',
    caption: "Syniadau rydych chi wedi'u cyflwyno, y mwyaf newydd yn gyntaf",
    idea: 'Syniad',
    status: 'Statws',
    submitted: 'Cyflwynwyd',
    more: 'Dangos rhagor o arbrofion',
  },

  experiment: {
    caption: 'Arbrawf',
    detailsHeading: 'Manylion',
    owner: 'Cyflwynwyd gan',
    team: 'Tîm',
    submitted: 'Cyflwynwyd',
    status: 'Statws',
    policy: 'Fersiwn y cerdyn',
    policyVersion: (v: string) => `Fersiwn ${v}`,
    reviewBy: 'Adolygu erbyn',
    authorisedBy: 'Caniatâd gan',
    conditions: 'Amodau',
    decidedBy: 'Penderfynwyd gan',
    declineReason: 'Rheswm dros wrthod',
    deadline: 'Angen penderfyniad erbyn',
    problemHeading: 'Y broblem',
    testCardHeading: 'Cerdyn prawf',
    cardHeading: 'Atebion ar y cerdyn',
    reasonsHeading: 'Pam mae angen i reolwr edrych arno',
    historyHeading: 'Hanes',
    historyBy: (name: string) => `gan ${name}`,
    waitingTitle: "Mae'r syniad hwn yn aros am eich penderfyniad",
    decideLink: 'Penderfynu ar y syniad hwn',
    raisedToLeaders: "Ni phenderfynodd neb erbyn y dyddiad cau, felly mae wedi ei godi i'r arweinwyr.",
    failureTitle: "Aeth rhywbeth o'i le",
    cyclesHeading: "Profion wedi'u cofnodi",
    cycleTitle: (n: string) => `Prawf ${n}`,
    cycleResult: 'A weithiodd?',
    cycleObserved: 'Beth welson ni',
    cycleLearned: 'Beth ddysgon ni',
    cycleNext: "Beth sy'n digwydd nesaf",
    cycleRecorded: 'Cofnodwyd',
    results: {
      worked: 'Fe weithiodd',
      didNotWork: 'Wnaeth e ddim gweithio',
      unclear: 'Dydy hi ddim yn glir eto',
    },
    nextSteps: {
      adapt: "Ei newid a'i brofi eto",
      adopt: 'Ei wneud yn arfer safonol',
      abandon: "Ei atal a chadw'r hyn a ddysgon ni",
    },
    cycleIncident: "A aeth unrhyw beth o'i le?",
    incidents: {
      none: "Aeth dim byd o'i le",
      minor: 'Rhywbeth bach',
      serious: 'Rhywbeth difrifol',
    },
    incidentNotRecorded: 'Heb ei gofnodi',
  },

  queue: {
    title: "Syniadau sy'n aros amdanoch",
    managerIntro:
      "Mae'r syniadau hyn gan eich tîm y tu allan i'r cerdyn, felly mae angen penderfyniad arnyn nhw. Mae'r hynaf yn gyntaf.",
    leaderIntro:
      'Ni phenderfynodd neb ar y syniadau hyn erbyn eu dyddiad cau, felly gall arweinydd benderfynu arnyn nhw nawr.',
    empty: "Does dim syniadau'n aros amdanoch.",
    caption: "Syniadau sy'n aros am benderfyniad, yr hynaf yn gyntaf",
    idea: 'Syniad',
    submittedBy: 'Gan',
    waiting: 'Yn aros ers',
    timeLeft: 'Amser ar ôl',
    overdue: 'Dyddiad cau wedi mynd heibio',
    raised: "Wedi ei godi i'r arweinwyr",
    leftUntil: (relative: string, date: string) => `Erbyn ${relative} (${date})`,
  },

  case: {
    captionFrom: (name: string, team: string) => `Syniad gan ${name}, ${team}`,
    reasonsHeading: 'Pam mae angen eich penderfyniad',
    outsideTag: "Y tu allan i'r cerdyn",
    insideTag: 'O fewn y cerdyn',
    answersHeading: 'Atebion ar y cerdyn',
    deadline: (date: string) =>
      `Penderfynwch erbyn ${date}. Os na fydd neb yn penderfynu erbyn hynny, bydd yn mynd at arweinydd.`,
    decisionHeading: 'Eich penderfyniad',
    legend: "Ydych chi'n cymeradwyo'r syniad hwn?",
    approve: 'Cymeradwyo',
    approveHint: "Gallan nhw ddechrau'r prawf, gydag unrhyw amodau rydych chi'n eu hychwanegu.",
    decline: 'Gwrthod',
    declineHint: "Mae'r syniad yn dod i ben yma. Byddan nhw'n gweld eich rheswm.",
    conditionsLabel: "Amodau, os ydych chi'n cymeradwyo (dewisol)",
    conditionsHint: 'Er enghraifft, "Adolygwch ef gyda fi ar ôl pythefnos".',
    reasonLabel: "Rheswm, os ydych chi'n gwrthod",
    reasonHint:
      "Mae angen hwn os ydych chi'n gwrthod. Esboniwch mewn geiriau syml, er mwyn iddyn nhw allu dysgu ohono.",
    send: 'Anfon y penderfyniad',
    approvedFlash: (title: string) => `Rydych chi wedi cymeradwyo "${title}".`,
    declinedFlash: (title: string) => `Rydych chi wedi gwrthod "${title}".`,
    notWaitingTitle: "Dydy'r syniad hwn ddim yn aros am benderfyniad mwyach",
    notWaitingBody: 'Mae rhywun eisoes wedi penderfynu arno, neu mae wedi symud ymlaen.',
    ownIdea:
      'Chi gyflwynodd y syniad hwn, felly rhaid i reolwr arall yn eich tîm neu arweinydd benderfynu arno.',
    viewExperiment: 'Gweld yr arbrawf',
    backToQueue: "Yn ôl i'r syniadau sy'n aros amdanoch",
    successTitle: 'Llwyddiant',
  },

  log: {
    title: 'Log yr arbrofion',
    intro:
      "Pob syniad a gyflwynwyd, y mwyaf newydd yn gyntaf. Mae'r chwilio'n edrych mewn teitlau, problemau a'r hyn a ddysgodd pobl.",
    filtersHeading: "Hidlo'r log",
    search: 'Chwilio am air',
    status: 'Statws',
    anyStatus: 'Unrhyw statws',
    team: 'Tîm',
    anyTeam: 'Unrhyw dîm',
    fromDate: 'Cyflwynwyd o',
    toDate: 'Cyflwynwyd hyd at',
    dateHint: 'Er enghraifft, 2025-03-31',
    apply: 'Hidlo',
    clear: "Clirio'r hidlwyr",
    caption: 'Arbrofion, y mwyaf newydd yn gyntaf',
    columns: {
      idea: 'Syniad',
      team: 'Tîm',
      owner: 'Cyflwynwyd gan',
      status: 'Statws',
      submitted: 'Cyflwynwyd',
      learning: 'Y wers ddiweddaraf',
    },
    empty: "Does dim arbrofion yn cyfateb i'r hidlwyr hyn.",
    more: 'Dangos rhagor o arbrofion',
    download: 'Lawrlwytho log yr arbrofion (CSV)',
    errors: {
      date: 'Rhowch ddyddiad go iawn, fel 2025-03-31',
      order: "Rhaid i'r dyddiad gorffen fod yr un fath â'r dyddiad dechrau neu ar ei ôl",
      q: 'Rhowch air i chwilio amdano, hyd at 100 nod',
    },
  },

  policy: {
    title: 'Y cerdyn',
    intro:
      'Mae gan y cerdyn ysgogi gwestiynau diogelwch sefydlog a phedwar terfyn. Gall arweinwyr newid y terfynau.',
    currentHeading: (v: string) => `Y cerdyn heddiw (fersiwn ${v})`,
    deadline: 'Diwrnodau sydd gan reolwr i benderfynu',
    publishedBy: 'Cyhoeddwyd gan',
    publishedAt: 'Cyhoeddwyd',
    reason: 'Rheswm dros y newid',
    versionsHeading: 'Pob fersiwn',
    versionsCaption: "Pob fersiwn o'r cerdyn, y mwyaf newydd yn gyntaf",
    version: 'Fersiwn',
    limits: 'Terfynau',
  },

  people: {
    title: 'Pobl wedi mewngofnodi',
    intro:
      "Pawb sy'n defnyddio Fail Forward nawr, gyda'r un a welwyd ddiwethaf yn gyntaf. Os yw rhywun wedi gadael y cyngor neu wedi colli dyfais, dewch â'u sesiynau i ben: byddant yn cael eu hallgofnodi ym mhobman ar unwaith.",
    caption: "Pobl wedi mewngofnodi, gyda'r un a welwyd ddiwethaf yn gyntaf",
    name: 'Enw',
    team: 'Tîm',
    lastSeen: 'Gwelwyd ddiwethaf',
    sessions: 'Sesiynau',
    action: 'Cam gweithredu',
    endLink: "Dod â'r sesiynau i ben",
    endLinkHidden: (name: string) => ` ar gyfer ${name}`,
    empty: 'Does neb wedi mewngofnodi.',
    byIdHeading: 'Dod â sesiynau i ben yn ôl ID defnyddiwr',
    byIdIntro:
      'Ar gyfer rhywun nad yw yn y rhestr, er enghraifft am nad ydynt wedi defnyddio Fail Forward ers tro.',
    idLabel: 'ID defnyddiwr',
    idHint: 'Eu ID defnyddiwr ar gyfer mewngofnodi, er enghraifft 8c1f4a2e-6b0d-4c5a-9e37-2f1d0b6a7c41',
    continue: 'Parhau',
    idError: "Rhowch ID defnyddiwr: llythrennau, rhifau a'r nodau . _ @ -, hyd at 128 nod",
    confirmTitle: (name: string) => `Dod â phob un o sesiynau ${name} i ben?`,
    confirmWarning:
      "Byddant yn cael eu hallgofnodi ar bob dyfais ar unwaith. Bydd unrhyw beth y maent wedi'i deipio ond heb ei anfon yn cael ei golli.",
    confirmBody: 'Nid yw hyn yn eu hatal rhag mewngofnodi eto. I wneud hynny, analluogwch eu cyfrif hefyd.',
    confirmButton: "Dod â'u sesiynau i ben",
    cancel: 'Canslo',
    endedFlash: (n: number, count: string, name: string) =>
      n === 0
        ? `Nid oedd gan ${name} unrhyw sesiynau i'w dod i ben.`
        : `Rydych wedi dod â ${count} sesiwn ${name} i ben. Maent wedi'u hallgofnodi.`,
  },

  errors: {
    notFound: {
      title: "Heb ddod o hyd i'r dudalen",
      body: "Os teipioch chi'r cyfeiriad gwe, gwiriwch ei fod yn gywir. Os dilynoch chi ddolen i arbrawf, efallai nad oes gennych chi ganiatâd i'w weld.",
    },
    forbidden: {
      title: 'Allwch chi ddim gweld y dudalen hon',
      body: "Dydy eich cyfrif ddim yn rhoi mynediad i chi i'r dudalen hon. Gofynnwch i'ch rheolwr os ydych chi'n meddwl y dylai.",
    },
    csrf: {
      title: 'Doedd dim modd anfon eich ffurflen',
      body: 'Gall hyn ddigwydd os oedd y dudalen ar agor am amser hir neu os gwnaethoch chi fewngofnodi eto mewn tab arall. Ewch yn ôl, ail-lwythwch y dudalen a rhowch gynnig arall arni.',
    },
    server: {
      title: "Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth",
      body: "Rhowch gynnig arall arni yn nes ymlaen. Nid yw eich atebion wedi'u colli os oeddech chi eisoes wedi'u cyflwyno.",
    },
    badRequest: {
      title: "Mae'n ddrwg gennym, doedden ni ddim yn deall y cais hwnnw",
      body: 'Ewch yn ôl a rhowch gynnig arall arni.',
    },
    home: "Mynd i'r dudalen gychwyn",
  },

  cardLearns: {
    teamReason: (field: string, answer: string, limit: string, team: string) =>
      `${field}: ${answer}, uwchlaw terfyn tîm ${team} ei hun o ${limit}.`,
    teamsHeading: 'Terfynau timau eu hunain',
    teamsIntro:
      'Gall tîm sydd â hanes da gael ei derfynau ei hun. Gadewch flwch yn wag i ddefnyddio terfyn y cerdyn. Mae digwyddiad difrifol yn y tîm yn tynnu ei derfynau ei hun yn ôl ar unwaith.',
    teamsSummary: 'Newid terfynau timau eu hunain',
    teamLegend: (team: string) => `${team}: ei derfynau ei hun`,
    noTeams: 'Does gan yr un tîm derfynau ei hun.',
    teamRow: (team: string) => `${team} (terfynau ei hun)`,
    insightsHeading: "Beth mae'r penderfyniadau'n ei ddweud",
    insightsIntro:
      'Beth benderfynodd rheolwyr am syniadau a anfonodd y cerdyn atyn nhw. Lle gwnaethon nhw gymeradwyo bron pob syniad hyd at swm, efallai fod y terfyn yn rhy isel.',
    ruleCaption: 'Uwchgyfeiriadau a phenderfyniadau ar gyfer pob cwestiwn ar y cerdyn',
    columns: {
      rule: 'Cwestiwn',
      escalations: 'Anfonwyd at reolwr',
      decided: 'Cymeradwywyd, gwrthodwyd, yn aros',
      rate: 'Cymeradwywyd',
      suggestion: 'Terfyn a awgrymir',
    },
    decided: (approved: string, declined: string, pending: string) =>
      `${approved} wedi'u cymeradwyo, ${declined} wedi'u gwrthod, ${pending} yn aros`,
    noRate: 'Dim wedi penderfynu eto',
    suggestion: (limit: string, through: string, declined: string) =>
      `${limit}: byddai wedi gadael ${through} o syniadau a benderfynwyd drwodd, a gwrthododd rheolwr ${declined} ohonyn nhw`,
    noSuggestion: 'Dim newid wedi ei awgrymu',
    safetyGate: 'Cwestiwn diogelwch: nid yw rhifau byth yn ei newid',
    previewSuggested: 'Rhagweld y terfynau a awgrymir',
    suggestedReason: 'Terfynau a awgrymir gan yr hyn a benderfynodd rheolwyr am syniadau a uwchgyfeiriwyd',
    teamsRecordHeading: "Timau a'u hanes",
    teamsRecordIntro:
      "Dros y 12 mis diwethaf. Gall tîm gael ei derfynau ei hun gydag o leiaf 10 arbrawf wedi cau, o leiaf 90% o'i syniadau a uwchgyfeiriwyd wedi'u cymeradwyo, a dim digwyddiad difrifol.",
    teamsCaption: 'Hanes pob tîm dros y 12 mis diwethaf',
    teamColumns: {
      team: 'Tîm',
      closed: 'Arbrofion wedi cau',
      approved: "Uwchgyfeiriadau wedi'u cymeradwyo",
      incidents: 'Digwyddiadau (bach, difrifol)',
      eligible: 'Gall gael ei derfynau ei hun',
    },
    approvedOf: (approved: string, decided: string) => `${approved} o ${decided}`,
    incidents: (minor: string, serious: string) => `${minor} bach, ${serious} difrifol`,
    eligible: 'Gall',
    notEligible: 'Ddim eto',
    noTeamsRecord: 'Does gan yr un tîm hanes eto.',
  },
  dashboardIncidents: {
    serious: "Digwyddiadau difrifol wedi'u cofnodi",
    minor: "Digwyddiadau bach wedi'u cofnodi",
    column: 'Digwyddiadau',
  },
  library: {
    title: 'Llyfrgell ddysgu',
    intro:
      "Beth ddysgodd pob prawf, gan bob tîm, p'un a weithiodd neu beidio. Chwiliwch cyn rhoi cynnig ar syniad: efallai bod tîm arall wedi rhoi cynnig arno eisoes.",
    searchLabel: 'Chwilio yn y llyfrgell',
    searchHint: "Er enghraifft, galwadau gyda'r nos neu apwyntiadau a gollwyd",
    search: 'Chwilio',
    filtersHeading: "Hidlo'r canlyniadau",
    team: 'Tîm',
    status: 'Statws',
    anyTeam: 'Pob tîm',
    anyStatus: 'Pob statws',
    clear: "Clirio'r chwilio a'r hidlwyr",
    resultsHeading: 'Canlyniadau',
    count: (n: number, count: string) => (n === 1 ? '1 canlyniad' : `${count} canlyniad`),
    relevance: 'Y mwyaf perthnasol yn gyntaf',
    newest: 'Y mwyaf newydd yn gyntaf',
    noResults: "Does dim cofnodion yn cyfateb i'ch chwiliad.",
    noResultsHelp: 'Gwiriwch eich sillafu, rhowch gynnig ar eiriau eraill neu tynnwch hidlydd.',
    lesson: 'Beth a ddysgwyd',
    noLesson: 'Does dim prawf wedi cael ei gofnodi eto.',
    nextPage: 'Y dudalen nesaf',
    entryCaption: 'Llyfrgell ddysgu',
    started: 'Dechreuwyd',
    closed: 'Caewyd',
    notKept: 'Heb ei gadw',
    removed: "Wedi'i dynnu gan lywodraethu gwybodaeth",
    declineReason: 'Pam y cafodd ei wrthod',
    noCycles: 'Does dim prawf wedi cael ei gofnodi eto.',
    back: "Yn ôl i'r llyfrgell ddysgu",
    errors: {
      qTooLong: "Rhaid i'r geiriau chwilio fod yn 200 nod neu lai",
      qBroken: 'Tynnwch y nodau nad ydynt yn destun dilys',
      team: "Dewiswch dîm o'r rhestr",
      status: "Dewiswch statws o'r rhestr",
    },
    similar: {
      heading: "Syniadau tebyg i'ch un chi",
      intro:
        "Mae timau eraill wedi rhoi cynnig ar syniadau fel hwn. Darllenwch beth ddysgon nhw cyn i chi gyflwyno'ch un chi.",
      caseHeading: "Syniadau tebyg i'r un hwn",
      caseIntro:
        "Mae timau eraill wedi rhoi cynnig ar syniadau fel hwn. Gallai'r hyn a ddysgon nhw eich helpu i benderfynu.",
      outcome: 'Canlyniad',
      learned: 'Beth a ddysgwyd',
      newTab: '(yn agor mewn tab newydd)',
    },
  },

  ...governanceCy,
  ...statementsCy,

  allowance: {
    dashboardHeading: (year: string) => `Lwfans arloesi, ${year}`,
    dashboardSummary: (drawn: string, allowance: string, year: string) =>
      `Mae'r cerdyn wedi tynnu ${drawn} o ${allowance} o lwfans arloesi yn ${year}.`,
    allowance: 'Lwfans',
    drawn: 'Wedi’i dynnu',
    left: 'Ar ôl',
    hint: (left: string, allowance: string, year: string) =>
      `Mae gan eich tîm ${left} ar ôl o'i lwfans arloesi o ${allowance} ar gyfer ${year}.`,
    reason: ({ left, year }: { message: string; left: string; year: string }) =>
      `Mae gan eich tîm ${left} ar ôl o'i lwfans arloesi ar gyfer ${year}, felly mae angen i reolwr edrych arno yn gyntaf.`,
  },

  cover: {
    queueTag: (team: string) => `Cyflenwi ar gyfer ${team}`,
    nav: 'Cyflenwi tra byddwch i ffwrdd',
    title: 'Cyflenwi tra byddwch i ffwrdd',
    intro:
      "Dewiswch reolwr arall i edrych ar syniadau eich tîm sydd angen penderfyniad tra byddwch i ffwrdd. Byddan nhw'n eu gweld yn eu ciw ac yn gallu eu cymeradwyo neu eu gwrthod. Mae'r cyflenwi'n dod i ben ohono'i hun ar ddiwedd ei ddiwrnod olaf.",
    currentHeading: 'Cyflenwi presennol ac i ddod',
    noCover: 'Does dim cyflenwi wedi’i osod.',
    team: 'Tîm',
    coverBy: 'Yn cyflenwi',
    dates: 'Dyddiadau',
    action: 'Gweithred',
    period: (from: string, to: string) => (from === to ? `${from}` : `${from} i ${to}`),
    endLink: 'Dod i ben yn gynnar',
    endLinkHidden: (name: string, team: string) => ` cyflenwi gan ${name} ar gyfer ${team}`,
    setHeading: 'Gosod cyflenwi',
    coverByLabel: 'Y rheolwr a fydd yn cyflenwi',
    coverByHint: "Dim ond rheolwyr sydd wedi mewngofnodi i Fail Forward sy'n cael eu rhestru.",
    chooseManager: 'Dewiswch reolwr',
    fromLabel: 'Diwrnod cyntaf y cyflenwi',
    toLabel: 'Diwrnod olaf y cyflenwi',
    dateHint: 'Er enghraifft, 27 3 2027',
    toHint: 'Gall cyflenwi bara hyd at 90 diwrnod. Er enghraifft, 10 4 2027',
    reasonLabel: 'Rheswm (dewisol)',
    reasonHint:
      'Er enghraifft, gwyliau blynyddol. Peidiwch â chynnwys manylion iechyd na manylion personol eraill.',
    submit: 'Gosod cyflenwi',
    issue: (path: string, _message: string) =>
      ({
        coverBy: 'Dewiswch reolwr arall sydd wedi mewngofnodi i Fail Forward, nid chi eich hun',
        from: "Rhowch ddiwrnod cyntaf go iawn, heddiw neu yn y dyfodol, nad yw'n gorgyffwrdd â chyflenwi arall",
        to: "Rhowch ddiwrnod olaf go iawn, ar ôl y diwrnod cyntaf neu'r un diwrnod, hyd at 90 diwrnod",
        reason: 'Rhowch reswm o 500 nod neu lai',
      })[path] ?? 'Gwiriwch yr ateb hwn',
    confirmTitle: (name: string, team: string) => `Dod â chyflenwi gan ${name} ar gyfer ${team} i ben nawr?`,
    confirmBody:
      'Fydd eu ciw ddim yn dangos syniadau eich tîm mwyach. Gallwch chi osod cyflenwi eto unrhyw bryd.',
    confirmButton: 'Dod â’r cyflenwi i ben nawr',
    cancel: 'Canslo',
  },
};
