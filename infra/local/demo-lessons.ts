/**
 * The second half of the demo set: more lessons for the learning library, across the teams and in
 * Welsh, worked or not.
 */
import { PEOPLE } from '#test/support/fixtures.ts';
import { type DemoIdea, safeCard } from './demo-idea.ts';

export const DEMO_LESSONS: readonly DemoIdea[] = [
  {
    key: 'demo-garden-reparation',
    by: PEOPLE.rhys,
    title: 'Reparation in a community garden',
    problem: 'Young people on reparation see litter picking as punishment, and many stop turning up.',
    hypothesis: {
      weBelieve: 'work that neighbours can see and thank them for will keep young people coming',
      toTestIt: 'offer four young people sessions at the community garden instead of litter picking',
      measure: 'how many sessions each young person attends',
      rightIf: 'three of four attend every session',
    },
    card: safeCard({ peopleInvolved: 4, durationWeeks: 6, staffHours: 12 }),
    steps: [
      {
        cycle: {
          result: 'worked',
          observed: 'All four came to every session; a neighbour brought tea and thanked them by name.',
          learned: 'Being thanked by someone in the community did more than any warning about attendance.',
          next: 'adapt',
        },
      },
      {
        cycle: {
          result: 'worked',
          observed: 'With four more young people, attendance stayed high; the garden asked for more help.',
          learned: 'Reparation works best when the young person can point at what they made.',
          next: 'adopt',
        },
      },
    ],
  },
  {
    key: 'demo-school-gate',
    by: PEOPLE.sam,
    title: 'A drop-in at the school gate',
    problem: 'Parents who need early help do not come to the family centre, but they do come to school.',
    hypothesis: {
      weBelieve: 'being at the school gate at home time will make it easy for parents to ask for help',
      toTestIt: 'stand at two primary school gates twice a week for four weeks',
      measure: 'how many parents start a conversation about support',
      rightIf: 'at least eight parents ask about support',
    },
    card: safeCard({ peopleInvolved: 10, durationWeeks: 4, staffHours: 16 }),
    steps: [
      {
        cycle: {
          result: 'didNotWork',
          observed: 'Two parents spoke to us in four weeks; several said later they did not want to be seen.',
          learned:
            'Nobody wants to ask for help in front of other parents; a private room in school is better.',
          next: 'abandon',
        },
      },
    ],
  },
  {
    key: 'demo-welsh-parenting-group',
    by: PEOPLE.ffion,
    title: 'Grŵp rhianta cyfrwng Cymraeg',
    problem:
      "Mae rhieni sy'n siarad Cymraeg gartref yn dweud nad ydyn nhw'n gallu siarad yn rhydd yn y grŵp Saesneg.",
    hypothesis: {
      weBelieve: "bydd grŵp rhianta yn Gymraeg yn helpu rhieni i rannu'r hyn sy'n anodd",
      toTestIt: 'cynnig chwe sesiwn yn Gymraeg i wyth teulu',
      measure: "faint o rieni sy'n dod i bob sesiwn",
      rightIf: "mae chwech o'r wyth teulu yn dod i'r rhan fwyaf o sesiynau",
    },
    card: safeCard({ peopleInvolved: 8, durationWeeks: 6, staffHours: 18, extraCost: 150 }),
    steps: [
      {
        cycle: {
          result: 'worked',
          observed: "Daeth saith o'r wyth teulu i bob sesiwn, ac fe siaradodd y rhieni am bethau anodd.",
          learned:
            "Mae rhieni yn fwy agored yn eu hiaith gyntaf; mae angen gweithiwr sy'n siarad Cymraeg ym mhob sesiwn.",
          next: 'adapt',
        },
      },
    ],
  },
  {
    key: 'demo-one-worker',
    by: PEOPLE.sam,
    title: 'One worker from first contact to closure',
    problem:
      'Families are passed between three or four workers and have to tell their story again each time.',
    hypothesis: {
      weBelieve: 'keeping one worker with a family from the first call to the end will build trust',
      toTestIt: 'two workers keep every new family they take on for six weeks',
      measure: 'how many times a family has to repeat its story',
      rightIf: 'no family has to tell its story twice',
    },
    card: safeCard({ peopleInvolved: 10, durationWeeks: 6, staffHours: 20 }),
    steps: [
      {
        cycle: {
          result: 'unclear',
          observed: 'Families liked it, but the two caseloads grew so fast that visits were cut short.',
          learned: 'Continuity helps families only with a cap on how many families one worker holds.',
          next: 'adapt',
        },
      },
      {
        cycle: {
          result: 'didNotWork',
          observed: 'Even with a cap of twelve families, sickness cover broke the one-worker promise.',
          learned: 'Promise a small team of two who both know the family, not one person.',
          next: 'abandon',
        },
      },
    ],
  },
  {
    key: 'demo-video-calls',
    by: PEOPLE.ffion,
    title: 'Video calls for families far from the centre',
    problem: 'Families in the villages spend two hours on buses to get to a thirty-minute appointment.',
    hypothesis: {
      weBelieve: 'a video call for review meetings will save families the journey without losing the contact',
      toTestIt: 'offer video calls for review meetings to eight rural families',
      measure: 'missed review meetings',
      rightIf: 'no more than one missed meeting in six weeks',
    },
    card: safeCard({ peopleInvolved: 8, durationWeeks: 6, staffHours: 6 }),
    steps: [
      {
        cycle: {
          result: 'worked',
          observed: 'No review meetings were missed; two families needed a loaned tablet and a short how-to.',
          learned: 'Video calls suit review meetings, not first visits; keep tablets to lend.',
          next: 'adopt',
        },
      },
    ],
  },
  // Lessons on more themes of frontline practice, so the library has something to teach on each.
  {
    key: 'demo-plain-letters',
    by: PEOPLE.alex,
    title: 'Plain-English letters to families',
    problem: 'Our letters to parents are long and formal; many parents tell us they did not understand them.',
    hypothesis: {
      weBelieve: 'short letters in plain English will help parents know what happens next',
      toTestIt: 'rewrite the three letters we send most and use them for four weeks',
      measure: 'calls from parents asking what a letter means',
      rightIf: 'calls asking what a letter means halve',
    },
    card: safeCard({ peopleInvolved: 10, durationWeeks: 4, staffHours: 8 }),
    steps: [
      {
        cycle: {
          result: 'worked',
          observed: 'Calls asking what a letter meant fell from eleven to three; two parents said thank you.',
          learned:
            'Read every letter aloud before sending it: if it sounds like a solicitor, parents stop reading.',
          next: 'adopt',
        },
      },
    ],
  },
  {
    key: 'demo-library-meetings',
    by: PEOPLE.nia,
    title: 'Meeting parents at the public library instead of at home',
    problem: 'Some parents feel judged when we visit their home and cancel visits at the last minute.',
    hypothesis: {
      weBelieve: 'a neutral, public place will make parents more at ease than a home visit',
      toTestIt: 'offer the next eight families a meeting in a side room of the town library',
      measure: 'visits cancelled at the last minute',
      rightIf: 'no more than one of eight meetings is cancelled',
    },
    card: safeCard({ peopleInvolved: 8, durationWeeks: 4, staffHours: 12 }),
    steps: [
      {
        cycle: {
          result: 'worked',
          observed:
            'One of eight meetings was cancelled; parents brought younger children to the play corner.',
          learned:
            'A neutral place takes the fear out of the first meeting; home visits can follow once trust is there.',
          next: 'adopt',
        },
      },
    ],
  },
  {
    key: 'demo-missed-appointments',
    by: PEOPLE.megan,
    title: 'A same-day call after a missed appointment',
    problem:
      'When a family misses an appointment we write to them, and by the time they reply weeks have gone.',
    hypothesis: {
      weBelieve: 'a friendly call on the same day will bring families back sooner',
      toTestIt: 'call every family that misses an appointment within four hours, for five weeks',
      measure: 'days from a missed appointment to the next one that happens',
      rightIf: 'the average gap falls below a week',
    },
    card: safeCard({ peopleInvolved: 10, durationWeeks: 5, staffHours: 10 }),
    steps: [
      {
        cycle: {
          result: 'worked',
          observed: 'The gap fell from 19 days to 5; most families had simply forgotten or had no credit.',
          learned:
            'Missed appointments are rarely refusals: ask what got in the way, and offer a new time there and then.',
          next: 'adopt',
        },
      },
    ],
  },
  {
    key: 'demo-food-budgeting',
    by: PEOPLE.gareth,
    title: 'Budgeting help at the food bank',
    problem: 'Families we support run out of money before payday, but few come to our budgeting sessions.',
    hypothesis: {
      weBelieve: 'offering budgeting help where families already go, the food bank, will reach more of them',
      toTestIt: 'run a budgeting table at the food bank every Thursday for six weeks',
      measure: 'families who sit down for a budgeting conversation',
      rightIf: 'at least ten families have a budgeting conversation',
    },
    card: safeCard({ peopleInvolved: 10, durationWeeks: 6, staffHours: 18, extraCost: 80 }),
    steps: [
      {
        cycle: {
          result: 'unclear',
          observed: 'Families took leaflets, but only three sat down; they said the queue felt too public.',
          learned: 'Nobody wants to talk about money in a queue; a quiet corner and a named time might help.',
          next: 'adapt',
        },
      },
      {
        cycle: {
          result: 'didNotWork',
          observed: 'With a private corner, four families sat down in three weeks; none came back.',
          learned:
            'Budgeting advice works one to one after trust is built, not as a stall; refer to the money adviser instead.',
          next: 'abandon',
        },
      },
    ],
  },
  {
    key: 'demo-football-check-ins',
    by: PEOPLE.owen,
    title: 'Football sessions instead of office check-ins',
    problem:
      'Young people on orders give one-word answers at office check-ins and miss about a third of them.',
    hypothesis: {
      weBelieve: 'meeting at a weekly football session will help young people turn up and talk',
      toTestIt: 'hold check-ins for six young people at the Tuesday evening football session',
      measure: 'attendance, and the worker’s note of how much was said',
      rightIf: 'five of six attend every week',
    },
    card: safeCard({ peopleInvolved: 6, durationWeeks: 6, staffHours: 18, extraCost: 200 }),
    steps: [
      {
        cycle: {
          result: 'worked',
          observed:
            'Attendance was almost perfect; the real conversations happened on the walk to the pitch.',
          learned:
            'Young people talk side by side, not face to face: plan the check-in for the walk, not the match.',
          next: 'adapt',
        },
      },
    ],
  },
  {
    key: 'demo-young-carers',
    by: PEOPLE.alex,
    title: 'An afternoon off for young carers',
    problem:
      'Young carers turn down every activity we offer because they feel guilty leaving a parent alone.',
    hypothesis: {
      weBelieve:
        'arranging cover for the parent first will let young carers take an afternoon for themselves',
      toTestIt: 'offer five young carers a monthly afternoon out, with a sitting service for the parent',
      measure: 'how many young carers take up the afternoon',
      rightIf: 'four of five take it up',
    },
    card: safeCard({ peopleInvolved: 10, durationWeeks: 6, staffHours: 16, extraCost: 250 }),
    steps: [
      {
        cycle: {
          result: 'worked',
          observed: 'All five came; two asked whether they could bring a friend next time.',
          learned:
            'Young carers need permission as much as cover: ask the parent to tell them it is fine to go.',
          next: 'adopt',
        },
      },
    ],
  },
  {
    key: 'demo-victim-podcast',
    by: PEOPLE.rhys,
    title: 'A podcast for victim awareness sessions',
    problem: 'Victim awareness worksheets feel like school, and young people rush through them.',
    hypothesis: {
      weBelieve: 'hearing a victim tell their own story will make young people think about harm',
      toTestIt: 'play a recorded victim story to six young people instead of the worksheet',
      measure: 'what young people say in the reflection afterwards',
      rightIf: 'four of six talk about how the victim felt',
    },
    card: safeCard({ peopleInvolved: 6, durationWeeks: 4, staffHours: 8 }),
    steps: [
      {
        cycle: {
          result: 'didNotWork',
          observed: 'They listened quietly, but most reflections were about what would happen to them.',
          learned:
            'A recording cannot answer back; a restorative conversation with a real person does what the podcast did not.',
          next: 'abandon',
        },
      },
    ],
  },
];
