import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { WebConfig } from './config.ts';

export const newNonce = (): string => randomBytes(16).toString('base64');

/** The origin of a non-relative ASSETS_URL, which the CSP must allow alongside 'self'. */
const assetsOrigin = (assetsUrl: string): string[] => {
  if (assetsUrl.startsWith('/')) return [];
  try {
    return [new URL(assetsUrl).origin];
  } catch {
    return [];
  }
};

/**
 * `formTargets` are the sign-in adapter's: Chromium checks form-action on the redirects that follow a
 * POST too, and signing out lands on Cognito's managed login.
 */
export const contentSecurityPolicy = (
  config: WebConfig,
  nonce: string,
  formTargets: readonly string[] = [],
): string => {
  const assets = assetsOrigin(config.assetsUrl);
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' ${["'self'", ...assets].join(' ')}`,
    `style-src ${["'self'", ...assets].join(' ')}`,
    `img-src ${["'self'", 'data:', ...assets].join(' ')}`,
    `font-src ${["'self'", ...assets].join(' ')}`,
    `manifest-src ${["'self'", ...assets].join(' ')}`,
    "connect-src 'self'",
    `form-action ${["'self'", ...formTargets].join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
};

/** Sent on every response, assets included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** Constant-time comparison of the form's token with the session's. */
export const csrfMatches = (expected: string, actual: string | null): boolean => {
  if (!actual) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
};
