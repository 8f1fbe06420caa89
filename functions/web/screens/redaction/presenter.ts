/**
 * Redaction in the page's language: each free-text field information governance may remove, named as
 * people see it, with its text and a link to remove it.
 */
import { hasPermission } from '#shared/domain/access.ts';
import type { Experiment } from '#shared/domain/experiment.ts';
import { redactablePaths } from '#shared/domain/redaction.ts';
import type { User } from '#shared/services/user.ts';
import type { Messages } from '../../i18n/index.ts';
import { experimentHref, multiline } from '../../presenters.ts';
import { fieldLabel } from '../../redacted-fields.ts';

/** The text a path names now, as the page shows it. */
export const textAt = (exp: Experiment, path: string): string => {
  const [head, n = '', field = ''] = path.split('.');
  if (head === 'cycles') {
    const cycle = exp.cycles.find((c) => String(c.number) === n) as Record<string, unknown> | undefined;
    return String(cycle?.[field] ?? '');
  }
  if (head === 'history') return exp.history[Number(n) - 1]?.detail ?? '';
  let value: unknown = exp;
  for (const part of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  return typeof value === 'string' ? value : '';
};

export const redactHref = (id: string, path: string) =>
  `${experimentHref(id)}/redact?${new URLSearchParams({ field: path })}`;

/** The experiment page's "Remove personal details" rows: governance only, one per field holding text. */
export const redactionRows = (t: Messages, exp: Experiment, user: User) => {
  if (!hasPermission(user, 'redactText')) return [];
  return redactablePaths(exp).map((path) => {
    const label = fieldLabel(t, path);
    return {
      key: { text: label },
      value: multiline(textAt(exp, path)),
      actions: {
        items: [
          {
            href: redactHref(exp.id, path),
            text: t.redaction.link,
            visuallyHiddenText: t.redaction.linkHidden(label),
          },
        ],
      },
    };
  });
};
