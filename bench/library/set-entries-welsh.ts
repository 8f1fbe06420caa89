/** Labelled entries written in Welsh, as teams in Wales write them. */
import { entry } from './set-types.ts';

export const ENTRIES_WELSH = [
  entry({
    id: 'cy-rhianta-cymraeg',
    team: 'parenting',
    status: 'adopted',
    created: '2025-09-29',
    title: 'Cwrs rhianta Cymraeg gyda\u2019r nos yn y ganolfan deulu',
    problem:
      'Mae rhieni sy\u2019n siarad Cymraeg gartref yn dweud bod y cwrs rhianta yn Saesneg yn unig, ac nad ydyn nhw\u2019n teimlo\u2019n gyfforddus yn siarad am eu plant mewn ail iaith.',
    hypothesis: [
      'bydd cwrs rhianta yn Gymraeg yn denu mwy o rieni sy\u2019n siarad Cymraeg ac yn eu cadw tan y diwedd',
      'cynnal cwrs deg wythnos yn Gymraeg ar nos Fercher gyda chr\u00e8che',
      'nifer y rhieni sy\u2019n dod ac yn gorffen y cwrs',
      'mae o leiaf wyth rhiant yn gorffen y cwrs',
    ],
    cycles: [
      [
        'worked',
        'Daeth deuddeg rhiant a gorffennodd deg. Dywedodd llawer na fydden nhw wedi dod i gwrs Saesneg.',
        'Mae iaith y cwrs yn bwysig i rieni. Rydyn ni\u2019n cynnig un cwrs rhianta Cymraeg bob tymor nawr.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'cy-clwb-gofalwyr-ifanc',
    team: 'young-carers',
    status: 'testing',
    created: '2026-01-26',
    title: 'Clwb ar \u00f4l ysgol i ofalwyr ifanc',
    problem:
      'Does gan ofalwyr ifanc ddim amser i weld ffrindiau ar \u00f4l ysgol achos maen nhw\u2019n gofalu am riant neu frawd neu chwaer.',
    hypothesis: [
      'bydd clwb wythnosol ar \u00f4l ysgol yn rhoi seibiant i ofalwyr ifanc ac yn lleihau unigrwydd',
      'cynnal clwb bob dydd Iau yn yr ysgol uwchradd am chwe wythnos, gyda thacsi adref',
      'faint o ofalwyr ifanc sy\u2019n dod a sut maen nhw\u2019n teimlo',
      'mae\u2019r rhan fwyaf yn dod bob wythnos',
    ],
    cycles: [
      [
        'worked',
        'Daeth naw gofalwr ifanc yn rheolaidd. Roedd y tacsi adref yn bwysig i\u2019w rhieni.',
        'Mae gofalwyr ifanc angen amser gyda phobl ifanc eraill sy\u2019n deall. Mae angen trafnidiaeth adref er mwyn iddyn nhw ddod.',
        'adapt',
      ],
    ],
  }),
  entry({
    id: 'cy-galwadau-nos',
    team: 'early-help',
    status: 'adopted',
    created: '2025-03-31',
    title: 'Galwadau ff\u00f4n gyda\u2019r nos i deuluoedd newydd',
    problem:
      'Dydy llawer o rieni ddim yn ateb y ff\u00f4n yn ystod y dydd achos maen nhw yn y gwaith. Mae teuluoedd yn aros wythnosau am sgwrs gyntaf gyda th\u00eem Teuluoedd yn Gyntaf.',
    hypothesis: [
      'bydd ffonio teuluoedd newydd rhwng pump a saith gyda\u2019r nos yn cyrraedd mwy o rieni',
      'dau weithiwr yn ffonio atgyfeiriadau newydd ar nos Lun a nos Fercher am fis',
      'faint o deuluoedd sy\u2019n ateb yr alwad gyntaf',
      'mae hanner y teuluoedd yn ateb',
    ],
    cycles: [
      [
        'worked',
        'Atebodd pedwar ar bymtheg o ddeg ar hugain o deuluoedd yr alwad gyntaf gyda\u2019r nos.',
        'Mae rhieni sy\u2019n gweithio yn haws eu cyrraedd gyda\u2019r nos. Mae neges destun cyn yr alwad yn helpu hefyd.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'cy-bws-cerdded',
    team: 'education-welfare',
    status: 'abandoned',
    created: '2025-10-06',
    title: 'Bws cerdded i\u2019r ysgol gynradd o\u2019r pentref',
    problem:
      'Mae plant o\u2019r pentref yn hwyr i\u2019r ysgol yn aml achos does dim bws ysgol a dydy pob rhiant ddim yn gyrru.',
    hypothesis: [
      'bydd bws cerdded gyda gwirfoddolwyr yn gwella presenoldeb a phrydlondeb',
      'cynnal bws cerdded bob bore am chwe wythnos',
      'presenoldeb a faint o blant sy\u2019n hwyr',
      'mae llai o blant yn hwyr',
    ],
    cycles: [
      [
        'didNotWork',
        'Roedd y daith yn rhy hir ar hyd ffordd heb balmant, ac roedd yn anodd cael gwirfoddolwyr yn y bore.',
        'Mae bws cerdded yn gweithio mewn tref, nid ar ffyrdd gwledig. Byddai\u2019n well siarad \u00e2\u2019r cyngor am drafnidiaeth ysgol.',
        'abandon',
      ],
    ],
  }),
  entry({
    id: 'cy-fflat-prawf',
    team: 'leaving-care',
    status: 'adopted',
    created: '2025-11-10',
    title: 'Fflat prawf i bobl ifanc sy\u2019n gadael gofal',
    problem:
      'Mae pobl ifanc sy\u2019n gadael gofal yn colli eu tenantiaeth gyntaf yn aml achos dyledion rhent ac unigrwydd.',
    hypothesis: [
      'bydd pythefnos mewn fflat prawf gyda chefnogaeth yn paratoi pobl ifanc ar gyfer byw\u2019n annibynnol',
      'cynnig fflat prawf i bedwar person ifanc gyda\u2019u cynghorydd personol yn ymweld bob dydd',
      'faint sy\u2019n cadw eu tenantiaeth ar \u00f4l chwe mis',
      'mae pob un yn cadw eu tenantiaeth',
    ],
    cycles: [
      [
        'worked',
        'Cadwodd tri o bedwar eu tenantiaeth. Dysgodd un person ifanc nad oedd yn barod eto.',
        'Mae ymarfer coginio, cyllidebu a byw ar eich pen eich hun cyn y denantiaeth go iawn yn helpu.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'cy-galwadau-aros',
    team: 'early-help',
    status: 'testing',
    created: '2026-02-02',
    title: 'Galwad ff\u00f4n bob pythefnos i deuluoedd sy\u2019n aros am weithiwr',
    problem:
      'Mae teuluoedd yn aros hyd at ddeufis am weithiwr Teuluoedd yn Gyntaf ar \u00f4l yr asesiad. Dydyn nhw ddim yn clywed dim byd gennym ni yn y cyfamser, ac mae rhai problemau\u2019n gwaethygu cyn i ni ddechrau.',
    hypothesis: [
      'bydd galwad ff\u00f4n fer bob pythefnos yn cadw teuluoedd mewn cysylltiad ac yn dangos pa deuluoedd sydd angen help yn gynt',
      'gweithiwr cymorth yn ffonio pob teulu ar y rhestr aros bob pythefnos am ddeufis',
      'faint o deuluoedd sy\u2019n dal eisiau help pan ddaw gweithiwr, a faint sy\u2019n cael eu symud i fyny\u2019r rhestr',
      'mae mwy o deuluoedd yn dal i ymgysylltu na\u2019r llynedd',
    ],
    cycles: [
      [
        'unclear',
        'Roedd teuluoedd yn gwerthfawrogi\u2019r galwadau, a chafodd tri theulu eu symud i fyny\u2019r rhestr achos yr hyn a ddywedon nhw. Ond doedd dim amser i wneud y galwadau pan oedd y t\u00eem yn brysur.',
        'Mae galwad fer yn werthfawr i deulu sy\u2019n aros ac yn dangos pwy sydd mewn perygl. Mae angen amser i\u2019r galwadau yn y rota, nid eu gwneud yn ychwanegol at bopeth arall.',
        'adapt',
      ],
    ],
  }),
  entry({
    id: 'cy-cymorth-tenantiaeth',
    team: 'leaving-care',
    status: 'adopted',
    created: '2025-12-01',
    title: 'Cymorth tenantiaeth bob wythnos yn y chwe mis cyntaf ar \u00f4l gadael gofal',
    problem:
      'Mae pobl ifanc sy\u2019n gadael gofal yn cael eu tenantiaeth gyntaf, ond ar \u00f4l iddyn nhw symud i mewn does neb yn galw heibio. Mae problemau gyda\u2019r rhent, biliau a chymdogion yn tyfu nes bod y landlord yn rhoi rhybudd.',
    hypothesis: [
      'bydd ymweliad wythnosol gan weithiwr cymorth tenantiaeth yn y chwe mis cyntaf yn helpu pobl ifanc i gadw eu cartref',
      'gweithiwr cymorth tenantiaeth o\u2019r t\u00eem tai yn ymweld \u00e2 chwech o bobl ifanc bob wythnos am chwe mis',
      'faint sy\u2019n cadw eu tenantiaeth, a faint sydd ag \u00f4l-ddyledion rhent',
      'mae pob un yn cadw eu tenantiaeth a does gan neb \u00f4l-ddyledion mawr',
    ],
    cycles: [
      [
        'worked',
        'Cadwodd pump o\u2019r chwech eu tenantiaeth. Aeth dau ar ei h\u00f4l hi gyda\u2019r rhent pan newidiodd eu Credyd Cynhwysol, ond sylwodd y gweithiwr yn gynnar.',
        'Mae problemau tenantiaeth yn dechrau\u2019n fach, ac mae ymweliad rheolaidd yn eu dal cyn i\u2019r landlord weithredu. Dylai\u2019r cynghorydd personol a\u2019r gweithiwr tai rannu\u2019r ymweliadau.',
        'adopt',
      ],
    ],
  }),
];
