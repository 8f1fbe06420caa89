/**
 * Labelled entries on subjects the set's search queries asked about but the set held only one or two
 * entries on: fathers in assessments, buddies for parents of disabled children, homework help in
 * temporary accommodation, and a walking bus that helps young carers.
 */
import { entry } from './set-types.ts';

export const ENTRIES_D = [
  entry({
    id: 'eh-ask-about-dad',
    team: 'early-help',
    status: 'adopted',
    created: '2025-08-18',
    title: 'Asking about the child\u2019s father at every early help assessment',
    problem:
      'Our assessments are done with mothers in the daytime. Fathers, including those who live elsewhere, are often not named, not asked and never invited, so plans miss half the family.',
    hypothesis: [
      'recording every father\u2019s details and inviting him to take part will bring more fathers into early help plans',
      'for two months workers ask about the father at the first visit and offer him a visit or call of his own, unless it is unsafe',
      'assessments where the father\u2019s views are recorded, and fathers at the first review',
      'fathers\u2019 views in at least half of assessments, against about one in six',
    ],
    cycles: [
      [
        'worked',
        'Fathers\u2019 views were recorded in 23 of 41 assessments. Several dads who live apart from their children said nobody had ever asked them. In four families a domestic abuse check ruled out contact.',
        'Fathers take part when they are asked directly and offered a time that fits their work. Check for domestic abuse before contacting a father who lives elsewhere, every time.',
        'adapt',
      ],
      [
        'worked',
        'With evening and Saturday slots offered, 31 of 44 assessments included the father, and most of those fathers came to the first review.',
        'The father\u2019s details and views are now a required part of the assessment, with the safety check before them.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'send-diagnosis-buddy',
    team: 'disabled-children',
    status: 'adopted',
    created: '2025-04-21',
    title: 'A buddy from the parent carer forum for parents whose child has just been diagnosed',
    problem:
      'Parents leave the diagnosis appointment with a leaflet and a long wait for services. They tell us the first months are the loneliest, and they do not know what help to ask for.',
    hypothesis: [
      'pairing each parent with a trained volunteer buddy whose own child is disabled will help them feel less alone and find support sooner',
      'the parent carer forum\u2019s buddies contact every family referred to us after a diagnosis, by phone or over coffee, for three months',
      'parents\u2019 confidence score at the start and after three months, and families applying for help they are entitled to',
      'confidence rises for most parents and more families apply for Disability Living Allowance and short breaks',
    ],
    cycles: [
      [
        'worked',
        'Sixteen of nineteen parents took up a buddy. Confidence rose for fourteen, and eleven families applied for Disability Living Allowance, several for the first time.',
        'A parent who has been through it is heard in a way professionals are not. Buddies need clear limits: they share their experience, not advice about the child\u2019s care, and they need supervision.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'fs-hostel-homework',
    team: 'family-support',
    status: 'testing',
    created: '2026-01-19',
    title: 'A homework club at the family hub for children living in temporary accommodation',
    problem:
      'Families placed in bed and breakfast or a hostel live in one room. Children have nowhere quiet to do homework, no printer and often no internet, and their schools say they are falling behind.',
    hypothesis: [
      'an after-school homework club with a quiet room, laptops and a snack will help children in temporary accommodation keep up with school work',
      'open the family hub two afternoons a week with a teaching assistant and volunteers for a term',
      'children attending, and homework handed in according to their schools',
      'most children invited come every week and their schools report more homework handed in',
    ],
    cycles: [
      [
        'unclear',
        'Twelve children came at first, but numbers fell as families were moved to accommodation across the county. Those who kept coming handed in most of their homework.',
        'The club works for children who can get to it. Help for families in temporary accommodation has to follow them: bus passes, or a club in each area where families are placed.',
        'adapt',
      ],
    ],
  }),
  entry({
    id: 'yc-sibling-walking-bus',
    team: 'young-carers',
    status: 'adopted',
    created: '2025-10-20',
    title: 'A walking bus for the younger brothers and sisters of young carers',
    problem:
      'Some young carers take their younger siblings to primary school every morning because their parent is too unwell to. They then arrive late at secondary school and get a late mark or a detention.',
    hypothesis: [
      'collecting the younger children on the primary school\u2019s walking bus will let young carers get to their own school on time',
      'add stops near six young carers\u2019 homes to the walking bus for half a term, with each parent\u2019s agreement',
      'lates at secondary school for the six young carers',
      'their lates fall by at least half',
    ],
    cycles: [
      [
        'worked',
        'Lates fell from about three a week each to fewer than one. One parent said no because she wanted to see the children off herself.',
        'Taking one caring task off a young carer can matter as much as support in school. Ask the parent first and make it their choice.',
        'adopt',
      ],
    ],
  }),
];
