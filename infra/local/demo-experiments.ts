/**
 * The first half of the demo set: experiments at every stage of the journey (cycles to adapt, a
 * decision, one still waiting), for the pages and the dashboard.
 */
import { PEOPLE } from '#test/support/fixtures.ts';
import { type DemoIdea, safeCard } from './demo-idea.ts';

export const DEMO_EXPERIMENTS: readonly DemoIdea[] = [
  {
    key: 'demo-evening-calls',
    by: PEOPLE.sam,
    title: 'Evening calls to new referrals',
    problem:
      'Families referred on a Friday afternoon wait until Monday to hear from anyone, and some disengage.',
    hypothesis: {
      weBelieve: 'a short call on the evening a referral arrives will help families feel heard',
      toTestIt: 'we will call the next eight families referred after 3pm, the same evening',
      measure: 'how many take up the first appointment',
      rightIf: 'at least six of the eight families take up the first appointment',
    },
    card: safeCard({ peopleInvolved: 8, staffHours: 12 }),
    steps: [
      {
        cycle: {
          result: 'didNotWork',
          observed: 'Only two of eight families answered a call from an unknown number in the evening.',
          learned: 'Families do not pick up unknown numbers; a text first saying who we are might help.',
          next: 'adapt',
        },
      },
      {
        cycle: {
          result: 'worked',
          observed:
            'With a text first, six of eight families answered and five came to the first appointment.',
          learned: 'A text introducing the worker by name before the call makes the difference.',
          next: 'adopt',
        },
      },
    ],
  },
  {
    key: 'demo-buddy-scheme',
    by: PEOPLE.ffion,
    title: 'A parent-to-parent buddy scheme',
    problem: 'Parents new to family support feel judged by professionals and drop out in the first month.',
    hypothesis: {
      weBelieve: 'pairing a new parent with a parent who has been through support will keep them engaged',
      toTestIt: 'pair twelve new parents with volunteer buddies for six weeks',
      measure: 'how many are still engaged after a month',
      rightIf: 'nine of twelve are still engaged after a month',
    },
    card: safeCard({
      peopleInvolved: 24,
      personalData: 'yes',
      durationWeeks: 6,
      staffHours: 30,
      extraCost: 300,
    }),
    steps: [
      {
        decide: PEOPLE.gareth,
        outcome: 'approve',
        conditions: 'Volunteers need a DBS check and a short induction before they meet anyone.',
      },
      {
        cycle: {
          result: 'didNotWork',
          observed: 'Only four buddy pairs met more than once; volunteers could not make daytime meetings.',
          learned: 'Buddies are working parents; meetings need to be in the evening or online.',
          next: 'adapt',
        },
      },
      {
        cycle: {
          result: 'unclear',
          observed: 'Evening meetings helped, but two volunteers dropped out and pairs were uneven.',
          learned: 'We need a small pool of reserve buddies before we start.',
          next: 'adapt',
          incident: {
            incident: 'minor',
            incidentDetail:
              'A buddy missed a planned meeting and a parent waited at the cafe for an hour; we apologised the same day.',
          },
        },
      },
    ],
  },
  {
    key: 'demo-family-link-up',
    by: PEOPLE.ffion,
    title: 'A family-to-family link-up after support ends',
    problem: 'Families leaving support lose contact with anyone who understands what they went through.',
    hypothesis: {
      weBelieve: 'linking families who have finished support will help them keep going',
      toTestIt: 'invite six families to a monthly link-up at the family centre',
      measure: 'how many come back a second time',
      rightIf: 'four of six come back',
    },
    card: safeCard({ peopleInvolved: 6, durationWeeks: 6, staffHours: 8, extraCost: 120 }),
    steps: [
      {
        cycle: {
          result: 'didNotWork',
          observed:
            'Two families came once; none came back. They said the centre reminded them of hard times.',
          learned: 'A neutral place matters more than we thought; the family centre is not neutral to them.',
          next: 'abandon',
        },
      },
    ],
  },
  {
    key: 'demo-text-reminders',
    by: PEOPLE.rhys,
    title: 'Text reminders before youth panel meetings',
    problem: 'Young people miss referral order panel meetings, which delays their order and their progress.',
    hypothesis: {
      weBelieve: 'a friendly text the day before will help young people turn up',
      toTestIt: 'send reminders to the next ten young people with a panel meeting',
      measure: 'attendance at panel meetings',
      rightIf: 'eight of ten attend',
    },
    card: safeCard({ peopleInvolved: 10, personalData: 'unsure', staffHours: 4 }),
    steps: [
      {
        decide: PEOPLE.owen,
        outcome: 'decline',
        reason: 'We need to agree the wording and consent with the panel chair first.',
      },
    ],
  },
  {
    key: 'demo-walk-and-talk',
    by: PEOPLE.rhys,
    title: 'Walk and talk appointments',
    problem: 'Some young people shut down in an office; appointments go nowhere.',
    hypothesis: {
      weBelieve: 'meeting while walking in the park will help young people talk',
      toTestIt: 'offer walk and talk to five young people for four weeks',
      measure: 'the worker’s note of how much the young person said',
      rightIf: 'four of five say more than in the office',
    },
    card: safeCard({ peopleInvolved: 5, durationWeeks: 4, staffHours: 6 }),
    steps: [
      {
        cycle: {
          result: 'worked',
          observed: 'Four of five young people talked more; one preferred the office because of the weather.',
          learned: 'Offer it as a choice, and have a plan for rain.',
          next: 'adapt',
          changes: { peopleInvolved: 15 },
        },
      },
    ],
  },
  {
    key: 'demo-shared-notes',
    by: PEOPLE.sam,
    title: 'Writing case notes with the family in the room',
    problem: 'Families tell us our notes do not sound like them, and they feel talked about.',
    hypothesis: {
      weBelieve: 'writing notes with families during the visit will build trust',
      toTestIt: 'three workers write notes with the family on the next five visits each',
      measure: 'families’ rating of whether the notes are fair',
      rightIf: 'most families rate the notes as fair',
    },
    card: safeCard({ peopleInvolved: 15, personalData: 'yes', staffHours: 10 }),
    steps: [],
  },
];
