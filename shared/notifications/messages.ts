/**
 * The messages the service sends (the workflow's, and the recommendation to adopt), as GOV.UK Notify templates receive them: each template gets
 * these personalisation fields (see the README's deploy steps). The dedupe key names the one event a
 * message is about, so a retried step sends it once.
 */
import type { Policy } from '../domain/card.ts';
import type { Cycle, Experiment } from '../domain/experiment.ts';
import type { Notification } from './notifier.ts';

const link = (publicUrl: string, exp: Experiment) => `${publicUrl}/experiments/${exp.id}`;

/** An idea went outside the card: its team's managers decide it. */
export const escalatedToManagers = (exp: Experiment, publicUrl: string): Notification => ({
  dedupeKey: `escalated#${exp.id}#${exp.escalatedAt ?? exp.updatedAt}`,
  template: 'escalated-to-managers',
  audience: { role: 'manager', team: exp.team },
  experimentId: exp.id,
  personalisation: {
    title: exp.title,
    owner: exp.ownerName,
    reasons: (exp.assessment?.reasons ?? []).map((r) => r.message).join('\n'),
    deadline: exp.deadlineAt ?? '',
    link: link(publicUrl, exp),
  },
});

/**
 * The same news to a manager covering the team: told by name (they are not the team's manager), once per
 * escalation and cover manager.
 */
export const escalatedToCoverManager = (
  exp: Experiment,
  coverManager: { userId: string; name: string },
  publicUrl: string,
): Notification => {
  const team = escalatedToManagers(exp, publicUrl);
  return { ...team, dedupeKey: `${team.dedupeKey}#cover#${coverManager.userId}`, audience: coverManager };
};

/** No decision by the deadline: the case is now in the leaders' queue too. */
export const raisedToLeaders = (exp: Experiment, publicUrl: string): Notification => ({
  dedupeKey: `raised#${exp.id}#${exp.escalatedAt ?? ''}`,
  template: 'raised-to-leaders',
  audience: { role: 'leader' },
  experimentId: exp.id,
  personalisation: { title: exp.title, team: exp.team, link: link(publicUrl, exp) },
});

/** A manager or leader decided: the owner hears what and why. */
export const decisionToOwner = (
  exp: Experiment & { decision: NonNullable<Experiment['decision']> },
  publicUrl: string,
): Notification => ({
  dedupeKey: `decision#${exp.id}#${exp.decision.at}`,
  template: 'decision-to-owner',
  audience: { userId: exp.owner, name: exp.ownerName },
  experimentId: exp.id,
  personalisation: {
    title: exp.title,
    outcome: exp.decision.outcome === 'approve' ? 'approved' : 'declined',
    by: exp.decision.byName,
    reason: exp.decision.reason ?? '',
    conditions: exp.decision.conditions ?? '',
    link: link(publicUrl, exp),
  },
});

/**
 * The owner recommends making a tested idea normal practice: the card only allowed a limited test, so
 * the team's managers decide whether the service changes. Sent once per experiment (adopting is final).
 */
export const adoptedToManagers = (exp: Experiment, publicUrl: string): Notification => ({
  dedupeKey: `adopted#${exp.id}`,
  template: 'adopted-to-managers',
  audience: { role: 'manager', team: exp.team },
  experimentId: exp.id,
  personalisation: {
    title: exp.title,
    owner: exp.ownerName,
    learned: exp.cycles.at(-1)?.learned ?? '',
    // Its learning library entry: a manager may not open an idea the card authorised, but may read this.
    link: `${publicUrl}/library/${exp.id}`,
  },
});

/** The review date passed with no cycle recorded; `count` numbers the reminders, one a week. */
export const reviewReminderToOwner = (exp: Experiment, count: number, publicUrl: string): Notification => ({
  dedupeKey: `reminder#${exp.id}#${count}`,
  template: 'review-reminder-to-owner',
  audience: { userId: exp.owner, name: exp.ownerName },
  experimentId: exp.id,
  personalisation: { title: exp.title, reviewBy: exp.reviewBy ?? '', link: link(publicUrl, exp) },
});

/**
 * A cycle recorded a serious incident: the team's managers and the leaders hear at once, one message
 * each. Managers may not open an idea the card authorised (only escalated ones), so the message itself
 * says what went wrong.
 */
export const seriousIncident = (
  exp: Experiment,
  cycle: Cycle,
  to: 'manager' | 'leader',
  publicUrl: string,
): Notification => ({
  dedupeKey: `incident#${exp.id}#${cycle.number}#${to}`,
  template: 'serious-incident',
  audience: to === 'manager' ? { role: 'manager', team: exp.team } : { role: 'leader' },
  experimentId: exp.id,
  personalisation: {
    title: exp.title,
    team: exp.team,
    owner: exp.ownerName,
    cycle: String(cycle.number),
    detail: cycle.incidentDetail ?? '',
    link: link(publicUrl, exp),
  },
});

/** The card withdrew a team's own limits after a serious incident: leaders hear once per version. */
export const teamLimitsRevoked = (policy: Policy, exp: Experiment, publicUrl: string): Notification => ({
  dedupeKey: `revoked#${policy.version}`,
  template: 'team-limits-revoked',
  audience: { role: 'leader' },
  experimentId: exp.id,
  personalisation: {
    team: exp.team,
    version: String(policy.version),
    title: exp.title,
    reason: policy.reason,
    link: link(publicUrl, exp),
    policyLink: `${publicUrl}/policy`,
  },
});
