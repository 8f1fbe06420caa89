/** The cookies page's table: each cookie the pages set, by the name the code gives it. */
import { LANG_COOKIE } from '../../app.ts';
import { AUTH_COOKIE } from '../../auth/cognito.ts';
import type { Messages } from '../../i18n/index.ts';
import { FLASH_COOKIE, SESSION_COOKIE } from '../../session.ts';

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
