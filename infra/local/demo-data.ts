/**
 * `npm run demo`: a realistic set of experiments, loaded through the real write path (the JSON API),
 * so every page and the dashboard have something true to show. Idempotency keys are fixed, so loading
 * twice changes nothing. The people are the sample people of test/support/fixtures.ts.
 */
import { client } from '#test/support/api.ts';
import { type CardOverrides, PEOPLE, type Person, sampleCard } from '#test/support/fixtures.ts';

/** The sample card with the demo's own defaults (fixed: a second load must send the same bodies). */
const safeCard = (overrides: CardOverrides = {}): CardOverrides =>
  sampleCard({ peopleInvolved: 8, staffHours: 10, ...overrides });

type Step =
  | { decide: Person; outcome: 'approve' | 'decline'; reason?: string; conditions?: string }
  | {
      cycle: {
        result: 'worked' | 'didNotWork' | 'unclear';
        observed: string;
        learned: string;
        next: 'adapt' | 'adopt' | 'abandon';
        changes?: CardOverrides;
        /** "Did anything go wrong for anyone taking part?": none unless a step says otherwise. */
        incident?: { incident: 'minor' | 'serious'; incidentDetail: string };
      };
    };

interface DemoIdea {
  key: string;
  by: Person;
  title: string;
  problem: string;
  hypothesis: { weBelieve: string; toTestIt: string; measure: string; rightIf: string };
  card: CardOverrides;
  steps: Step[];
}

const IDEAS: DemoIdea[] = [
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
  // More lessons for the learning library, across the teams and in Welsh, worked or not.
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
];

/** The learning card as the API takes it: "nothing went wrong" unless the step recorded an incident. */
const learningCard = ({ incident, ...cycle }: Extract<Step, { cycle: unknown }>['cycle']) => ({
  ...cycle,
  ...(incident ?? { incident: 'none' }),
});

export const loadDemoData = async (baseUrl: string): Promise<number> => {
  const api = client(baseUrl);
  const call = (as: Person, path: string, body: unknown, headers: Record<string, string> = {}) =>
    api.call<{ id: string; status: string; cycles: unknown[] }>('POST', path, { as, body, headers });

  for (const idea of IDEAS) {
    const { key, by, steps, ...submission } = idea;
    const submitted = await call(by, '/api/experiments', submission, { 'idempotency-key': key });
    if (submitted.status !== 201)
      throw new Error(`Demo idea "${idea.title}" was refused: ${JSON.stringify(submitted.body)}`);
    const { id } = submitted.body;
    // Steps already taken on an earlier run answer 409, which is what a second load should do.
    for (const step of steps) {
      const res =
        'decide' in step
          ? await call(step.decide, `/api/experiments/${id}/decision`, {
              outcome: step.outcome,
              ...(step.reason ? { reason: step.reason } : {}),
              ...(step.conditions ? { conditions: step.conditions } : {}),
            })
          : await call(by, `/api/experiments/${id}/cycles`, learningCard(step.cycle));
      if (res.status >= 400 && res.status !== 409) {
        throw new Error(
          `Demo step on "${idea.title}" failed with ${res.status}: ${JSON.stringify(res.body)}`,
        );
      }
      if (res.status === 409) break;
    }
  }
  return IDEAS.length;
};
