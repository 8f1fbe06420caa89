/** The statements' models: the council's settings as the pages show them, and the cookies page's table. */

import type { StatementsConfig } from '#shared/config.ts';
import { LANG_COOKIE } from '../../app.ts';
import { AUTH_COOKIE } from '../../auth/cognito.ts';
import type { Formatter, Messages } from '../../i18n/index.ts';
import { FLASH_COOKIE, SESSION_COOKIE } from '../../session.ts';

export const privacyModel = (s: StatementsConfig, fmt: Formatter) => ({
  council: s.councilName,
  dpoEmail: s.dpoEmail,
  retentionMonths: fmt.number(s.retentionMonths),
  auditRetentionMonths: fmt.number(s.auditRetentionMonths),
});

export const accessibilityModel = (s: StatementsConfig, fmt: Formatter) => ({
  council: s.councilName,
  email: s.accessibilityEmail,
  testedOn: fmt.date(`${s.accessibilityTestedOn}T12:00:00Z`),
});

/** The cookies page's table: each cookie the pages set, by the name the code gives it. */

export const cookieRows = (t: Messages) => {
  const c = t.statements.cookies;
  return [
    [SESSION_COOKIE, c.session, c.sessionExpires],
    [FLASH_COOKIE, c.flash, c.flashExpires],
    [LANG_COOKIE, c.lang, c.langExpires],
    [AUTH_COOKIE, c.auth, c.authExpires],
  ].map(([name, purpose, expires]) => [
    { html: `<code class="ff-break-all">${name}</code>` },
    { text: purpose },
    { text: expires },
  ]);
};
