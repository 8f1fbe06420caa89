/** Labelled entries: young carers, care leavers' housing, domestic abuse safety planning, SEND transitions. */
import { entry } from './set-types.ts';

export const ENTRIES_B = [
  entry({
    id: 'yc-school-card',
    team: 'young-carers',
    status: 'adopted',
    created: '2025-03-03',
    title: 'A young carers card that school staff recognise',
    problem:
      'Young carers are told off for lateness, missing homework or checking their phone, when they are looking after a parent. They do not want to explain in front of the class.',
    hypothesis: [
      'a young carers card that a pupil can show quietly will get them understanding without having to tell their story',
      'issue cards to young carers in three secondary schools and brief staff for a term',
      'sanctions given to young carers, and what they say about school',
      'fewer detentions and young carers say staff understand',
    ],
    cycles: [
      [
        'worked',
        'Detentions for the card holders fell from 31 to 9 in a term. Pupils said they could show the card without saying why.',
        'A simple card plus a staff briefing changes how school responds. New staff need the briefing every September.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'yc-homework-club',
    team: 'young-carers',
    status: 'testing',
    created: '2026-01-19',
    title: 'A lunchtime homework club for young carers',
    problem:
      'Young carers cannot do homework at home because evenings go on caring. They fall behind and get sanctions.',
    hypothesis: [
      'a quiet homework club at lunchtime will let young carers keep up with school work',
      'run the club three lunchtimes a week in one school for six weeks',
      'homework handed in by young carers who attend',
      'homework handed in rises from about half to most',
    ],
    cycles: [
      [
        'worked',
        'Eight young carers came regularly and handed in most homework. They also used it to talk to each other.',
        'The club is as much peer support as homework. Offer it in the second school too.',
        'adapt',
      ],
    ],
  }),
  entry({
    id: 'yc-respite-trips',
    team: 'young-carers',
    status: 'abandoned',
    created: '2025-06-16',
    title: 'Respite day trips for young carers in the school holidays',
    problem: 'Young carers rarely get a break in the holidays and say they never do what their friends do.',
    hypothesis: [
      'day trips with other young carers will give them a break and reduce isolation',
      'run four trips in the summer holidays',
      'young carers taking part and their wellbeing score',
      'most invited young carers come and wellbeing improves',
    ],
    cycles: [
      [
        'didNotWork',
        'Many could not come because nobody could cover their caring for a whole day. Costs were above what we could sustain.',
        'Respite for young carers needs replacement care for the person they look after. Shorter local sessions may work better.',
        'abandon',
      ],
    ],
  }),
  entry({
    id: 'yc-text-assessment',
    team: 'young-carers',
    status: 'abandoned',
    created: '2025-10-13',
    title: 'Young carers assessment done as a text conversation',
    problem:
      'Young carers assessments take a long interview at home, where the young person cannot speak freely in front of the parent they care for.',
    hypothesis: [
      'doing the young carers assessment by text message will let young people answer honestly and in their own time',
      'offer a text-based assessment to ten young carers over a month',
      'assessments completed and what they reveal',
      'most complete it and disclose more than in interviews',
    ],
    cycles: [
      [
        'didNotWork',
        'Only three finished. Answers were short, and we could not tell how a young person was feeling from a text.',
        'Text is good for keeping in touch but not for an assessment. Meet at school instead, away from the parent.',
        'abandon',
      ],
    ],
  }),
  entry({
    id: 'cl-taster-flat',
    team: 'leaving-care',
    status: 'adopted',
    created: '2025-01-13',
    title: 'A taster flat where care leavers practise living alone before their own tenancy',
    problem:
      'Care leavers move into their first tenancy and many lose it within a year through rent arrears, loneliness or visitors they cannot manage.',
    hypothesis: [
      'two weeks in a taster flat with daily support will prepare care leavers for their own tenancy',
      'offer a fortnight in a council flat with a personal adviser visiting daily to five young people',
      'tenancies still held after six months',
      'all five still hold their tenancy at six months',
    ],
    cycles: [
      [
        'worked',
        'Four of five held their tenancy at six months. The taster showed two young people they were not ready yet, which was useful too.',
        'Practising budgeting, cooking and saying no to visitors before the real tenancy helps. Not being ready is a result, not a failure.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'cl-budget-sessions',
    team: 'leaving-care',
    status: 'testing',
    created: '2026-02-16',
    title: 'Rent and council tax budgeting sessions with care leavers',
    problem:
      'Care leavers fall into rent arrears and council tax debt in their first tenancy. Many do not know council tax exists.',
    hypothesis: [
      'practical budgeting sessions before the tenancy starts will prevent rent arrears',
      'three sessions with the housing officer and personal adviser for each care leaver moving on this term',
      'arrears after three months of the tenancy',
      'none of the young people has arrears at three months',
    ],
    cycles: [
      [
        'unclear',
        'Young people liked the sessions but two still missed rent when benefits changed.',
        'Budgeting is not enough when Universal Credit payments change. Add help to set up direct payment of rent.',
        'adapt',
      ],
    ],
  }),
  entry({
    id: 'cl-guarantor',
    team: 'leaving-care',
    status: 'declined',
    created: '2025-08-04',
    title: 'The council acting as guarantor so care leavers can rent privately',
    problem:
      'Private landlords want a guarantor and care leavers have nobody to ask, so they wait years for social housing.',
    hypothesis: [
      'a council guarantee will open private rented housing to care leavers',
      'guarantee five tenancies for a year',
      'tenancies offered and kept',
      'landlords accept and tenancies last',
    ],
    declineReason:
      'This commits the council to financial liability beyond the card and needs the section 151 officer and legal. Take it to the corporate parenting board as a proposal.',
  }),
  entry({
    id: 'cl-housing-at-17',
    team: 'leaving-care',
    status: 'adopted',
    created: '2025-05-19',
    title: 'A housing officer joins the pathway plan review at seventeen',
    problem:
      'Housing for care leavers is sorted in a rush at eighteen. Young people end up in emergency accommodation or sofa surfing.',
    hypothesis: [
      'bringing a housing officer into the pathway plan review at seventeen will plan moves earlier',
      'invite housing to every pathway plan review for young people turning seventeen this quarter',
      'young people with a housing plan six months before eighteen',
      'most have an agreed plan, against almost none before',
    ],
    cycles: [
      [
        'worked',
        'Nine of eleven had a housing plan six months early. No one went into emergency accommodation at eighteen.',
        'Housing planning must start at seventeen, with housing in the room. It is now in the pathway planning guidance.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'da-own-words-plan',
    team: 'family-safety',
    status: 'adopted',
    created: '2025-02-10',
    title: 'Safety plans written with the parent in her own words',
    problem:
      'Domestic abuse safety plans are written by workers in professional language. Survivors cannot remember them when it matters.',
    hypothesis: [
      'a safety plan written in the survivor\u2019s own words, on one page, will be remembered and used',
      'write the plan together at the visit for every new domestic abuse case for six weeks',
      'whether survivors can say their plan at the next visit, and whether they used it',
      'most can describe their plan a month later',
    ],
    cycles: [
      [
        'worked',
        'Eighteen of twenty could describe their plan a month later. Three had used it, including calling a neighbour with a code word.',
        'Safety planning in the survivor\u2019s words works. Keep it short and agree where the plan is kept safely.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'da-school-gate',
    team: 'family-safety',
    status: 'abandoned',
    created: '2025-06-23',
    title: 'Safety planning conversations at the school gate',
    problem:
      'Survivors of domestic abuse are watched at home and cannot talk freely on a home visit or the phone.',
    hypothesis: [
      'meeting at school pick-up will give survivors a safe chance to talk about safety planning',
      'workers meet survivors at the school gate for a short conversation each week',
      'safety planning conversations completed',
      'more completed conversations than home visits allowed',
    ],
    cycles: [
      [
        'didNotWork',
        'Other parents noticed and asked questions. One perpetrator heard about a meeting from a relative.',
        'The school gate is public, not private. Use school rooms arranged by the designated safeguarding lead instead.',
        'abandon',
      ],
    ],
  }),
  entry({
    id: 'da-24h-call',
    team: 'family-safety',
    status: 'testing',
    created: '2026-01-26',
    title: 'A call within 24 hours of a police callout for domestic abuse',
    problem:
      'After a police callout for domestic abuse, families hear nothing from us for a week. By then the survivor may have dropped the complaint.',
    hypothesis: [
      'a call within 24 hours from a domestic abuse worker will help more survivors accept support and safety planning',
      'call every family after a callout within a day, checking first that it is safe',
      'survivors accepting support',
      'acceptance above 60 percent',
    ],
    cycles: [
      [
        'worked',
        'Fourteen of twenty accepted support. The safety question at the start of the call prevented one risky call.',
        'Early calls work when safety checks come first. Keep a script for when the perpetrator answers.',
        'adapt',
      ],
    ],
  }),
  entry({
    id: 'da-children-group',
    team: 'family-safety',
    status: 'adopted',
    created: '2025-04-28',
    title: 'A group for children who have lived with domestic abuse',
    problem:
      'Children who have lived with domestic abuse get no help of their own. Their behaviour at school is treated as naughtiness.',
    hypothesis: [
      'a weekly group for children aged 8 to 11 will help them make sense of what happened and feel less alone',
      'run an eight-week group in school time with a parallel session for mothers',
      'wellbeing scores and teachers\u2019 reports',
      'wellbeing improves for most children',
    ],
    cycles: [
      [
        'worked',
        'Nine of ten children finished. Mothers said the parallel session helped them talk to their children about the abuse.',
        'Children need their own space to talk about domestic abuse, and mothers need help to listen. Keep both groups together.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'send-passport',
    team: 'disabled-children',
    status: 'adopted',
    created: '2025-03-17',
    title: 'A one-page transition passport for disabled pupils moving to secondary school',
    problem:
      'Disabled children and those with SEND move to secondary school and staff know nothing about them beyond the EHCP, which nobody reads in the first week.',
    hypothesis: [
      'a one-page profile written with the child, saying what helps and what upsets them, will make the move to secondary school smoother',
      'make a passport with each child with an EHCP moving up this summer',
      'incidents and exclusions in the first half term',
      'fewer incidents than last year\u2019s group',
    ],
    cycles: [
      [
        'worked',
        'Incidents in the first half term fell by half. Form tutors said it was the only document they read.',
        'Short beats thorough for a transition: one page in the child\u2019s words gets read. Update it at each annual review.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'send-college-travel',
    team: 'disabled-children',
    status: 'testing',
    created: '2026-02-23',
    title: 'Travel training and a college visit before young people with SEND leave school',
    problem:
      'Young people with SEND leave school for college and drop out in the first term because they cannot manage the journey.',
    hypothesis: [
      'practising the bus journey and visiting the college before the summer will keep young people with SEND in college',
      'offer travel training and two college visits to Year 11 pupils with EHCPs',
      'students still attending college at Christmas',
      'all still attending',
    ],
    cycles: [
      [
        'unclear',
        'Most did the travel training, but the college visits clashed with exams.',
        'Plan college visits before the exam season. Travel training works best with the same trainer each time.',
        'adapt',
      ],
    ],
  }),
  entry({
    id: 'send-adult-review',
    team: 'disabled-children',
    status: 'declined',
    created: '2025-09-22',
    title: 'Adult social care joining the annual review at fourteen',
    problem:
      'Preparation for adulthood starts too late. Families meet adult social care for the first time at seventeen.',
    hypothesis: [
      'inviting adult social care to annual reviews from Year 9 will plan the transition to adult services earlier',
      'invite an adult social care worker to each Year 9 review this term',
      'transition plans agreed by sixteen',
      'most have one',
    ],
    declineReason:
      'Adult social care cannot staff this without agreement between the directors. It belongs in the preparing for adulthood board, which is reviewing transition protocols now.',
  }),
  entry({
    id: 'send-video-tour',
    team: 'disabled-children',
    status: 'adopted',
    created: '2025-06-09',
    title: 'A video tour of the new school for autistic pupils before they start',
    problem:
      'Autistic pupils are very anxious about a new school building, new faces and new routines. Some refuse to go on the first day.',
    hypothesis: [
      'a short video tour of the building, the classroom and the staff they will meet will reduce anxiety before transition',
      'film tours of three schools and share them with families over the summer',
      'pupils attending on the first day and parents\u2019 view of anxiety',
      'all attend on day one',
    ],
    cycles: [
      [
        'worked',
        'Every pupil attended on the first day. Families watched the video many times over the summer.',
        'Seeing the place and the people in advance lowers anxiety. Include the toilets and the lunch hall, which families asked about most.',
        'adopt',
      ],
    ],
  }),
];
