/**
 * Y catalog negeseuon Cymraeg.
 *
 * DRAFT TRANSLATION: written by the development team in plain Welsh (Cymraeg Clir), not yet signed off.
 * TermCymru itself could not be reached from where this was written. Some key terms ("cydsyniad" for
 * consent, "diogelu" for safeguarding, "llywodraethu gwybodaeth", "swyddog diogelu data", "datganiad
 * hygyrchedd", "rheolwr") were checked against Welsh public bodies' published use; others ("cymeradwyo"
 * for a manager's approval, "caniatáu" for the card's, "arbrawf", "prawf", "lwfans arloesi") were not
 * (the README says which, and where). The council's Welsh language
 * officer or a professional translator must sign it off before the service goes live; until then the
 * pages say so in Welsh mode through `draftNotice` (see the README). Register: "chi" throughout;
 * negatives as "Dydy/Does dim/Wnaeth neb"; "wedi'i"/"wedi'u", never "wedi ei"; a number with a
 * singular noun ("5 diwrnod", "6 wythnos", "10 person neu deulu"), unmutated after digits.
 */

import { teamNames } from '#shared/domain/teams.ts';
import type { Messages } from './en.ts';
import { governanceCy } from './governance-cy.ts';
import { LANGUAGES } from './languages.ts';
import { statementsCy } from './statements-cy.ts';

const WAIT_FOR_MANAGER = 'Peidiwch â dechrau eich prawf nes bydd rheolwr yn ei gymeradwyo.';
const SAFEGUARDING_NOW =
  'Os gallai rhywun fod mewn perygl nawr, dilynwch eich gweithdrefnau diogelu ar unwaith.';
const WITHIN = "o fewn terfynau'r cerdyn";

/** "dros derfyn y cerdyn o £500", or the team's own limit. */
const limitOf = (limit: string, whose?: string) =>
  whose === 'team' ? `dros derfyn y tîm o ${limit}` : `dros derfyn y cerdyn o ${limit}`;

