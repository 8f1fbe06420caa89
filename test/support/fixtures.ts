/**
 * The sample people and the sample idea, defined once: the tests, the bench, the demo users and the demo
 * data (infra/local) all take them from here, so a person's name or a card's answer never drifts between
 * them. Pure data: nothing here talks to a service.
 */
import { rolesFromClaim } from '#shared/domain/access.ts';
import type { Card, CardAnswers, ChoiceAnswers } from '#shared/domain/card.ts';
import type { Experiment, HistoryEntry } from '#shared/domain/experiment.ts';
import type { Submission } from '#shared/domain/schemas.ts';
import type { User } from '#shared/services/user.ts';

/** A person as an identity provider describes them: the claims of a local token or a demo user. */
export interface Person {
  sub: string;
  name: string;
  groups: string[];
  team: string;
}

/**
 * Staff in three teams, their managers (two in early help), a leader, and an information governance
 * officer. Six of them are the demo users a local sign-in offers at first (infra/local/demo-users.ts).
 */
export const PEOPLE = {
  sam: { sub: 'sam', name: 'Sam Patel', groups: ['staff'], team: 'early-help' },
  rhys: { sub: 'rhys', name: 'Rhys Evans', groups: ['staff'], team: 'youth-justice' },
  megan: { sub: 'megan', name: 'Megan Jones', groups: ['staff', 'manager'], team: 'early-help' },
  owen: { sub: 'owen', name: 'Owen Price', groups: ['staff', 'manager'], team: 'youth-justice' },
  carys: { sub: 'carys', name: 'Carys Morgan', groups: ['leader'], team: 'children-services' },
  alex: { sub: 'alex', name: 'Alex Hughes', groups: ['staff'], team: 'early-help' },
  nia: { sub: 'nia', name: 'Nia Thomas', groups: ['staff', 'manager'], team: 'early-help' },
  ffion: { sub: 'ffion', name: 'Ffion Davies', groups: ['staff'], team: 'family-support' },
  gareth: { sub: 'gareth', name: 'Gareth Lloyd', groups: ['staff', 'manager'], team: 'family-support' },
  gwen: { sub: 'gwen', name: 'Gwen Lloyd', groups: ['governance'], team: 'information-governance' },
} satisfies Record<string, Person>;

export type PersonName = keyof typeof PEOPLE;

/** The signed-in user a person becomes, read the way a token is. */
export const userOf = (person: Person): User => {
  const roles = rolesFromClaim(person.groups);
  if (!roles) throw new Error(`${person.sub} has a group that is not a role`);
  return { id: person.sub, name: person.name, team: person.team, roles };
};

/** The card's six safety questions, each answered inside the card. */
export const SAFE_ANSWERS: ChoiceAnswers = {
  safeguarding: 'no',
  lawful: 'yes',
  personalData: 'no',
  consent: 'yes',
  reversible: 'yes',
  frontPage: 'yes',
};

/** The least a card can say: every safety answer inside the card, every amount at its minimum. */
export const SMALLEST_ANSWERS: CardAnswers = {
  ...SAFE_ANSWERS,
  extraCost: 0,
  peopleInvolved: 0,
  durationWeeks: 1,
  staffHours: 0,
};

/** Changed answers; a test of bad input may give any value. */
export type CardOverrides = Partial<Record<keyof Card, unknown>>;

/** A card that every rule of card v1 authorises; `overrides` change answers. */
export const sampleCard = (overrides: CardOverrides = {}): Card =>
  ({
    ...SAFE_ANSWERS,
    extraCost: 0,
    peopleInvolved: 10,
    durationWeeks: 4,
    staffHours: 12,
    commitToShare: true,
    ...overrides,
  }) as Card;

/** The sample idea, as the JSON API receives it; `overrides` change card answers. */
export const sampleIdea = (overrides: CardOverrides = {}): Submission => ({
  title: 'Evening calls to new referrals',
  problem: 'Families referred on a Friday wait until Monday to hear from anyone.',
  hypothesis: {
    weBelieve: 'a short evening call the day a referral arrives',
    toTestIt: 'call the next ten families referred after 3pm',
    measure: 'how many families take up the first appointment',
    rightIf: 'at least seven of ten families take it up',
  },
  card: sampleCard(overrides),
});

/** The same idea scaled past two of card v1's thresholds. */
export const outsideIdea = (): Submission => sampleIdea({ peopleInvolved: 40, extraCost: 750 });

/** An experiment as the store keeps it, just submitted by Sam and not yet assessed; `overrides` change fields. */
export const sampleExperiment = (overrides: Partial<Experiment> = {}): Experiment => ({
  id: 'e1',
  title: 'Evening calls to new referrals',
  problem: 'Families wait.',
  hypothesis: { weBelieve: 'a', toTestIt: 'b', measure: 'c', rightIf: 'd' },
  card: sampleCard(),
  team: 'early-help',
  owner: 'sam',
  ownerName: 'Sam',
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  status: 'assessing',
  policyVersion: 1,
  raisedToLeaders: false,
  everEscalated: false,
  cycles: [],
  history: [],
  ...overrides,
});

/** The first two entries of a history: Sam submitted on 5 January 2026, and the card escalated, saying `why`. */
export const submittedAndEscalated = (why: string): HistoryEntry[] => [
  { at: '2026-01-05T09:00:00.000Z', by: 'sam', byName: 'Sam Patel', event: 'submitted', status: 'assessing' },
  {
    at: '2026-01-05T09:00:01.000Z',
    by: 'card',
    byName: 'The prompt card',
    event: 'escalated',
    status: 'escalated',
    detail: why,
  },
];

/** A test that went wrong for someone: a serious incident, which takes back the team's own limits. */
export const SERIOUS_INCIDENT_CYCLE = {
  result: 'didNotWork',
  observed: 'A young person was left without a worker for a day.',
  learned: 'Cover has to be arranged before a worker is moved.',
  next: 'adapt',
  incident: 'serious',
  incidentDetail: 'A young person was left without a worker for a day and missed a court date.',
};
