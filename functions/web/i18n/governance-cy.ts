/**
 * Geiriau tudalennau llywodraethu gwybodaeth yn Gymraeg. DRAFT TRANSLATION, like the rest of cy.ts:
 * to be checked by the council's Welsh language officer before the service goes live.
 */
import type { AuditAction, AuditOutcome } from '#shared/domain/audit.ts';
import type { governanceEn } from './governance-en.ts';

const ACTIONS: Record<AuditAction, string> = {
  signIn: 'Wedi mewngofnodi',
  signOut: 'Wedi allgofnodi',
  sessionEnded: 'Sesiynau wedi dod i ben gan rywun arall',
  decision: 'Penderfyniad',
  cycle: 'Cylch prawf wedi’i gofnodi',
  policyPublished: 'Fersiwn o’r cerdyn wedi’i chyhoeddi',
  csvExport: 'Log yr arbrofion wedi’i lawrlwytho',
  libraryExport: 'Y llyfrgell ddysgu wedi’i lawrlwytho',
  recordsExport: 'Cofnodion person wedi’u gweld neu eu lawrlwytho',
  erasure: 'Person wedi’i ddileu',
  redaction: 'Testun wedi’i dynnu',
  readRefused: 'Gwrthodwyd: darllen arbrawf',
  changeRefused: 'Gwrthodwyd: newid arbrawf',
  coverSet: 'Cyflenwi wedi’i osod',
  coverEnded: 'Cyflenwi wedi dod i ben',
  anonymisation: 'Wedi’i wneud yn ddienw ar ôl y cyfnod cadw',
};

const OUTCOMES: Record<AuditOutcome, string> = {
  done: 'Wedi’i wneud',
  forbidden: 'Gwrthodwyd: dim caniatâd',
  notFound: 'Gwrthodwyd: heb ei ganfod',
};