export const cy: Messages = {
  ...LANGUAGES.cy,
  draftNotice:
    "Cyfieithiad drafft yw hwn. Mae angen i siaradwr Cymraeg (swyddog y Gymraeg y cyngor neu gyfieithydd proffesiynol) ei gymeradwyo cyn i'r gwasanaeth fynd yn fyw.",
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
    queue: "Syniadau sy'n aros amdanoch chi",
    dashboard: 'Dangosfwrdd',
    log: 'Log yr arbrofion',
    people: 'Pobl sydd wedi mewngofnodi',
    policy: "Terfynau'r cerdyn",
    library: 'Llyfrgell ddysgu',
  },

  common: {
    continue: 'Parhau',
    change: 'Newid',
    yes: 'Ie',
    notAnswered: 'Heb ei ateb',
    empty: 'Dim',
    theCard: 'y cerdyn ysgogi',
    system: 'Methu Ymlaen',
    // After "gan" (historyBy), so mutated.
    nameRemoved: "rywun y mae ei enw wedi'i dynnu",
    previous: 'Blaenorol',
    next: 'Nesaf',
    errorSummaryTitle: 'Mae problem wedi codi',
    waitForManager: WAIT_FOR_MANAGER,
    safeguardingNow: SAFEGUARDING_NOW,
    warning: 'Rhybudd',
  },

  time: {
    am: 'yb',
    pm: 'yh',
    midday: 'hanner dydd',
    midnight: 'hanner nos',
    at: (time: string, date: string) => `${time} ar ${date}`,
  },

  dateInput: { day: 'Diwrnod', month: 'Mis', year: 'Blwyddyn' },

  teams: teamNames('cy'),

  roles: { staff: 'staff', manager: 'rheolwr', leader: 'arweinydd', governance: 'llywodraethu gwybodaeth' },

  statuses: {
    assessing: "Wrthi'n cael ei wirio",
    authorised: 'Gall fwrw ymlaen',
    escalated: 'Gyda rheolwr',
    declined: "Wedi'i wrthod",
    testing: "Wrthi'n cael ei brofi",
    adopted: "Wedi'i argymell",
    abandoned: "Wedi'i atal",
  },

  events: {
    submitted: "Wedi'i gyflwyno",
    authorised: "Wedi'i ganiatáu gan y cerdyn",
    escalated: "Wedi'i anfon at reolwr",
    raisedToLeaders: "Wedi'i drosglwyddo i arweinwyr",
    approved: "Wedi'i gymeradwyo",
    declined: "Wedi'i wrthod",
    cycleRecorded: "Prawf wedi'i gofnodi",
    reminded: "Nodyn atgoffa wedi'i anfon",
    failed: "Aeth rhywbeth o'i le",
    continued: "Wedi parhau'n awtomatig",
    redacted: "Testun wedi'i dynnu gan lywodraethu gwybodaeth",
    incidentReported: "Digwyddiad difrifol wedi'i adrodd i reolwyr ac arweinwyr",
  },

  eventDetails: {
    authorised: `Mae pob ateb ${WITHIN}.`,
    escalated: "Roedd rhai atebion y tu allan i derfynau'r cerdyn.",
    changesOutside: (test: string) =>
      `Mae'r newidiadau a gofnodwyd gyda phrawf ${test} y tu allan i derfynau'r cerdyn:`,
    cycle: (test: string, learned: string) => `Prawf ${test}: ${learned}`,
    reminded:
      'Roedd y dyddiad adolygu wedi mynd heibio, felly anfonwyd nodyn i atgoffa i gofnodi beth ddigwyddodd.',
    raisedToLeaders: 'Wnaeth neb benderfynu erbyn y dyddiad cau, felly gall arweinydd benderfynu arno nawr.',
    failed: "Methodd un o'r camau. Mae'r tîm sy'n rhedeg Methu Ymlaen yn gallu ei weld a bydd yn ei gywiro.",
    redacted: (field: string, reason: string) => `Tynnwyd testun “${field}”: ${reason}`,
  },

  amounts: {
    pounds: (formatted: string) => `£${formatted}`,
    people: (formatted: string) => `${formatted} person neu deulu`,
    weeks: (formatted: string) => `${formatted} wythnos`,
    hours: (formatted: string) => `${formatted} awr`,
  },

  card: {
    unrecognised: "ateb nad yw'r cerdyn yn ei adnabod",
    allowance: {
      topic: 'Lwfans arloesi',
      above: (answer: string, left: string) =>
        `${answer} i gyd, dros y ${left} sydd ar ôl yn lwfans y tîm ar gyfer eleni`,
    },
    safeguarding: {
      label: 'A allai hyn roi plentyn, person ifanc neu oedolyn mewn perygl o niwed?',
      short: 'Perygl o niwed',
      hint: SAFEGUARDING_NOW,
      answers: { no: 'Na allai', yes: 'Gallai', unsure: 'Ddim yn siŵr' },
      error: 'Dewiswch a allai hyn roi plentyn, person ifanc neu oedolyn mewn perygl o niwed',
      reasons: {
        yes: 'gallai roi plentyn, person ifanc neu oedolyn mewn perygl o niwed',
        unsure: 'ansicr a allai roi plentyn, person ifanc neu oedolyn mewn perygl o niwed',
      },
    },
    lawful: {
      label: "Ydych chi'n hyderus ei fod yn gyfreithlon ac yn cadw at ein dyletswyddau statudol?",
      short: "Y gyfraith a'n dyletswyddau statudol",
      hint: 'Os nad ydych chi\'n gwybod, atebwch "Ddim yn siŵr": gall rheolwr ei wirio gyda chi.',
      answers: { yes: 'Ydw', no: 'Nac ydw', unsure: 'Ddim yn siŵr' },
      error: "Dewiswch a ydych chi'n hyderus ei fod yn gyfreithlon ac yn cadw at ein dyletswyddau statudol",
      reasons: {
        no: 'heb hyder ei fod yn gyfreithlon ac yn cadw at ein dyletswyddau statudol',
        unsure: "ansicr a yw'n gyfreithlon ac yn cadw at ein dyletswyddau statudol",
      },
    },
    personalData: {
      label: "A yw'n defnyddio gwybodaeth bersonol pobl mewn ffordd newydd?",
      short: 'Gwybodaeth bersonol',
      hint: 'Er enghraifft, ei rhannu â rhywun newydd, neu ei defnyddio ar gyfer rhywbeth na chafodd pobl wybod amdano.',
      answers: { no: 'Nac ydy', yes: 'Ydy', unsure: 'Ddim yn siŵr' },
      error: "Dewiswch a yw'n defnyddio gwybodaeth bersonol pobl mewn ffordd newydd",
      reasons: {
        yes: 'yn defnyddio gwybodaeth bersonol pobl mewn ffordd newydd',
        unsure: "ansicr a yw'n defnyddio gwybodaeth bersonol pobl mewn ffordd newydd",
      },
    },
    consent: {
      label: "A fydd y bobl sy'n cymryd rhan yn gwybod amdano ac yn rhydd i ddweud na?",
      short: 'Cydsyniad',
      hint: "Teuluoedd, plant ac unrhyw un arall sy'n rhan o'r prawf.",
      notApplicableHint:
        "Dim ond pan nad oes teuluoedd, plant nac aelodau eraill o'r cyhoedd yn cymryd rhan, er enghraifft newid i waith papur eich tîm eich hun.",
      answers: { yes: 'Byddan', no: 'Na fyddan', notApplicable: 'Ddim yn berthnasol' },
      error: "Dewiswch a fydd y bobl sy'n cymryd rhan yn gwybod amdano ac yn rhydd i ddweud na",
      reasons: {
        no: "fydd y bobl sy'n cymryd rhan ddim yn gwybod amdano, neu fyddan nhw ddim yn rhydd i ddweud na",
      },
    },
    reversible: {
      label: "Allwch chi ei atal yn gyflym a rhoi pethau'n ôl fel yr oedden nhw os aiff rhywbeth o'i le?",
      short: "Ei atal os aiff rhywbeth o'i le",
      hint: "Er enghraifft, gallech chi atal y galwadau a mynd yn ôl at lythyrau'r un diwrnod.",
      answers: { yes: 'Gallaf', no: 'Na allaf' },
      error: "Dewiswch a allwch chi ei atal yn gyflym a rhoi pethau'n ôl os aiff rhywbeth o'i le",
      reasons: {
        no: "dim modd ei atal yn gyflym a rhoi pethau'n ôl fel yr oedden nhw",
      },
    },
    frontPage: {
      label:
        "A fyddech chi'n gyfforddus yn ei esbonio i'r teuluoedd dan sylw, i'ch cydweithwyr ac i'r papur lleol?",
      short: 'Ei esbonio yn agored',
      hint: "Os byddai'n well gennych chi nad oedd unrhyw un ohonyn nhw'n cael gwybod, atebwch na.",
      answers: { yes: 'Byddwn', no: 'Na fyddwn' },
      error:
        "Dewiswch a fyddech chi'n gyfforddus yn ei esbonio i'r teuluoedd dan sylw, i'ch cydweithwyr ac i'r papur lleol",
      reasons: {
        no: "anghyfforddus yn ei esbonio i'r teuluoedd dan sylw, i gydweithwyr ac i'r papur lleol",
      },
    },
    extraCost: {
      label: 'Faint o arian ychwanegol fydd ei angen, mewn punnoedd, y tu hwnt i gyllideb arferol eich tîm?',
      short: 'Arian ychwanegol',
      prefix: '£',
      suffix: '',
      hint: (limit: string) =>
        `Cyfanswm ar gyfer y prawf hwn: arian nad yw cyllideb arferol eich tîm yn ei dalu'n barod. Mae hyd at ${limit} ${WITHIN}. Rhowch 0 os nad oes angen dim.`,
      errors: {
        enter: 'Rhowch faint o arian ychwanegol fydd ei angen, mewn punnoedd',
        notNumber: "Rhaid i'r arian ychwanegol fod yn rhif, fel 750 neu 750.50",
        tooSmall: "Rhaid i'r arian ychwanegol fod yn £0 neu fwy",
        precision: 'Rhowch yr arian ychwanegol mewn punnoedd a cheiniogau, fel 750 neu 750.50',
        tooBig: "Rhaid i'r arian ychwanegol fod yn £10,000,000 neu lai",
      },
      reason: (answer: string, limit: string, whose?: string) => `${answer} i gyd, ${limitOf(limit, whose)}`,
    },
    peopleInvolved: {
      label: 'Faint o bobl neu deuluoedd fydd yn cymryd rhan?',
      short: "Pobl neu deuluoedd sy'n cymryd rhan",
      prefix: '',
      suffix: 'person neu deulu',
      hint: (limit: string) =>
        `Cyfanswm ar gyfer y prawf hwn. Cyfrwch bob teulu unwaith. Mae hyd at ${limit} ${WITHIN}.`,
      errors: {
        enter: 'Rhowch faint o bobl neu deuluoedd fydd yn cymryd rhan',
        notNumber: "Rhaid i nifer y bobl neu'r teuluoedd fod yn rhif, fel 8",
        tooSmall: "Rhaid i nifer y bobl neu'r teuluoedd fod yn 0 neu fwy",
        precision: "Rhaid i nifer y bobl neu'r teuluoedd fod yn rhif cyfan",
        tooBig: "Rhaid i nifer y bobl neu'r teuluoedd fod yn 1,000,000 neu lai",
      },
      reason: (answer: string, limit: string, whose?: string) => `${answer}, ${limitOf(limit, whose)}`,
    },
    durationWeeks: {
      label: 'Am faint o wythnosau fydd y prawf yn rhedeg cyn i chi ei adolygu?',
      short: 'Wythnosau cyn adolygu',
      prefix: '',
      suffix: 'wythnos',
      hint: (limit: string) =>
        `O'r diwrnod y mae'r prawf yn dechrau i'r diwrnod y byddwch chi'n ei adolygu. Mae hyd at ${limit} ${WITHIN}.`,
      errors: {
        enter: 'Rhowch am faint o wythnosau fydd y prawf yn rhedeg cyn i chi ei adolygu',
        notNumber: 'Rhaid i nifer yr wythnosau fod yn rhif, fel 4',
        tooSmall: 'Rhaid i nifer yr wythnosau fod yn 1 neu fwy',
        precision: 'Rhaid i nifer yr wythnosau fod yn rhif cyfan',
        tooBig: 'Rhaid i nifer yr wythnosau fod yn 52 neu lai: adolygwch y prawf o leiaf unwaith y flwyddyn',
      },
      reason: (answer: string, limit: string, whose?: string) => `${answer}, ${limitOf(limit, whose)}`,
    },
    staffHours: {
      label: 'Faint o oriau staff ychwanegol fydd eu hangen?',
      short: 'Oriau staff ychwanegol',
      prefix: '',
      suffix: 'awr',
      hint: (limit: string) =>
        `Cyfanswm ar gyfer y prawf hwn, wedi'i adio ar gyfer pawb dan sylw: amser ar ben eu gwaith arferol. Mae hyd at ${limit} ${WITHIN}. Rhowch 0 os nad oes angen dim.`,
      errors: {
        enter: 'Rhowch faint o oriau staff ychwanegol fydd eu hangen',
        notNumber: "Rhaid i'r oriau staff ychwanegol fod yn rhif, fel 12 neu 7.5",
        tooSmall: "Rhaid i'r oriau staff ychwanegol fod yn 0 neu fwy",
        precision: 'Rhowch yr oriau staff ychwanegol i ddim mwy na 2 le degol, fel 7.5',
        tooBig: "Rhaid i'r oriau staff ychwanegol fod yn 100,000 neu lai",
      },
      reason: (answer: string, limit: string, whose?: string) => `${answer} i gyd, ${limitOf(limit, whose)}`,
    },
    commitToShare: {
      label: "Byddaf yn cofnodi'r hyn a ddysgwn, p'un a yw'n gweithio ai peidio",
      short: "Cofnodi'r hyn a ddysgwch",
      legend: "Rhannu'r hyn a ddysgwch",
      error: "Cadarnhewch y byddwch chi'n cofnodi'r hyn a ddysgwch, p'un a yw'n gweithio ai peidio",
      yes: 'Ie',
    },
  },

  fields: {
    title: {
      label: "Rhowch deitl byr i'ch syniad",
      hint: `Er enghraifft, "Galwadau gyda'r nos i atgyfeiriadau newydd". Defnyddiwch rhwng 5 a 120 nod.`,
      short: 'Teitl',
      errors: {
        enter: "Rhowch deitl i'ch syniad",
        tooShort: "Rhaid i'r teitl fod yn 5 nod neu fwy",
        tooLong: "Rhaid i'r teitl fod yn 120 nod neu lai",
      },
    },
    problem: {
      label: "Beth sydd o'i le heddiw?",
      hint: "Disgrifiwch y broblem sydd gan y teuluoedd neu'ch tîm nawr, mewn ychydig frawddegau. Disgrifiwch bobl, peidiwch â'u henwi.",
      short: "Beth sydd o'i le heddiw?",
      errors: {
        enter: "Rhowch beth sydd o'i le heddiw",
        tooLong: "Rhaid i'r disgrifiad o beth sydd o'i le heddiw fod yn 2,000 nod neu lai",
      },
    },
    weBelieve: {
      label: "Pa newid ydych chi'n meddwl fydd yn helpu?",
      hint: 'Er enghraifft, "galwad fer ar noson cyrraedd yr atgyfeiriad".',
      short: 'Pa newid fydd yn helpu?',
      errors: {
        enter: "Rhowch y newid rydych chi'n meddwl fydd yn helpu",
        tooLong: "Rhaid i'r newid rydych chi'n meddwl fydd yn helpu fod yn 1,000 nod neu lai",
      },
    },
    toTestIt: {
      label: "Sut byddwch chi'n ei brofi?",
      hint: "Beth fyddwch chi'n ei wneud, gyda phwy, ac am ba hyd.",
      short: 'Sut bydd yn cael ei brofi?',
      errors: {
        enter: "Rhowch sut byddwch chi'n ei brofi",
        tooLong: "Rhaid i'r disgrifiad o sut byddwch chi'n ei brofi fod yn 1,000 nod neu lai",
      },
    },
    measure: {
      label: "Beth fyddwch chi'n ei fesur?",
      hint: "Beth fyddwch chi'n ei gyfrif neu'n edrych arno i weld a weithiodd.",
      short: 'Beth fydd yn cael ei fesur?',
      errors: {
        enter: "Rhowch beth fyddwch chi'n ei fesur",
        tooLong: "Rhaid i'r hyn fyddwch chi'n ei fesur fod yn 1,000 nod neu lai",
      },
    },
    rightIf: {
      label: "Pa ganlyniad fyddai'n dangos ei fod yn gweithio?",
      hint: `Er enghraifft, "mae saith o bob deg teulu'n derbyn yr apwyntiad cyntaf".`,
      short: "Pa ganlyniad fyddai'n dangos ei fod yn gweithio?",
      errors: {
        enter: "Rhowch y canlyniad a fyddai'n dangos ei fod yn gweithio",
        tooLong: "Rhaid i'r canlyniad a fyddai'n dangos ei fod yn gweithio fod yn 1,000 nod neu lai",
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
      errors: { enter: 'Dewiswch a weithiodd' },
    },
    observed: {
      errors: {
        enter: 'Rhowch beth welsoch chi',
        tooLong: "Rhaid i'r hyn a welsoch chi fod yn 2,000 nod neu lai",
      },
    },
    learned: {
      errors: {
        enter: 'Rhowch beth ddysgoch chi',
        tooLong: "Rhaid i'r hyn a ddysgoch chi fod yn 2,000 nod neu lai",
      },
    },
    next: {
      errors: { enter: "Dewiswch beth sy'n digwydd nesaf" },
    },
    decisionDeadlineDays: {
      errors: {
        enter: 'Rhowch nifer y diwrnodau sydd gan reolwr i benderfynu',
        notNumber: 'Rhaid i nifer y diwrnodau sydd gan reolwr i benderfynu fod yn rhif, fel 5',
        range: 'Rhaid i nifer y diwrnodau sydd gan reolwr i benderfynu fod rhwng 1 a 60',
        precision: 'Rhaid i nifer y diwrnodau sydd gan reolwr i benderfynu fod yn rhif cyfan',
      },
    },
    policyReason: {
      errors: {
        enter: "Rhowch pam rydych chi'n newid y terfynau",
        tooShort: "Rhaid i'r rheswm dros y newid fod yn 5 nod neu fwy",
        tooLong: "Rhaid i'r rheswm dros y newid fod yn 2,000 nod neu lai",
      },
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
    intro: "Ysgrifennwch beth welsoch chi a beth ddysgoch chi o'r prawf hwn, p'un a weithiodd ai peidio.",
    resultLegend: 'A weithiodd?',
    results: { worked: 'Do, fe weithiodd', didNotWork: 'Naddo, ni weithiodd', unclear: 'Ddim yn glir eto' },
    observedLabel: 'Beth welsoch chi?',
    observedHint:
      "Beth ddigwyddodd, i'r teuluoedd ac i'ch tîm. Mae rhifau'n help. Disgrifiwch bobl, peidiwch â'u henwi.",
    learnedLabel: 'Beth ddysgoch chi?',
    learnedHint: "Beth fyddech chi'n ei ddweud wrth gydweithiwr sy'n rhoi cynnig ar rywbeth tebyg.",
    nextLegend: "Beth sy'n digwydd nesaf?",
    nextSteps: {
      adapt: "Ei newid a'i brofi eto",
      adopt: 'Argymell ei wneud yn arfer safonol',
      abandon: "Ei atal a chadw'r hyn a ddysgon ni",
    },
    nextHints: {
      adapt: 'Cynnal prawf arall. Os bydd unrhyw ateb ar y cerdyn yn newid, cofnodwch ef isod.',
      adopt:
        "Mae'r prawf yn dod i ben yma. Bydd rheolwyr eich tîm yn cael gwybod, er mwyn iddyn nhw benderfynu a ddylai ddod yn arfer safonol.",
      abandon: "Mae'r prawf yn dod i ben yma. Bydd yr hyn a ddysgoch chi'n aros yn y log i eraill.",
    },
    changesHeading: "Os byddwch chi'n ei newid a'i brofi eto",
    changesIntro:
      "Os bydd unrhyw ateb ar y cerdyn yn newid, ar gyfer cwestiwn diogelwch, yr arian, y bobl, yr wythnosau neu'r oriau staff, rhaid i chi gofnodi'r ateb newydd isod.",
    changesLimits:
      "Dydy terfynau'r cerdyn ddim yn dechrau eto ar gyfer prawf newydd: rhowch y cyfansymiau newydd ar gyfer y prawf cyfan, gan gynnwys yr hyn sydd wedi'i ddefnyddio'n barod.",
    changesEscalate: `Os yw ateb newydd y tu allan i derfynau'r cerdyn, mae angen i reolwr benderfynu. ${WAIT_FOR_MANAGER}`,
    changesSummary: 'Cofnodi atebion newydd ar y cerdyn',
    noChange: 'Dim newid',
    currently: (answer: string) => `Nawr: ${answer}`,
    button: "Cadw'r prawf hwn",
    recordedFlash: (n: string) => `Mae prawf ${n} wedi'i gofnodi.`,
    escalatedFlash: (n: string) =>
      `Mae prawf ${n} wedi'i gofnodi. Mae'r newidiadau y tu allan i derfynau'r cerdyn, felly mae angen i reolwr benderfynu. ${WAIT_FOR_MANAGER}`,
    adoptedFlash: (n: string) =>
      `Mae prawf ${n} wedi'i gofnodi. Mae rheolwyr eich tîm wedi cael gwybod eich bod yn argymell ei wneud yn arfer safonol.`,
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
    fromMonth: 'O',
    toMonth: 'Hyd at',
    monthHint: 'Er enghraifft, 3 2025',
    apply: 'Hidlo',
    clear: "Clirio'r hidlyddion",
    fromError: "Rhaid i'r mis dechrau fod yn fis a blwyddyn go iawn, fel 3 2025",
    toError: "Rhaid i'r mis gorffen fod yn fis a blwyddyn go iawn, fel 3 2025",
    orderError: "Rhaid i'r mis gorffen fod yr un fath â'r mis dechrau neu ar ei ôl",
    figuresHeading: 'Y prif ffigurau',
    submitted: 'Syniadau a gyflwynwyd',
    byCard: "Wedi'u caniatáu gan y cerdyn, heb reolwr",
    medianTime: "Roedd hanner y syniadau'n gallu bwrw ymlaen o fewn",
    cycles: 'Profion a gofnodwyd ar gyfer pob syniad, ar gyfartaledd',
    adopted: "Wedi'u hargymell yn arfer safonol",
    abandoned: "Wedi'u hatal",
    testing: 'Yn cael eu profi nawr',
    noMedian: 'Ddim yn hysbys eto',
    hours: (formatted: string) => `${formatted} awr`,
    byMonthHeading: 'Syniadau fesul mis',
    byTeamHeading: 'Syniadau fesul tîm',
    chartLegendCard: "Wedi'u caniatáu gan y cerdyn",
    chartLegendManager: 'Wedi mynd at reolwr',
    tableMonth: 'Mis',
    tableTeam: 'Tîm',
    tableSubmitted: "Wedi'u cyflwyno",
    tableByCard: "Wedi'u caniatáu gan y cerdyn",
    tableManager: 'Wedi mynd at reolwr',
    tableAdopted: "Wedi'u hargymell",
    showTable: (what: string) => `Dangos y rhifau ar gyfer ${what.toLowerCase()} fel tabl`,
    monthSummary: (months: string, total: string, busiest: string, busiestCount: string) =>
      `${total} syniad dros ${months}. Y mis prysuraf oedd ${busiest}, gyda ${busiestCount}.`,
    teamSummary: (teams: string, total: string, busiest: string, busiestCount: string) =>
      `${total} syniad gan ${teams}. Y tîm â'r nifer fwyaf oedd ${busiest}, gyda ${busiestCount}.`,
    counted: (_n: number, formatted: string) => `${formatted} mis`,
    countedTeams: (_n: number, formatted: string) => `${formatted} tîm`,
    empty: "Does dim syniadau wedi'u cyflwyno yn y cyfnod hwn.",
    download: 'Lawrlwytho log yr arbrofion (CSV)',
  },

  policyForm: {
    heading: "Cyhoeddi terfynau newydd i'r cerdyn",
    intro:
      'Newidiwch y terfynau, yna edrychwch sut byddai syniadau blaenorol wedi cael eu hateb cyn i chi gyhoeddi. Does dim modd newid y chwe chwestiwn diogelwch yma.',
    deadlineLabel: 'Diwrnodau sydd gan reolwr i benderfynu',
    deadlineSuffix: 'diwrnod',
    reasonLabel: "Pam rydych chi'n newid y terfynau?",
    reasonHint: 'Gall pawb ddarllen hwn wrth ymyl y fersiwn newydd.',
    preview: 'Gweld yr effaith',
    previewTitle: (v: string) => `Beth fyddai fersiwn ${v} o derfynau'r cerdyn yn ei newid`,
    previewSummary: (considered: string, authorised: string, escalated: string) =>
      `O'r ${considered} syniad diwethaf a gyflwynwyd, byddai'r cerdyn yn caniatáu ${authorised} a byddai ${escalated} yn mynd at reolwr.`,
    changedHeading: 'Syniadau y byddai eu hateb yn newid',
    noneChanged: 'Fyddai dim un syniad blaenorol yn cael ateb gwahanol.',
    columns: { idea: 'Syniad', team: 'Tîm', was: 'Yr ateb bryd hynny', wouldBe: "Yr ateb gyda'r drafft" },
    decisions: { authorised: "Wedi'i ganiatáu gan y cerdyn", escalated: 'Wedi mynd at reolwr' },
    draftHeading: 'Y drafft',
    fromTo: (from: string, to: string) => (from === to ? `${to} (dim newid)` : `${from}, yn newid i ${to}`),
    publish: (v: string) => `Cyhoeddi fersiwn ${v}`,
    edit: 'Newid y drafft',
    publishedFlash: (v: string) =>
      `Mae fersiwn ${v} o derfynau'r cerdyn wedi'i chyhoeddi. Mae syniadau newydd yn cael eu gwirio yn ei herbyn.`,
    raceError: 'Cyhoeddodd rhywun derfynau newydd ar yr un pryd. Gwiriwch nhw a rhowch gynnig arall arni.',
    limitLabels: {
      extraCost: "Yr arian ychwanegol mwyaf y mae'r cerdyn yn ei ganiatáu",
      peopleInvolved: "Y nifer mwyaf o bobl neu deuluoedd y mae'r cerdyn yn ei ganiatáu",
      durationWeeks: "Y nifer mwyaf o wythnosau cyn adolygu y mae'r cerdyn yn ei ganiatáu",
      staffHours: "Y nifer mwyaf o oriau staff ychwanegol y mae'r cerdyn yn ei ganiatáu",
    },
    limitErrors: {
      extraCost: {
        enter: "Rhowch yr arian ychwanegol mwyaf y mae'r cerdyn yn ei ganiatáu, mewn punnoedd",
        notNumber: "Rhaid i'r terfyn ar arian ychwanegol fod yn rhif, fel 500 neu 500.50",
        range: "Rhaid i'r terfyn ar arian ychwanegol fod rhwng £0 a £1,000,000",
        precision: 'Rhowch y terfyn ar arian ychwanegol mewn punnoedd a cheiniogau, fel 500 neu 500.50',
      },
      peopleInvolved: {
        enter: "Rhowch y nifer mwyaf o bobl neu deuluoedd y mae'r cerdyn yn ei ganiatáu",
        notNumber: "Rhaid i'r terfyn ar bobl neu deuluoedd fod yn rhif, fel 10",
        range: "Rhaid i'r terfyn ar bobl neu deuluoedd fod rhwng 0 a 100,000",
        precision: "Rhaid i'r terfyn ar bobl neu deuluoedd fod yn rhif cyfan",
      },
      durationWeeks: {
        enter: "Rhowch y nifer mwyaf o wythnosau cyn adolygu y mae'r cerdyn yn ei ganiatáu",
        notNumber: "Rhaid i'r terfyn ar wythnosau cyn adolygu fod yn rhif, fel 6",
        range: "Rhaid i'r terfyn ar wythnosau cyn adolygu fod rhwng 1 a 52",
        precision: "Rhaid i'r terfyn ar wythnosau cyn adolygu fod yn rhif cyfan",
      },
      staffHours: {
        enter: "Rhowch y nifer mwyaf o oriau staff ychwanegol y mae'r cerdyn yn ei ganiatáu",
        notNumber: "Rhaid i'r terfyn ar oriau staff ychwanegol fod yn rhif, fel 20 neu 7.5",
        range: "Rhaid i'r terfyn ar oriau staff ychwanegol fod rhwng 0 a 10,000",
        precision: 'Rhowch y terfyn ar oriau staff ychwanegol i ddim mwy na 2 le degol, fel 20 neu 7.5',
      },
    },
  },

  start: {
    title: "Rhowch gynnig ar syniad newydd gyda'r cerdyn ysgogi",
    lead: "Methu Ymlaen yw cerdyn ysgogi Methu'n Gyflym, Methu Ymlaen Sir Fynwy, ar-lein.",
    p1: "Os ydych chi'n gweithio gyda phlant, pobl ifanc neu deuluoedd a bod gennych chi syniad am wneud rhywbeth yn well, yn aml gallwch chi ei brofi ar unwaith, heb ofyn i reolwr yn gyntaf.",
    p2: `Mae'r cerdyn yn gofyn chwe chwestiwn am ddiogelwch a phedwar am faint. Os yw pob ateb ${WITHIN}, gallwch chi ddechrau eich prawf. Os oes unrhyw ateb y tu allan iddyn nhw, bydd un o reolwyr eich tîm yn penderfynu yn gyntaf.`,
    howTitle: "Sut mae'n gweithio",
    steps: [
      "Disgrifiwch eich syniad a'r broblem y mae'n ei datrys.",
      "Ysgrifennwch eich cynllun prawf: y newid rydych chi'n meddwl fydd yn helpu, sut byddwch chi'n ei brofi, beth fyddwch chi'n ei fesur a'r canlyniad a fyddai'n dangos ei fod yn gweithio.",
      'Atebwch y cwestiynau ar y cerdyn ysgogi.',
      "Cewch yr ateb ar unwaith: naill ai gallwch chi fwrw ymlaen, neu mae angen i un o reolwyr eich tîm benderfynu yn gyntaf, a byddwch chi'n cael gwybod pam.",
      "Cynhaliwch y prawf, yna cofnodwch beth ddigwyddodd, p'un a weithiodd ai peidio, er mwyn i bawb allu dysgu ohono.",
    ],
    questionsTitle: 'Y chwe chwestiwn diogelwch',
    questionsIntro: `Mae eich syniad ${WITHIN} dim ond os oes gan bob un o'r rhain yr ateb a ddangosir.`,
    questionsCaption: "Y chwe chwestiwn diogelwch, a'r ateb sydd o fewn terfynau'r cerdyn",
    questionColumn: 'Cwestiwn',
    answerColumn: "Yr ateb sydd o fewn terfynau'r cerdyn",
    needs: {
      safeguarding: 'Na allai',
      lawful: 'Ydw',
      personalData: 'Nac ydy',
      consent: "Byddan, neu ddim yn berthnasol am nad oes neb y tu allan i'ch tîm yn cymryd rhan",
      reversible: 'Gallaf',
      frontPage: 'Byddwn',
    },
    limitsTitle: "Terfynau'r cerdyn heddiw",
    limitsIntro: 'Mae angen i gyfanswm y prawf hefyd fod dim mwy na hyn:',
    limitsDeadline: (days: string) =>
      `Os oes angen i reolwr benderfynu, bydd gan y rheolwr ${days} i wneud hynny.`,
    days: (_n: number, formatted: string) => `${formatted} diwrnod`,
    failTitle: "Mae'n iawn methu",
    failText:
      "Dydy prawf sydd ddim yn gweithio ddim yn fethiant os ydych chi'n cofnodi'r hyn a ddysgoch chi. Mae'r cerdyn yn bodoli er mwyn i syniadau da gael eu profi'n gyflym ac yn ddiogel, ac er mwyn rhannu'r hyn rydyn ni'n ei ddysgu.",
    startButton: 'Dechrau nawr',
  },

  signIn: {
    title: 'Mewngofnodi',
    demoIntro:
      "Mae'r copi hwn o Methu Ymlaen yn rhedeg ar un cyfrifiadur er mwyn rhoi cynnig arno. Dewiswch pwy rydych chi am fod. Ar wasanaeth y cyngor, byddwch chi'n mewngofnodi gyda'ch cyfrif cyngor.",
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
    caption: 'Cyflwyno syniad',
    idea: {
      title: 'Disgrifiwch eich syniad',
      intro:
        "Mae eich atebion yn cael eu cadw wrth i chi fynd ymlaen, nes i chi gyflwyno'ch syniad neu allgofnodi.",
    },
    plan: {
      title: 'Eich cynllun prawf',
      intro: "Ysgrifennwch eich syniad fel prawf y gallwch chi ddysgu ohono, p'un a yw'n gweithio ai peidio.",
    },
    card: {
      title: 'Atebwch y cwestiynau ar y cerdyn ysgogi',
      intro: `Atebwch bob cwestiwn yn onest. Os yw pob ateb ${WITHIN}, gallwch chi ddechrau eich prawf heb ofyn i reolwr. Os oes unrhyw ateb y tu allan iddyn nhw, bydd un o reolwyr eich tîm yn penderfynu yn gyntaf.`,
      totals:
        "Cyfansymiau ar gyfer y prawf hwn yw'r rhifau. Os byddwch chi'n ei newid ac yn ei brofi eto yn nes ymlaen, dydy terfynau'r cerdyn ddim yn dechrau eto.",
      version: (version: string) =>
        `Mae eich atebion yn cael eu gwirio yn erbyn fersiwn ${version} o derfynau'r cerdyn.`,
    },
    continue: 'Parhau',
    preview: {
      title: 'Eich cerdyn hyd yma',
      intro:
        "Pa atebion sydd o fewn terfynau'r cerdyn, a pha rai fyddai angen rheolwr. Mae'n newid wrth i chi ateb.",
      inside: 'O fewn y terfynau',
      outside: 'Angen rheolwr',
      notAnswered: 'Heb ei ateb eto',
      allInside: "Hyd yma mae pob ateb o fewn terfynau'r cerdyn.",
      someOutside: (count: string) =>
        count === '1'
          ? 'Hyd yma mae 1 ateb yn golygu bod angen i reolwr benderfynu.'
          : `Hyd yma mae ${count} ateb yn golygu bod angen i reolwr benderfynu.`,
    },
    alreadySubmitted:
      "Rydych chi eisoes wedi cyflwyno'r syniad hwn gydag atebion gwahanol. Cyflwynwch ef eto i'w wneud yn syniad newydd.",
  },

  check: {
    title: "Gwiriwch eich atebion cyn cyflwyno'ch syniad",
    ideaHeading: 'Eich syniad',
    planHeading: 'Eich cynllun prawf',
    cardHeading: 'Y cerdyn ysgogi',
    insideTitle: `Mae pob ateb ${WITHIN}`,
    insideText:
      "Pan fyddwch chi'n cyflwyno'ch syniad, bydd y cerdyn yn gwirio eich atebion eto ac yn dweud wrthoch chi ar unwaith a allwch chi fwrw ymlaen.",
    outsideTitle: 'Bydd angen i reolwr benderfynu',
    outsideIntro:
      'Bydd un o reolwyr eich tîm yn penderfynu a allwch chi fwrw ymlaen, oherwydd yr atebion hyn:',
    outsideTag: 'Angen rheolwr',
    declaration:
      "Drwy gyflwyno'r syniad hwn rydych chi'n cadarnhau bod eich atebion yn wir hyd eithaf eich gwybodaeth.",
    submit: "Cyflwyno'ch syniad",
  },

  confirmation: {
    goAheadTitle: 'Gallwch chi fwrw ymlaen',
    goAheadBody: `Mae pob ateb ${WITHIN}.`,
    coversUntil: (date: string) =>
      `Mae'r caniatâd hwn ar gyfer eich prawf, fel y gwnaethoch chi ei ddisgrifio, tan ${date}.`,
    nextTitle: "Beth sy'n digwydd nesaf",
    goAheadNext: (date: string) =>
      `Cynhaliwch eich prawf fel y gwnaethoch chi ei ddisgrifio. Erbyn ${date}, cofnodwch beth ddigwyddodd ar dudalen eich arbrawf, p'un a weithiodd ai peidio.`,
    goAheadChanges:
      'I newid y prawf neu i barhau ar ôl y dyddiad hwnnw, cofnodwch beth ddigwyddodd a dewiswch "Ei newid a\'i brofi eto": bydd y cerdyn yn gwirio\'r newidiadau.',
    escalatedTitle: 'Mae angen i reolwr benderfynu ar eich syniad',
    escalatedIntro: "Mae'r atebion hyn y tu allan i derfynau'r cerdyn:",
    escalatedNext: (date: string) =>
      `Bydd un o reolwyr eich tîm yn ei gymeradwyo neu'n ei wrthod, a byddwch chi'n cael gwybod. Os na fydd neb yn penderfynu erbyn ${date}, bydd yn mynd at arweinydd i benderfynu.`,
    assessingTitle: "Rydyn ni'n dal i wirio'ch syniad",
    assessingBody: 'Fel arfer mae hyn yn cymryd ychydig eiliadau.',
    notCheckedYet:
      "Nes bydd y cerdyn wedi gwirio'ch syniad, dylech chi gymryd bod angen cymeradwyaeth rheolwr arno.",
    checkAgain: 'Gwirio eto',
    failedTitle: "Aeth rhywbeth o'i le wrth wirio'ch syniad",
    failedBody:
      "Mae eich syniad wedi'i gadw, ond dydy'r cerdyn ddim wedi'i wirio eto. Mae'r tîm sy'n rhedeg Methu Ymlaen yn gallu gweld y broblem a bydd yn ei chywiro.",
    viewExperiment: 'Gweld eich arbrawf',
    submitAnother: 'Cyflwyno syniad arall',
    yourReference: 'Eich syniad',
  },

  experiments: {
    title: 'Eich arbrofion',
    empty: 'Dydych chi ddim wedi cyflwyno unrhyw syniadau eto.',
    submitLink: 'Cyflwyno syniad',
    caption: "Syniadau rydych chi wedi'u cyflwyno, y mwyaf diweddar yn gyntaf",
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
    policy: "Fersiwn terfynau'r cerdyn",
    policyVersion: (v: string) => `Fersiwn ${v}`,
    coversUntil: "Mae'r caniatâd ar gyfer y prawf tan",
    allowedBy: 'Caniatawyd gan',
    allowedByCard: 'Y cerdyn ysgogi',
    approvedBy: 'Cymeradwywyd gan',
    conditions: 'Amodau',
    declinedBy: 'Gwrthodwyd gan',
    declineReason: 'Rheswm dros wrthod',
    deadline: 'Angen penderfyniad erbyn',
    problemHeading: "Beth sydd o'i le heddiw",
    testCardHeading: 'Y cynllun prawf',
    cardHeading: 'Atebion ar y cerdyn',
    reasonsHeading: 'Pam mae angen i reolwr benderfynu',
    reasonsHeadingAfter: 'Pam aeth at reolwr',
    historyHeading: 'Hanes',
    historyBy: (name: string) => `gan ${name}`,
    waitingTitle: "Mae'r syniad hwn yn aros am eich penderfyniad",
    decideLink: 'Penderfynu ar y syniad hwn',
    raisedToLeaders: "Wnaeth neb benderfynu erbyn y dyddiad cau, felly mae wedi'i drosglwyddo i arweinwyr.",
    failureTitle: "Aeth rhywbeth o'i le",
    cyclesHeading: "Profion wedi'u cofnodi",
    cycleTitle: (n: string) => `Prawf ${n}`,
    cycleResult: 'A weithiodd?',
    cycleObserved: 'Beth a welwyd',
    cycleLearned: 'Beth a ddysgwyd',
    cycleNext: 'Beth ddigwyddodd nesaf',
    cycleRecorded: 'Cofnodwyd',
    results: { worked: 'Do, fe weithiodd', didNotWork: 'Naddo, ni weithiodd', unclear: 'Ddim yn glir eto' },
    nextSteps: {
      adapt: "Cafodd ei newid a'i brofi eto",
      adopt: 'Argymhellwyd ei wneud yn arfer safonol',
      abandon: 'Cafodd ei atal a chadwyd yr hyn a ddysgwyd',
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
    title: "Syniadau sy'n aros amdanoch chi",
    managerIntro:
      "Mae gan y syniadau hyn gan eich tîm atebion y tu allan i derfynau'r cerdyn, felly mae angen eich penderfyniad arnyn nhw. Mae'r hynaf yn gyntaf.",
    leaderIntro:
      'Wnaeth neb benderfynu ar y syniadau hyn erbyn eu dyddiad cau, felly gall arweinydd benderfynu arnyn nhw nawr.',
    empty: "Does dim syniadau'n aros amdanoch chi.",
    caption: "Syniadau sy'n aros am benderfyniad, yr hynaf yn gyntaf",
    idea: 'Syniad',
    submittedBy: 'Gan',
    waiting: 'Yn aros ers',
    timeLeft: 'Amser ar ôl',
    overdue: "Mae'r dyddiad cau wedi mynd heibio",
    raised: "Wedi'i drosglwyddo i arweinwyr",
    leftUntil: (relative: string, date: string) => `Angen erbyn ${date} (${relative})`,
    recommendedHeading: "Wedi'u hargymell yn arfer safonol",
    recommendedIntro:
      "Syniadau y mae eich tîm wedi'u profi ac yn argymell eu gwneud yn arfer safonol. Nid yw argymhelliad yn newid y gwasanaeth: rheolwyr y tîm sy'n penderfynu a yw'n ei newid.",
    recommendedLink: (team: string) =>
      `Gweld y syniadau y mae ${team} yn argymell eu gwneud yn arfer safonol`,
    leaderRecommendedIntro: "Syniadau y mae timau wedi'u profi ac yn argymell eu gwneud yn arfer safonol.",
    leaderRecommendedLink: "Gweld pob syniad sydd wedi'i argymell yn arfer safonol",
  },

  case: {
    captionFrom: (name: string, team: string) => `Syniad gan ${name}, ${team}`,
    reasonsHeading: 'Pam mae angen eich penderfyniad',
    outsideTag: "Y tu allan i derfynau'r cerdyn",
    insideTag: "O fewn terfynau'r cerdyn",
    answersHeading: 'Atebion ar y cerdyn',
    deadline: (date: string) =>
      `Penderfynwch erbyn ${date}. Os na fydd neb yn penderfynu erbyn hynny, bydd yn mynd at arweinydd.`,
    decisionHeading: 'Eich penderfyniad',
    legend: "Ydych chi'n cymeradwyo'r syniad hwn?",
    approve: 'Cymeradwyo',
    approveHint:
      "Gallan nhw ddechrau'r prawf, gydag unrhyw amodau rydych chi'n eu hychwanegu. Mae eich cymeradwyaeth ar gyfer y prawf hwn, fel y cafodd ei ddisgrifio, tan ei ddyddiad adolygu.",
    decline: 'Gwrthod',
    declineHint: "Mae'r syniad yn dod i ben yma. Byddan nhw'n gweld eich rheswm.",
    conditionsLabel: "Amodau, os ydych chi'n cymeradwyo (dewisol)",
    conditionsHint: 'Er enghraifft, "Adolygwch y prawf gyda mi ar ôl pythefnos".',
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
    backToQueue: "Yn ôl i'r syniadau sy'n aros amdanoch chi",
    successTitle: 'Llwyddiant',
  },

  log: {
    title: 'Log yr arbrofion',
    intro:
      "Pob syniad a gyflwynwyd, y mwyaf diweddar yn gyntaf. Mae'r chwilio'n edrych mewn teitlau, problemau a'r hyn a ddysgodd pobl.",
    filtersHeading: "Hidlo'r log",
    search: 'Chwilio am air',
    status: 'Statws',
    anyStatus: 'Unrhyw statws',
    team: 'Tîm',
    anyTeam: 'Unrhyw dîm',
    fromDate: 'Cyflwynwyd o',
    toDate: 'Cyflwynwyd hyd at',
    dateHint: 'Er enghraifft, 31 3 2025',
    apply: 'Hidlo',
    clear: "Clirio'r hidlyddion",
    caption: 'Arbrofion, y mwyaf diweddar yn gyntaf',
    columns: {
      idea: 'Syniad',
      team: 'Tîm',
      owner: 'Cyflwynwyd gan',
      status: 'Statws',
      submitted: 'Cyflwynwyd',
      learning: 'Y wers ddiweddaraf',
    },
    empty: "Does dim arbrofion yn cyfateb i'r hidlyddion hyn.",
    more: 'Dangos rhagor o arbrofion',
    download: 'Lawrlwytho log yr arbrofion (CSV)',
    errors: {
      from: "Rhaid i'r dyddiad dechrau fod yn ddyddiad go iawn, fel 31 3 2025",
      to: "Rhaid i'r dyddiad gorffen fod yn ddyddiad go iawn, fel 31 3 2025",
      order: "Rhaid i'r dyddiad gorffen fod yr un fath â'r dyddiad dechrau neu ar ei ôl",
      q: "Rhaid i'r gair i chwilio amdano fod yn 100 nod neu lai",
    },
  },

  policy: {
    title: "Terfynau'r cerdyn",
    intro:
      'Mae gan y cerdyn ysgogi chwe chwestiwn diogelwch, sydd byth yn newid, a phedwar terfyn, y gall arweinwyr eu newid.',
    currentHeading: (v: string) => `Y terfynau heddiw (fersiwn ${v})`,
    deadline: 'Diwrnodau sydd gan reolwr i benderfynu',
    publishedBy: 'Cyhoeddwyd gan',
    byTheCard: 'Y cerdyn ysgogi',
    publishedAt: 'Cyhoeddwyd',
    reason: 'Pam y newidiodd',
    reasonCodes: { printedCard: 'Y terfynau ar y cerdyn ysgogi fel y cafodd ei argraffu gyntaf.' },
    versionsHeading: 'Pob fersiwn',
    versionsCaption: "Pob fersiwn o derfynau'r cerdyn, y mwyaf diweddar yn gyntaf",
    version: 'Fersiwn',
    limits: 'Terfynau',
  },

  people: {
    title: 'Pobl sydd wedi mewngofnodi',
    intro:
      "Pawb sy'n defnyddio Methu Ymlaen nawr, gyda'r un a welwyd ddiwethaf yn gyntaf. Os yw rhywun wedi gadael y cyngor neu wedi colli dyfais, dewch â'u sesiynau i ben: byddan nhw'n cael eu hallgofnodi ym mhobman ar unwaith.",
    caption: "Pobl sydd wedi mewngofnodi, gyda'r un a welwyd ddiwethaf yn gyntaf",
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
      'Ar gyfer rhywun sydd ddim yn y rhestr, er enghraifft am nad ydyn nhw wedi defnyddio Methu Ymlaen ers tro.',
    idLabel: 'ID defnyddiwr',
    idHint: 'Eu ID defnyddiwr ar gyfer mewngofnodi, er enghraifft 8c1f4a2e-6b0d-4c5a-9e37-2f1d0b6a7c41',
    continue: 'Parhau',
    idError: "Rhowch ID defnyddiwr: llythrennau, rhifau a'r nodau . _ @ -, hyd at 128 nod",
    confirmTitle: (name: string) => `Dod â phob un o sesiynau ${name} i ben?`,
    confirmWarning:
      "Byddan nhw'n cael eu hallgofnodi ar bob dyfais ar unwaith. Bydd unrhyw beth maen nhw wedi'i deipio ond heb ei anfon yn cael ei golli.",
    confirmBody:
      'Dydy hyn ddim yn eu hatal rhag mewngofnodi eto. I wneud hynny, analluogwch eu cyfrif hefyd.',
    confirmButton: "Dod â'u sesiynau i ben",
    cancel: 'Canslo',
    endedFlash: (n: number, count: string, name: string) =>
      n === 0
        ? `Doedd gan ${name} ddim sesiynau i'w dod i ben.`
        : `Rydych chi wedi dod â ${count} sesiwn gan ${name} i ben. Maen nhw wedi'u hallgofnodi.`,
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
      body: "Rhowch gynnig arall arni yn nes ymlaen. Dydy eich atebion ddim wedi'u colli os oeddech chi eisoes wedi'u cyflwyno.",
    },
    badRequest: {
      title: "Mae'n ddrwg gennym, doedden ni ddim yn deall y cais hwnnw",
      body: 'Ewch yn ôl a rhowch gynnig arall arni.',
    },
    home: "Mynd i'r dudalen gychwyn",
  },

  cardLearns: {
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
        "Mae syniadau fel hwn wedi cael eu profi o'r blaen, yn eich tîm chi neu mewn timau eraill. Darllenwch beth a ddysgwyd cyn i chi gyflwyno'ch un chi.",
      caseIntro:
        "Mae syniadau fel hwn wedi cael eu profi o'r blaen, yn y tîm hwn neu mewn timau eraill. Gallai'r hyn a ddysgwyd eich helpu i benderfynu.",
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
    coverByHint: "Dim ond rheolwyr sydd wedi mewngofnodi i Methu Ymlaen sy'n cael eu rhestru.",
    chooseManager: 'Dewiswch reolwr',
    fromLabel: 'Diwrnod cyntaf y cyflenwi',
    toLabel: 'Diwrnod olaf y cyflenwi',
    dateHint: 'Er enghraifft, 27 3 2027',
    toHint: 'Gall cyflenwi bara hyd at 90 diwrnod. Er enghraifft, 10 4 2027',
    reasonLabel: 'Rheswm (dewisol)',
    reasonHint:
      'Er enghraifft, gwyliau blynyddol. Peidiwch â chynnwys manylion iechyd na manylion personol eraill.',
    submit: 'Gosod cyflenwi',
    errors: {
      coverByMissing: 'Dewiswch y rheolwr a fydd yn cyflenwi',
      coverBySelf: 'Allwch chi ddim cyflenwi ar eich cyfer chi eich hun: dewiswch reolwr arall',
      coverByUnknown: 'Dewiswch reolwr sydd wedi mewngofnodi i Methu Ymlaen o leiaf unwaith',
      coverByNotManager: (name: string) =>
        `Dydy ${name} ddim yn rheolwr, felly allan nhw ddim penderfynu ar achosion: dewiswch reolwr`,
      fromMissing: 'Rhowch ddiwrnod cyntaf y cyflenwi',
      fromInvalid: 'Rhaid i ddiwrnod cyntaf y cyflenwi fod yn ddyddiad go iawn',
      fromPast: 'Rhaid i ddiwrnod cyntaf y cyflenwi fod heddiw neu yn y dyfodol',
      toMissing: 'Rhowch ddiwrnod olaf y cyflenwi',
      toInvalid: 'Rhaid i ddiwrnod olaf y cyflenwi fod yn ddyddiad go iawn',
      toBeforeFrom: 'Rhaid i ddiwrnod olaf y cyflenwi fod yr un diwrnod â’r diwrnod cyntaf neu ar ei ôl',
      tooLong: (last: string) =>
        `Gall cyflenwi bara hyd at 90 diwrnod: rhaid i ddiwrnod olaf y cyflenwi fod ar ${last} neu cyn hynny`,
      overlap: (from: string, to: string) =>
        `Mae gan y tîm hwn gyflenwi eisoes o ${from} i ${to}: dewiswch ddiwrnodau nad ydyn nhw’n gorgyffwrdd, neu dewch â’r cyflenwi hwnnw i ben yn gyntaf`,
      reasonTooLong: 'Rhaid i’r rheswm fod yn 500 nod neu lai',
    },
    setFlash: (name: string, team: string) => `Bydd ${name} yn cyflenwi ar gyfer ${team}.`,
    confirmTitle: (name: string, team: string) => `Dod â chyflenwi gan ${name} ar gyfer ${team} i ben nawr?`,
    confirmBody:
      'Fydd eu ciw ddim yn dangos syniadau eich tîm mwyach. Gallwch chi osod cyflenwi eto unrhyw bryd.',
    confirmButton: 'Dod â’r cyflenwi i ben nawr',
    cancel: 'Canslo',
  },

  // Welsh puts the singular noun after a number ("500 nod"), so "other" serves each of its plural forms.
  characterCount: {
    description: 'Gallwch ddefnyddio hyd at %{count} nod',
    underLimit: { one: 'Mae gennych %{count} nod ar ôl', other: 'Mae gennych %{count} nod ar ôl' },
    atLimit: 'Mae gennych 0 nod ar ôl',
    overLimit: { one: 'Mae gennych %{count} nod yn ormod', other: 'Mae gennych %{count} nod yn ormod' },
  },
};
