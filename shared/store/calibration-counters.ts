/**
 * Calibration counters ("The card learns"): what managers decided about each rule of the card, and each
 * team's record, kept per calendar month (London time) and team and updated in the same transaction as
 * the change that moves them, as the dashboard's counters are (stats.ts). `GET /api/policy/calibration`
 * therefore reads a bounded number of small items, never the log.
 *
 * Items: pk CALIB, sk M#<yyyy-mm>#T#<team>#S#<shard> for a team's counters, and A#<yyyy-mm>#S#<shard>
 * for the counters by answer of every team (keys.ts); two shards picked at random, as for STATS.
 * The month is the event's own: an escalation and its decision are both counted in the month of the
 * escalation (so `pending` over a range is exact), a closing in the month it closed, an incident in the
 * month its cycle was recorded.
 *
 * Attributes (numbers, created by ADD):
 *   e#<rule>, o#<rule>          escalations giving the rule as a reason; as the only reason
 *   y#<rule>, n#<rule>          decided escalations giving the rule: approved, declined
 *   closed                      experiments that reached a final status
 *   decided, approved           the team's decided escalations, and the approved ones
 *   incident#minor, incident#serious
 * and on the answers item only:
 *   a#<rule>#<answer>#y / #n    threshold rules: decided escalations whose only reason it was, by answer
 * A team's item has a fixed set of attributes. The answers item holds one attribute per distinct answer
 * decided that month, which grows with the decisions; it is kept apart, per month rather than per team
 * and month, so that the request reads each answer once a month and not once per team as well (the
 * suggested limit needs answers summed over teams only). An `a#` attribute on a team's item, as written
 * before the split, is still read.
 */

import { calendarMonth, type RuleCounters, type TeamMonth } from '../domain/calibration.ts';
import { CARD_FIELDS, type CardField, THRESHOLD_FIELDS, type ThresholdField } from '../domain/card.ts';
import { isFinalStatus } from '../domain/status.ts';
import type { StoredExperiment } from '../domain/stored-experiment.ts';
import { calibrationAnswersKey, calibrationKey, parseCalibrationKey } from './keys.ts';
import { addCounters } from './stats.ts';
import type { TransactItem } from './transactions.ts';

export const CALIBRATION_SHARDS = 2;

/** What the counters read of an experiment; governance's rewrites leave all of it as it was. */
type Counted = Pick<
  StoredExperiment,
  'team' | 'status' | 'escalatedAt' | 'decision' | 'assessment' | 'cycles' | 'closedAt' | 'updatedAt'
>;

/** Counter changes by month. */
export type MonthDeltas = Map<string, Record<string, number>>;

const isCardField = (rule: string): rule is CardField => (CARD_FIELDS as readonly string[]).includes(rule);
const isThreshold = (rule: string): rule is ThresholdField =>
  (THRESHOLD_FIELDS as readonly string[]).includes(rule);

const monthOf = (iso: string) => calendarMonth(new Date(iso));

/** The card's rules among an assessment's reasons (an allowance's reason is not a card rule). */
const cardReasons = (exp: Counted) =>
  (exp.assessment?.reasons ?? []).filter((reason) => isCardField(reason.rule));

/**
 * The counter changes that moving from `before` to `after` makes, by month. Each is keyed on something
 * that changes exactly once per event (a new `escalatedAt`, a new decision's `at`, a first final status,
 * a new cycle), so a save that repeats nothing counts nothing; summed over an experiment's life with one
 * escalation they equal `calibrationDeltas(undefined, final)`, which is what the bench's loader adds.
 */
export const calibrationDeltas = (before: Counted | undefined, after: Counted): MonthDeltas => {
  const months: MonthDeltas = new Map();
  const add = (iso: string, name: string, by = 1) => {
    const month = monthOf(iso);
    const deltas = months.get(month) ?? {};
    deltas[name] = (deltas[name] ?? 0) + by;
    months.set(month, deltas);
  };
  const escalatedAt = after.escalatedAt;
  const reasons = cardReasons(after);
  const only = (after.assessment?.reasons ?? []).length === 1 ? reasons[0] : undefined;
  if (escalatedAt !== undefined && escalatedAt !== before?.escalatedAt) {
    for (const reason of reasons) add(escalatedAt, `e#${reason.rule}`);
    if (only) add(escalatedAt, `o#${only.rule}`);
  }
  const decision = after.decision;
  if (decision && escalatedAt !== undefined && decision.at !== before?.decision?.at) {
    const mark = decision.outcome === 'approve' ? 'y' : 'n';
    for (const reason of reasons) add(escalatedAt, `${mark}#${reason.rule}`);
    if (only && isThreshold(only.rule) && typeof only.answer === 'number')
      add(escalatedAt, `a#${only.rule}#${only.answer}#${mark}`);
    add(escalatedAt, 'decided');
    if (mark === 'y') add(escalatedAt, 'approved');
  }
  if (isFinalStatus(after.status) && !(before && isFinalStatus(before.status)))
    add(after.closedAt ?? after.updatedAt, 'closed');
  for (const cycle of after.cycles.slice(before?.cycles.length ?? 0)) {
    if (cycle.incident === 'minor' || cycle.incident === 'serious')
      add(cycle.recordedAt, `incident#${cycle.incident}`);
  }
  return months;
};

