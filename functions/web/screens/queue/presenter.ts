/** "Ideas waiting for you" in the page's language: each idea with who sent it and the time left. */
import type { Experiment } from '#shared/domain/experiment.ts';
import type { User } from '#shared/services/user.ts';
import { type Formatter, type Messages, teamName } from '../../i18n/index.ts';
import { escapeHtml, linkHtml, tagHtml } from '../../presenters.ts';

/** The time left before the deadline, or a red tag once it has passed (or the case went to leaders). */
const timeLeft = (t: Messages, fmt: Formatter, exp: Experiment, now: Date): string => {
  if (!exp.deadlineAt) return '';
  const overdue = exp.raisedToLeaders || Date.parse(exp.deadlineAt) <= now.getTime();
  if (overdue)
    return tagHtml({
      text: exp.raisedToLeaders ? t.queue.raised : t.queue.overdue,
      classes: 'govuk-tag--red',
    });
  return escapeHtml(t.queue.leftUntil(fmt.relative(exp.deadlineAt, now), fmt.dateTime(exp.deadlineAt)));
};

/** A case in the queue only through manager cover gets a tag naming the team covered. */
const coverTag = (t: Messages, exp: Experiment & { asCoverFor?: string }): string =>
  exp.asCoverFor
    ? ` ${tagHtml({ text: t.cover.queueTag(teamName(t, exp.asCoverFor)), classes: 'govuk-tag--purple' })}`
    : '';

export const queueRows = (
  t: Messages,
  fmt: Formatter,
  items: (Experiment & { asCoverFor?: string })[],
  now: Date,
) =>
  items.map((exp) => [
    { html: linkHtml(`/queue/${encodeURIComponent(exp.id)}`, exp.title) + coverTag(t, exp) },
    { text: `${exp.ownerName}, ${teamName(t, exp.team)}` },
    { text: fmt.dateTime(exp.escalatedAt ?? exp.createdAt) },
    { html: timeLeft(t, fmt, exp, now) },
  ]);

/**
 * Where a manager sees the ideas their team recommends making normal practice (issue 19): the learning
 * library, filtered to their team and `adopted`. Managers may not open an idea the card authorised, but
 * the library shows every adopted one to everyone signed in, without people's names; a leader gets
 * every team's.
 */
export const recommended = (t: Messages, user: User) => {
  const manager = user.roles.includes('manager');
  const query = new URLSearchParams({ ...(manager ? { team: user.team } : {}), status: 'adopted' });
  return {
    href: `/library?${query}`,
    intro: manager ? t.queue.recommendedIntro : t.queue.leaderRecommendedIntro,
    text: manager ? t.queue.recommendedLink(teamName(t, user.team)) : t.queue.leaderRecommendedLink,
  };
};
