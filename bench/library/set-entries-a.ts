/** Labelled entries: early help first contact, youth justice reparation, family support groups, school attendance. */
import { entry } from './set-types.ts';

export const ENTRIES_A = [
  entry({
    id: 'eh-evening-calls',
    team: 'early-help',
    status: 'adopted',
    created: '2025-02-03',
    title: 'Evening phone calls to families newly referred to early help',
    problem:
      'We phone new referrals in office hours and most working parents do not answer. Families wait two or three weeks for a first conversation and some have given up on us before we reach them.',
    hypothesis: [
      'calling newly referred families between 5pm and 7pm will reach more parents on the first try',
      'two workers will make first-contact calls on Tuesday and Thursday evenings for six weeks',
      'the share of families reached on the first call, and days from referral to first conversation',
      'at least half of families answer the first evening call, against about one in five in the day',
    ],
    cycles: [
      [
        'worked',
        'Twenty-four of forty families answered the first evening call. Parents said they could talk properly once the children were fed.',
        'Working parents are easier to reach after tea time. Withheld numbers were ignored, so we now text first from a named team mobile.',
        'adapt',
      ],
      [
        'worked',
        'With a text sent first, thirty of thirty-six answered. The median wait for a first conversation fell from sixteen days to four.',
        'The text before the call mattered as much as the time of day. Evening calls are now part of the rota with time off in lieu.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'eh-text-before-visit',
    team: 'early-help',
    status: 'adopted',
    created: '2025-04-14',
    title: 'A text message with a photo of the worker before the first home visit',
    problem:
      'Families are anxious when a stranger from the council knocks. Many first home visits are missed because nobody opens the door.',
    hypothesis: [
      'a friendly text with the worker\u2019s photo and the reason for the visit will make parents more willing to open the door',
      'send a text two days before every first home visit for a month',
      'first home visits completed at the first attempt',
      'missed first visits fall from one in three to one in six or fewer',
    ],
    cycles: [
      [
        'worked',
        'Missed first visits dropped to five of thirty-eight. Several parents replied to the text to move the time rather than not answering.',
        'Parents want to know who is coming and why. Letting them rearrange by replying turned no-shows into new times.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'eh-police-callback',
    team: 'early-help',
    status: 'testing',
    created: '2026-01-12',
    title: 'Same-day call back to families after a police notification',
    problem:
      'Police notifications of a domestic incident or missing episode sit in the queue for days. By the time we contact the family the moment when they wanted help has passed.',
    hypothesis: [
      'a call on the same day as a police notification will be welcomed and lead to more families accepting early help',
      'the duty worker calls every family notified before 2pm that afternoon for four weeks',
      'families accepting an early help assessment after a notification',
      'more than half accept, against a third last quarter',
    ],
    cycles: [
      [
        'unclear',
        'Eleven of twenty families accepted. Some calls were too soon, while the other parent was still in the house.',
        'Check with the police officer that it is safe to call before phoning. Same-day contact is welcomed when it is safe.',
        'adapt',
      ],
    ],
  }),
  entry({
    id: 'eh-hub-drop-in',
    team: 'early-help',
    status: 'abandoned',
    created: '2025-06-02',
    title: 'Drop-in first conversation at the family hub instead of an appointment letter',
    problem:
      'Appointment letters are formal and frightening, and people do not come. We wondered whether an open drop-in would feel less like being summoned.',
    hypothesis: [
      'inviting newly referred parents to a weekly drop-in at the family hub will get more first conversations than appointment letters',
      'replace the letter with an invitation to a Wednesday morning drop-in for six weeks',
      'first conversations held within two weeks of referral',
      'more first conversations than the letters gave in the same six weeks last year',
    ],
    cycles: [
      [
        'didNotWork',
        'Only four parents came in six weeks. Those who did not come said they had no bus fare or could not bring toddlers.',
        'A drop-in puts the cost of travel on the family. Going to them, or calling, reaches more people than asking them to come to us.',
        'abandon',
      ],
    ],
  }),
  entry({
    id: 'yj-garden-reparation',
    team: 'youth-justice',
    status: 'adopted',
    created: '2025-03-10',
    title: 'Reparation in a community garden chosen by the young people',
    problem:
      'Young people on referral orders do reparation litter picking that they see as punishment. Attendance is poor and they learn nothing about the harm done.',
    hypothesis: [
      'letting young people choose a reparation project that the community can see will improve attendance and reflection',
      'offer a community garden project run with a local allotment society for eight weeks',
      'reparation sessions attended and what young people say about the harm in their exit interview',
      'attendance above 80 percent and most can describe who benefits',
    ],
    cycles: [
      [
        'worked',
        'Attendance was 86 percent. Neighbours thanked the young people, which several mentioned at their final panel.',
        'Reparation that the community notices gives young people a reason to turn up and a way to talk about repairing harm.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'yj-victim-letter',
    team: 'youth-justice',
    status: 'testing',
    created: '2026-02-02',
    title: 'A workshop on writing a letter to the victim before the restorative meeting',
    problem:
      'Restorative meetings often stall because the young person cannot find words. Victims leave feeling the apology was not meant.',
    hypothesis: [
      'a short workshop on writing a letter of apology will help young people prepare for restorative justice',
      'run two sessions with the case worker before each restorative meeting for a month',
      'victim satisfaction after the meeting and whether the letter was used',
      'victims rate the meeting as worthwhile in most cases',
    ],
    cycles: [
      [
        'unclear',
        'Three meetings so far. Two victims said the letter showed real thought; one young person refused to write anything.',
        'Writing works for some and not others. Offer a recorded voice message as another way to prepare.',
        'adapt',
      ],
    ],
  }),
  entry({
    id: 'yj-bike-workshop',
    team: 'youth-justice',
    status: 'adopted',
    created: '2025-07-07',
    title: 'Reparation hours repairing donated bikes for families who need them',
    problem: 'Reparation tasks rarely teach a skill. Young people ask what the point is, and the hours drag.',
    hypothesis: [
      'repairing donated bicycles for local families will make reparation feel useful and teach a skill',
      'run a weekly bike repair session with a volunteer mechanic for six weeks',
      'hours completed on time and bikes handed over',
      'hours completed on time rises and at least ten bikes are given to families',
    ],
    cycles: [
      [
        'worked',
        'Fourteen bikes went to families through the food bank. Two young people asked to keep volunteering after their order ended.',
        'Reparation with a visible result and a practical skill keeps young people engaged. The volunteer mechanic was essential.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'yj-remote-reparation',
    team: 'youth-justice',
    status: 'abandoned',
    created: '2025-09-15',
    title: 'Reparation tasks done from home with online check-ins',
    problem:
      'Young people in rural areas cannot get to reparation sessions without a lift, so orders run late.',
    hypothesis: [
      'reparation done at home, such as making cards for a care home, with a video check-in will let rural young people complete their hours',
      'offer home-based tasks to young people living more than ten miles from the town for six weeks',
      'hours completed on time',
      'rural young people complete their hours as quickly as others',
    ],
    cycles: [
      [
        'didNotWork',
        'Tasks were left unfinished and video check-ins were missed. Young people said it felt like homework.',
        'Reparation needs contact with the people who benefit. Paying for taxis to group sessions worked better than tasks at home.',
        'abandon',
      ],
    ],
  }),
  entry({
    id: 'fs-parent-buddy',
    team: 'family-support',
    status: 'adopted',
    created: '2025-01-20',
    title: 'Parent-to-parent buddy scheme for families starting family support',
    problem: 'Parents starting family support feel judged by professionals and drop out in the first month.',
    hypothesis: [
      'pairing a new parent with a buddy who has been through family support will keep more parents engaged',
      'recruit six volunteer parents and pair each with a family for eight weeks',
      'parents still engaged after eight weeks',
      'more than three quarters of buddied families stay engaged, against about half without',
    ],
    cycles: [
      [
        'worked',
        'Eleven of thirteen buddied parents were still engaged at eight weeks. Buddies needed supervision after hearing hard stories.',
        'Peer support from another parent builds trust we cannot. Volunteers need training and a monthly supervision session.',
        'adapt',
      ],
      [
        'worked',
        'With training and supervision in place, no buddy dropped out and engagement held at 80 percent.',
        'The buddy scheme is now part of our offer, with a paid coordinator for the volunteer parents.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'fs-family-link',
    team: 'family-support',
    status: 'abandoned',
    created: '2025-05-12',
    title: 'Family-to-family link-up for families new to the area',
    problem:
      'Families who move into the county, often after eviction or fleeing harm, know nobody and have no one to ask.',
    hypothesis: [
      'linking a newly arrived family with a settled local family will reduce isolation',
      'match five families with volunteer host families who meet weekly for six weeks',
      'loneliness score at the start and end, and meetings that happen',
      'loneliness scores fall and most meetings happen',
    ],
    cycles: [
      [
        'didNotWork',
        'Only a third of meetings happened. Host families were busy, and two arrivals felt watched rather than welcomed.',
        'Matching whole families is too much to ask of volunteers. Group sessions at the family hub may suit better.',
        'abandon',
      ],
    ],
  }),
  entry({
    id: 'fs-dads-group',
    team: 'family-support',
    status: 'testing',
    created: '2026-01-05',
    title: 'A Saturday morning group for fathers at the family hub',
    problem:
      'Our groups run on weekday mornings and are full of mums. Fathers say family support is not for them.',
    hypothesis: [
      'a Saturday morning group for dads with their children will bring fathers into family support',
      'run a dads and kids session every Saturday for six weeks with breakfast',
      'fathers attending and coming back',
      'at least eight fathers attend and most come twice or more',
    ],
    cycles: [
      [
        'worked',
        'Nine fathers came, six returned. They talked more while doing something with the children than in a circle.',
        'Fathers engage through an activity. Keep the football and the breakfast, add a short talk on a topic they choose.',
        'adapt',
      ],
    ],
  }),
  entry({
    id: 'fs-peer-group-declined',
    team: 'family-support',
    status: 'declined',
    created: '2025-10-06',
    title: 'Support group led by parents whose children recently came off a child protection plan',
    problem:
      'Parents on child protection plans say they would listen to someone who has been there more than to us.',
    hypothesis: [
      'a peer support group led by parents who have been through child protection will help current parents engage with their plan',
      'two parents lead a fortnightly group with a worker present',
      'attendance and engagement with plans',
      'parents attend regularly and core group attendance improves',
    ],
    declineReason:
      'The idea is good but the leaders would be parents whose own cases closed only recently. We need a safeguarding risk assessment, DBS checks and a paid peer mentor role first. Bring it back with that in place.',
  }),
  entry({
    id: 'sa-wake-up-calls',
    team: 'education-welfare',
    status: 'adopted',
    created: '2025-02-24',
    title: 'Morning wake-up calls for pupils who are persistently absent',
    problem:
      'Some secondary pupils miss the first lessons most days because nobody wakes them. Letters about attendance do not change mornings.',
    hypothesis: [
      'a phone call at 7.30am from a known adult will get persistently absent pupils into school on time',
      'the attendance officer calls twelve pupils every school morning for four weeks',
      'attendance and lates for those pupils',
      'attendance rises by ten percentage points',
    ],
    cycles: [
      [
        'worked',
        'Attendance rose from 71 to 84 percent on average. Calling from the school number was ignored; a mobile got answered.',
        'A friendly morning call works where letters do not. It depends on a trusted adult, so the same person should call.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'sa-walking-bus',
    team: 'education-welfare',
    status: 'adopted',
    created: '2025-09-01',
    title: 'A walking bus from the estate to the primary school',
    problem:
      'Children on the estate are often late or absent because parents work early shifts or struggle to get out in the morning.',
    hypothesis: [
      'a walking bus led by volunteers will improve attendance and punctuality for primary pupils on the estate',
      'run a walking bus from two stops on the estate every school day for six weeks',
      'attendance and punctuality of children using it',
      'lates halve and attendance improves',
    ],
    cycles: [
      [
        'worked',
        'Twenty-two children used it. Lates fell by more than half, and parents on early shifts relied on it.',
        'A practical answer to getting to school beats a warning letter. Volunteers needed cover for sickness days.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'sa-plain-letters',
    team: 'education-welfare',
    status: 'testing',
    created: '2026-02-09',
    title: 'Attendance letters rewritten in plain, friendly language',
    problem:
      'Our attendance letters quote the law and threaten fines. Parents tell us they feel blamed and stop talking to school.',
    hypothesis: [
      'a plain-language letter that starts with concern and offers help will get more parents to contact school',
      'send the new letter instead of the first warning letter for a term',
      'parents who contact school within a week of the letter',
      'twice as many parents get in touch',
    ],
    cycles: [
      [
        'unclear',
        'More parents rang, but some thought the letter meant absence did not matter.',
        'Keep the warm tone but say clearly what happens next and why attendance matters.',
        'adapt',
      ],
    ],
  }),
  entry({
    id: 'sa-home-visit-not-fine',
    team: 'education-welfare',
    status: 'declined',
    created: '2025-11-17',
    title: 'A home visit instead of a fixed penalty notice for a first unauthorised holiday',
    problem:
      'Fixed penalty notices for term-time holidays damage relationships with families we later need to work with.',
    hypothesis: [
      'a home visit to talk about attendance will change behaviour more than a fine',
      'visit instead of fining for one term',
      'repeat unauthorised absence',
      'fewer repeat absences than after fines',
    ],
    declineReason:
      'Penalty notices follow the local code of conduct agreed with schools and the national framework. A team cannot set it aside. Raise it with the attendance strategy group, who can change the code.',
  }),
];