/** One month's counter changes split between the team's item and the answers item, on `shard`. */
export const calibrationItemDeltas = (
  month: string,
  team: string,
  deltas: Record<string, number>,
  shard: number,
): { key: { pk: string; sk: string }; deltas: Record<string, number> }[] => {
  const ofTeam: Record<string, number> = {};
  const byAnswer: Record<string, number> = {};
  for (const [name, n] of Object.entries(deltas)) {
    if (name.startsWith('a#')) byAnswer[name] = n;
    else ofTeam[name] = n;
  }
  return [
    { key: calibrationKey(month, team, shard), deltas: ofTeam },
    { key: calibrationAnswersKey(month, shard), deltas: byAnswer },
  ].filter((item) => Object.keys(item.deltas).length > 0);
};

/** The `ADD` updates of a change's counters: per month, the team's item and the answers item, on a random shard. */
export const calibrationUpdates = (
  tableName: string,
  before: Counted | undefined,
  after: Counted,
): TransactItem[] =>
  [...calibrationDeltas(before, after)].flatMap(([month, deltas]) =>
    calibrationItemDeltas(month, after.team, deltas, Math.floor(Math.random() * CALIBRATION_SHARDS)).map(
      ({ key, deltas: changes }) => ({
        Update: { TableName: tableName, Key: key, ...addCounters(changes) },
      }),
    ),
  );

const ANSWER = /^a#([A-Za-z]+)#(.+)#([yn])$/;

const ruleCountersOf = (item: Record<string, unknown>): RuleCounters[] => {
  const rules = new Map<CardField, RuleCounters>();
  const of = (rule: CardField) => {
    const counters = rules.get(rule) ?? { rule, escalations: 0, onlyReason: 0, approved: 0, declined: 0 };
    rules.set(rule, counters);
    return counters;
  };
  for (const name in item) {
    const n = item[name];
    if (typeof n !== 'number') continue;
    const answer = ANSWER.exec(name);
    if (answer) {
      const [, rule, value, mark] = answer as unknown as [string, string, string, 'y' | 'n'];
      if (!isThreshold(rule)) continue;
      const counters = of(rule);
      const byAnswer = counters.onlyReasonByAnswer ?? {};
      counters.onlyReasonByAnswer = byAnswer;
      const seen = byAnswer[value] ?? { approved: 0, declined: 0 };
      byAnswer[value] =
        mark === 'y' ? { ...seen, approved: seen.approved + n } : { ...seen, declined: seen.declined + n };
      continue;
    }
    const [kind, rule] = name.split('#');
    if (rule === undefined || !isCardField(rule)) continue;
    const counters = of(rule);
    if (kind === 'e') counters.escalations += n;
    else if (kind === 'o') counters.onlyReason += n;
    else if (kind === 'y') counters.approved += n;
    else if (kind === 'n') counters.declined += n;
  }
  return [...rules.values()];
};

const count = (item: Record<string, unknown>, name: string) => {
  const n = item[name];
  return typeof n === 'number' ? n : 0;
};

/** Counter items read back: per rule (for the months asked about) and per team and month (for eligibility, from a team's items). */
export const readCalibrationItems = (
  items: Iterable<Record<string, unknown>>,
  rulesFrom: string,
  rulesTo: string,
): { rules: RuleCounters[]; teams: TeamMonth[] } => {
  const rules: RuleCounters[] = [];
  const teams: TeamMonth[] = [];
  for (const item of items) {
    const key = parseCalibrationKey(String(item.sk));
    if (!key) continue;
    if (key.month >= rulesFrom && key.month <= rulesTo) rules.push(...ruleCountersOf(item));
    if (key.team === undefined) continue;
    teams.push({
      team: key.team,
      month: key.month,
      closed: count(item, 'closed'),
      escalationsApproved: count(item, 'approved'),
      escalationsDecided: count(item, 'decided'),
      incidents: { minor: count(item, 'incident#minor'), serious: count(item, 'incident#serious') },
    });
  }
  return { rules, teams };
};
