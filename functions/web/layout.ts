import { hasPermission } from '#shared/domain/access.ts';
import { maySessionsBeEndedBy } from '#shared/services/session-admin.ts';
import type { PageContext } from './context.ts';
import { warningText } from './form/personal-details.ts';
import { LOCALES, teamName } from './i18n/index.ts';
import { LANGUAGES } from './i18n/languages.ts';
import type { Flash } from './session.ts';

interface NavItem {
  text: string;
  href: string;
  current?: boolean;
  active?: boolean;
}

const navFor = (ctx: PageContext): NavItem[] => {
  const { user, t } = ctx;
  if (!user) return [];
  const roles = user.roles;
  const items: NavItem[] = [];
  if (roles.includes('staff') || roles.includes('manager')) {
    items.push({ text: t.nav.submit, href: '/ideas/new' }, { text: t.nav.experiments, href: '/experiments' });
  }
  if (roles.includes('manager') || roles.includes('leader'))
    items.push({ text: t.nav.queue, href: '/queue' }, { text: t.cover.nav, href: '/cover' });
  if (roles.includes('leader')) {
    items.push({ text: t.nav.dashboard, href: '/dashboard' }, { text: t.nav.log, href: '/log' });
  }
  if (maySessionsBeEndedBy(user)) items.push({ text: t.nav.people, href: '/people' });
  items.push({ text: t.nav.library, href: '/library' });
  if (hasPermission(user, 'findRecords')) items.push({ text: t.records.nav, href: '/records' });
  if (hasPermission(user, 'readAudit')) items.push({ text: t.auditTrail.nav, href: '/audit' });
  items.push({ text: t.nav.policy, href: '/policy' });
  const path = ctx.req.path;
  return items.map((item) =>
    path === item.href
      ? { ...item, current: true }
      : path.startsWith(`${item.href}/`)
        ? { ...item, active: true }
        : item,
  );
};

/** The same page in the other language: only GET pages can be linked to, so a POST result links to its form. */
const languageLinks = (ctx: PageContext) => {
  const path = ctx.req.method === 'GET' ? ctx.req.path : '/';
  return LOCALES.map((locale) => {
    // Not the other catalogue: an English page does not load the Welsh one (see `messages`).
    const other = LANGUAGES[locale];
    const query = new URLSearchParams(ctx.req.method === 'GET' ? ctx.req.query : undefined);
    query.set('lang', locale);
    return {
      text: other.languageName,
      lang: other.lang,
      ...(locale === ctx.locale
        ? { current: true }
        : { href: `${path}?${query}`, languageDescriptionText: other.switchToThis }),
    };
  });
};

/** A cycle's or cover's flash, followed by what its free text may hold that someone should check. */
const withWarnings = (
  ctx: PageContext,
  flash: Flash,
  shown: { success: boolean; title: string; text: string },
) => {
  const warnings = 'warnings' in flash ? (flash.warnings ?? []) : [];
  if (warnings.length === 0) return shown;
  const words = warnings.map(({ path, kind }) => warningText(ctx.t, path, kind));
  return { ...shown, text: [shown.text, ...words].join(' ') };
};

const flashText = (ctx: PageContext, flash: Flash | undefined) => {
  if (!flash) return undefined;
  const shown = flashWords(ctx, flash);
  return shown ? withWarnings(ctx, flash, shown) : undefined;
};

const flashWords = (ctx: PageContext, flash: Flash) => {
  const { t } = ctx;
  switch (flash.kind) {
    case 'approved':
      return { success: true, title: t.case.successTitle, text: t.case.approvedFlash(flash.title) };
    case 'declined':
      return { success: true, title: t.case.successTitle, text: t.case.declinedFlash(flash.title) };
    case 'signedOut':
      return { success: true, title: t.signIn.notificationTitle, text: t.signIn.signedOut };
    case 'expiredIdle':
      return { success: false, title: t.signIn.notificationTitle, text: t.signIn.expiredIdle };
    case 'expiredAbsolute':
      return { success: false, title: t.signIn.notificationTitle, text: t.signIn.expiredAbsolute };
    case 'signInFailed':
      return { success: false, title: t.signIn.notificationTitle, text: t.signIn.failed };
    case 'cycleRecorded':
      return { success: true, title: t.case.successTitle, text: t.cycle.recordedFlash(flash.n) };
    case 'cycleClosed':
      return { success: true, title: t.case.successTitle, text: t.cycle.closedFlash(flash.n) };
    case 'cycleAdopted':
      return { success: true, title: t.case.successTitle, text: t.cycle.adoptedFlash(flash.n) };
    case 'cycleEscalated':
      return { success: false, title: t.signIn.notificationTitle, text: t.cycle.escalatedFlash(flash.n) };
    case 'published':
      return { success: true, title: t.case.successTitle, text: t.policyForm.publishedFlash(flash.version) };
    case 'sessionsEnded':
      return {
        success: true,
        title: t.case.successTitle,
        text: t.people.endedFlash(flash.n, ctx.fmt.number(flash.n), flash.name),
      };
    case 'redacted':
      return { success: true, title: t.redaction.doneTitle, text: t.redaction.done(flash.field) };
    case 'coverSet':
      return {
        success: true,
        title: t.case.successTitle,
        text: t.cover.setFlash(flash.name, teamName(t, flash.team)),
      };
  }
};

export const layoutData = (opts: {
  ctx: PageContext;
  nonce: string;
  flash: Flash | undefined;
  title: string;
  backLink: string | undefined;
}) => {
  const { ctx } = opts;
  return {
    t: ctx.t,
    fmt: ctx.fmt,
    locale: ctx.locale,
    user: ctx.user,
    cspNonce: opts.nonce,
    csrfToken: ctx.csrf,
    assetPath: ctx.config.assetsUrl,
    nav: navFor(ctx),
    languages: languageLinks(ctx),
    flash: flashText(ctx, opts.flash),
    pageTitle: opts.title,
    backLink: opts.backLink,
  };
};