export const governanceCy: typeof governanceEn = {
  records: {
    nav: 'Dod o hyd i gofnodion person',
    title: 'Dod o hyd i gofnodion person',
    intro:
      'Popeth y mae Methu Ymlaen yn ei gadw am un person, i ateb cais gwrthrych am wybodaeth neu gais i ddileu. Mae edrych ar gofnodion rhywun yn cael ei gofnodi yn y trywydd archwilio.',
    idLabel: 'ID defnyddiwr',
    idHint: 'Eu ID defnyddiwr ar gyfer mewngofnodi, er enghraifft 8c1f4a2e-6b0d-4c5a-9e37-2f1d0b6a7c41',
    find: 'Dod o hyd i gofnodion',
    idError: "Rhowch ID defnyddiwr: llythrennau, rhifau a'r nodau . _ @ -, hyd at 128 nod",
    nothingHeld: (id: string) => `Does dim yn cael ei gadw am berson â’r ID defnyddiwr ${id}.`,
    resultsTitle: (id: string) => `Cofnodion ${id}`,
    download: 'Lawrlwytho fel JSON',
    noneFound: 'Dim.',
    experimentsHeading: 'Arbrofion sy’n eu henwi',
    decisionsHeading: 'Penderfyniadau a gofnodwyd ganddynt',
    cyclesHeading: 'Cylchoedd prawf a gofnodwyd ganddynt',
    auditHeading: 'Cofnodion yn y trywydd archwilio amdanynt',
    sessionsLabel: 'Sesiynau sydd ar agor nawr',
    roleOwner: 'Eu syniad nhw',
    roleNamed: 'Yn eu henwi',
    outcomes: { approve: 'Cymeradwywyd', decline: 'Gwrthodwyd' },
    columns: {
      idea: 'Syniad',
      status: 'Statws',
      role: 'Sut mae’n eu henwi',
      updated: 'Newidiwyd ddiwethaf',
      at: 'Pryd',
      outcome: 'Penderfyniad',
      detail: 'Rheswm neu amodau',
      cycle: 'Cylch',
      result: 'Canlyniad',
    },
    eraseHeading: 'Dileu’r person hwn',
    eraseBody:
      'Ar gyfer cais i ddileu: caiff eu ID defnyddiwr a’u henw eu tynnu o bob arbrawf a daw eu sesiynau i ben. Mae’r hyn a ysgrifennwyd ganddynt yn aros, fel bod y dysgu’n cael ei gadw. Mae’r trywydd archwilio’n cadw ei gofnodion, er mwyn atebolrwydd.',
    eraseLink: 'Dileu cofnodion y person hwn',
    confirmTitle: (id: string) => `Dileu cofnodion ${id}?`,
    confirmWarning: 'Ni allwch ddadwneud dileu.',
    confirmIds:
      'Caiff eu ID defnyddiwr a’u henw eu tynnu o bob arbrawf, penderfyniad, cylch a chofnod yn yr hanes.',
    confirmSessions: 'Daw eu sesiynau i ben: byddant yn cael eu hallgofnodi ar bob dyfais ar unwaith.',
    confirmAudit: 'Nid yw’r trywydd archwilio’n newid, a bydd yn cofnodi’r dileu hwn a’ch rheswm.',
    reasonLabel: 'Pam ydych chi’n dileu eu cofnodion?',
    reasonHint:
      'Er enghraifft, cyfeirnod eu cais i ddileu. Peidiwch â chynnwys eu henw na’u manylion cyswllt.',
    reasonError: 'Rhowch y rheswm dros ddileu cofnodion y person hwn, rhwng 5 a 2,000 o nodau',
    confirmButton: 'Dileu eu cofnodion',
    cancel: 'Canslo',
    erasedTitle: 'Cofnodion wedi’u dileu',
    erasedBody: (_n: number, experiments: string, entries: string) =>
      `Tynnwyd eu ID defnyddiwr a’u henw o ${experiments} arbrawf (${entries} lle i gyd).`,
    erasedNothing: 'Doedd dim yn eu henwi bellach: roedd eu cofnodion eisoes wedi’u dileu.',
    erasedSessions: 'Mae eu sesiynau wedi dod i ben: maent wedi’u hallgofnodi ar bob dyfais.',
    erasedAudit: 'Mae’r dileu a’ch rheswm wedi’u cofnodi yn y trywydd archwilio.',
    another: 'Dod o hyd i gofnodion person arall',
  },

  redaction: {
    link: 'Tynnu testun',
    linkHidden: (field: string) => ` o ${field}`,
    sectionHeading: 'Tynnu manylion personol',
    sectionIntro:
      'Os teipiodd rhywun fanylion personol i’r cofnod hwn drwy gamgymeriad, tynnwch destun y maes hwnnw. Mae’r tynnu a’ch rheswm yn cael eu cadw yn yr hanes ac yn y trywydd archwilio.',
    fieldColumn: 'Maes',
    textColumn: 'Testun',
    title: 'Tynnu testun maes',
    fieldLabel: 'Maes',
    textLabel: 'Y testun a fydd yn cael ei dynnu',
    replacedBy: 'Bydd yn cael ei ddisodli gan: [Removed by information governance]',
    reasonLabel: 'Pam ydych chi’n tynnu’r testun hwn?',
    reasonHint:
      'Disgrifiwch beth oedd ynddo, er enghraifft "rhif ffôn". Peidiwch ag ailadrodd y manylion eu hunain.',
    reasonError: 'Rhowch y rheswm dros dynnu’r testun hwn, rhwng 5 a 2,000 o nodau',
    reasonPersonal: 'Tynnwch y manylion personol o’ch rheswm: disgrifiwch nhw, peidiwch â’u hailadrodd',
    fieldError: 'Dewiswch faes yn yr arbrawf hwn sy’n dal i gynnwys testun',
    button: 'Tynnu’r testun',
    cancel: 'Canslo',
    doneTitle: 'Testun wedi’i dynnu',
    done: (field: string) => `Cafodd testun ${field} ei dynnu.`,
    fields: {
      title: 'Teitl',
      problem: 'Beth sydd o’i le heddiw?',
      'hypothesis.weBelieve': 'Rydym yn credu bod',
      'hypothesis.toTestIt': 'I’w brofi byddwn yn',
      'hypothesis.measure': 'Ac yn mesur',
      'hypothesis.rightIf': 'Rydym yn iawn os',
      'authorisation.conditions': 'Amodau’r awdurdodiad',
      'decision.reason': 'Rheswm dros y penderfyniad',
      'decision.conditions': 'Amodau’r penderfyniad',
      cycleObserved: (n: string) => `Cylch ${n}: beth ddigwyddodd`,
      cycleLearned: (n: string) => `Cylch ${n}: beth a ddysgwyd`,
      cycleIncident: (n: string) => `Cylch ${n}: beth aeth o’i le`,
      history: (n: string) => `Cofnod ${n} yn yr hanes`,
    },
  },

  auditTrail: {
    nav: 'Trywydd archwilio',
    title: 'Trywydd archwilio',
    intro:
      'Pob mewngofnodi, penderfyniad, allforio, dileu, tynnu testun ac ymgais a wrthodwyd, y diweddaraf yn gyntaf. Mae pob cofnod wedi’i gysylltu â’r un cynt gan hash, fel bod modd dod o hyd i gofnod a newidiwyd neu a dynnwyd.',
    download: 'Lawrlwytho fel CSV',
    filtersHeading: 'Hidlo’r trywydd',
    action: 'Cam gweithredu',
    anyAction: 'Unrhyw gam gweithredu',
    actor: 'Pwy weithredodd',
    actorHint: 'Eu ID defnyddiwr',
    target: 'Am beth oedd e',
    targetHint: 'ID defnyddiwr, ID arbrawf neu fersiwn o’r cerdyn',
    from: 'O',
    to: 'I',
    dateHint: 'Er enghraifft, 27 3 2026',
    day: 'Diwrnod',
    month: 'Mis',
    year: 'Blwyddyn',
    apply: 'Hidlo',
    clear: 'Clirio’r hidlwyr',
    caption: 'Cofnodion y trywydd archwilio, y diweddaraf yn gyntaf',
    empty: 'Does dim cofnodion yn cyfateb i’r hidlwyr hyn.',
    more: 'Cofnodion hŷn',
    columns: { at: 'Pryd', actor: 'Pwy', action: 'Cam gweithredu', target: 'Am', outcome: 'Canlyniad' },
    actions: ACTIONS,
    outcomes: OUTCOMES,
    errors: {
      date: (which: string) => `Rhaid i "${which}" fod yn ddyddiad go iawn, er enghraifft 27 3 2026`,
      order: 'Rhaid i’r dyddiad "I" fod yr un peth â’r dyddiad "O" neu ar ei ôl',
      id: "Rhowch ID: llythrennau, rhifau a'r nodau . _ @ -, hyd at 128 nod",
    },
    verifyHeading: 'Gwirio’r trywydd',
    verifyBody:
      'Cyfrifo pob hash eto, o’r cofnod hynaf a gadwyd i’r diweddaraf, i ddod o hyd i unrhyw gofnod a newidiwyd neu a dynnwyd.',
    verifyButton: 'Gwirio’r trywydd',
    verifyTitle: 'Gwiriad o’r trywydd archwilio',
    intactTitle: 'Mae’r trywydd yn gyfan',
    intact: (_n: number, count: string) =>
      `Mae pob un o’r ${count} cofnod yn cyfateb i’w hash ac yn dilyn yr un cynt.`,
    brokenTitle: 'Mae’r trywydd wedi’i newid',
    brokenBody: (_n: number, count: string) =>
      `Gwiriwyd ${count} cofnod. Dywedwch wrth eich tîm diogelwch: mae’r cofnod cyntaf nad yw’n cyfateb isod.`,
    reasons: {
      changed: 'Nid yw’r cofnod hwn yn cyfateb i’w hash: cafodd ei newid ar ôl ei ysgrifennu.',
      unlinked: 'Nid yw’r cofnod hwn yn dilyn yr un cynt: tynnwyd cofnod neu newidiwyd y drefn.',
      head: 'Nid yw’r cofnodion diweddaraf yn cyrraedd diwedd cofnodedig y trywydd: tynnwyd cofnodion o’r diwedd.',
    },
    brokenEntry: 'Y cofnod cyntaf nad yw’n cyfateb',
    hash: 'Gwerth hash',
    back: 'Yn ôl i’r trywydd archwilio',
  },

  personalDetails: {
    error: (field: string, kind: string) =>
      `Tynnwch y ${kind} o "${field}": disgrifiwch bobl, peidiwch â’u hadnabod`,
    warning: (field: string, kind: string) =>
      `Efallai bod ${kind} yn "${field}". Gwiriwch nad yw’n dweud pwy yw teulu na ble maen nhw’n byw.`,
    warningTitle: 'Gwiriwch am fanylion personol',
    kinds: {
      email: 'cyfeiriad e-bost',
      phone: 'rhif ffôn',
      nhsNumber: 'rhif GIG',
      niNumber: 'rhif Yswiriant Gwladol',
      postcode: 'cod post',
      dateOfBirth: 'dyddiad geni',
    },
    fields: {
      title: 'Teitl',
      problem: 'Beth sydd o’i le heddiw?',
      'hypothesis.weBelieve': 'Rydym yn credu bod',
      'hypothesis.toTestIt': 'I’w brofi, byddwn yn',
      'hypothesis.measure': 'A byddwn yn mesur',
      'hypothesis.rightIf': 'Rydym yn iawn os',
      observed: 'Beth welsoch chi?',
      learned: 'Beth ddysgoch chi?',
      incidentDetail: 'Beth aeth o’i le?',
    },
  },
};
