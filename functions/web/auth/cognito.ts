/**
 * Cognito managed login with the OAuth 2.0 authorisation code flow and PKCE (a public client: no
 * client secret in the Lambda). The ID token is verified with aws-jwt-verify against the user pool's
 * JWKS, for this app client, before anyone is signed in, and again each time the session's refresh
 * token is swapped for a new one, so groups, team and a disabled account are read from Cognito itself.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as z from 'zod';
import { rolesFromClaim } from '#shared/domain/access.ts';
import { TEAM_SLUG } from '#shared/domain/teams.ts';
import type { User } from '#shared/services/user.ts';
import type { CognitoConfig } from './cognito-config.ts';

export type { CognitoConfig } from './cognito-config.ts';

/** How long a page waits for Cognito's token or revocation endpoint before giving up on it. */
export const COGNITO_TIMEOUT_MS = 5_000;

export const AUTH_COOKIE = '__Host-ff-auth';
/** How long someone has to finish signing in at Cognito before the attempt is refused. */
export const AUTH_ATTEMPT_SECONDS = 600;

// The schemas are built on first use (z.lazy), like those of shared/domain/schemas.ts: building zod
// schemas at import is time every cold start would pay, for pages that never sign anyone in.
export const authAttemptSchema = z.lazy(() =>
  z.object({
    state: z.string().min(16),
    verifier: z.string().min(43),
    nonce: z.string().min(16),
    returnTo: z.string().optional(),
    startedAt: z.number(),
  }),
);
export type AuthAttempt = z.infer<typeof authAttemptSchema>;

const random = () => randomBytes(32).toString('base64url');

export const pkceChallenge = (verifier: string): string =>
  createHash('sha256').update(verifier).digest('base64url');

export const newAuthAttempt = (now: number, returnTo?: string): AuthAttempt => ({
  state: random(),
  verifier: random(),
  nonce: random(),
  startedAt: now,
  ...(returnTo ? { returnTo } : {}),
});

export const authorizeUrl = (
  config: CognitoConfig,
  redirectUri: string,
  attempt: AuthAttempt,
  lang: string,
): string => {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri,
    scope: 'openid profile email',
    state: attempt.state,
    nonce: attempt.nonce,
    code_challenge: pkceChallenge(attempt.verifier),
    code_challenge_method: 'S256',
    // Managed login speaks Welsh too; pass the page's language through.
    lang,
  });
  return `https://${config.domain}/oauth2/authorize?${query}`;
};

export const logoutUrl = (config: CognitoConfig, returnUrl: string): string =>
  `https://${config.domain}/logout?${new URLSearchParams({ client_id: config.clientId, logout_uri: returnUrl })}`;

export class SignInFailed extends Error {
  override name = 'SignInFailed';
}

/** The person in a verified ID token. Fails closed, like the API's reading of the same claims. */
export const userFromClaims = (claims: Record<string, unknown>): User => {
  const sub = claims.sub;
  const roles = rolesFromClaim(claims['cognito:groups']);
  const team = claims['custom:team'];
  if (typeof sub !== 'string' || sub === '') throw new SignInFailed('The token has no subject');
  if (!roles) throw new SignInFailed('The account has no recognised group');
  if (typeof team !== 'string' || !TEAM_SLUG.test(team)) throw new SignInFailed('The account has no team');
  const name = typeof claims.name === 'string' && claims.name !== '' ? claims.name : sub;
  return { id: sub, name, team, roles };
};

export type Verifier = { verify(token: string): Promise<Record<string, unknown>> };

const verifiers = new Map<string, Verifier>();

export const defaultVerifier = (config: CognitoConfig): Verifier => {
  const key = `${config.userPoolId}/${config.clientId}`;
  let verifier = verifiers.get(key);
  if (!verifier) {
    // aws-jwt-verify is loaded with import() by the first sign-in callback, the one page that verifies a
    // token, rather than by every cold start. The verifier, and the JWKS it caches, are kept.
    let cognito: Promise<Verifier> | undefined;
    const load = () =>
      import('aws-jwt-verify').then(({ CognitoJwtVerifier }) =>
        CognitoJwtVerifier.create({
          userPoolId: config.userPoolId,
          tokenUse: 'id',
          clientId: config.clientId,
        }),
      );
    verifier = {
      verify: async (token) => {
        cognito ??= load().catch((error: unknown) => {
          // Not kept: the next sign-in tries to load it again.
          cognito = undefined;
          throw error;
        });
        return (await cognito).verify(token);
      },
    };
    verifiers.set(key, verifier);
  }
  return verifier;
};

const tokenResponse = z.lazy(() =>
  z.object({ id_token: z.string().min(1), refresh_token: z.string().min(1).optional() }),
);

/** The person signed in, and the refresh token the session keeps (on the server) to read them again. */
export interface SignedIn {
  user: User;
  refreshToken: string | undefined;
}

interface Endpoint {
  config: CognitoConfig;
  fetch?: typeof fetch;
  verifier?: Verifier;
}

const postForm = (opts: Endpoint, path: string, form: Record<string, string>) =>
  (opts.fetch ?? fetch)(`https://${opts.config.domain}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    signal: AbortSignal.timeout(COGNITO_TIMEOUT_MS),
  });

const verifiedClaims = async (opts: Endpoint, response: Response) => {
  const tokens = tokenResponse.safeParse(await response.json().catch(() => undefined));
  if (!tokens.success) throw new SignInFailed('The token endpoint sent no ID token');
  const claims = await (opts.verifier ?? defaultVerifier(opts.config))
    .verify(tokens.data.id_token)
    .catch((error: unknown) => {
      throw new SignInFailed(`The ID token did not verify: ${String(error)}`);
    });
  return { claims, refreshToken: tokens.data.refresh_token };
};

/** Swaps the code for tokens at the managed login's token endpoint, then verifies the ID token. */
export const completeSignIn = async (
  opts: Endpoint & { redirectUri: string; code: string; attempt: AuthAttempt },
): Promise<SignedIn> => {
  const response = await postForm(opts, '/oauth2/token', {
    grant_type: 'authorization_code',
    client_id: opts.config.clientId,
    code: opts.code,
    redirect_uri: opts.redirectUri,
    code_verifier: opts.attempt.verifier,
  });
  if (!response.ok) throw new SignInFailed(`The token endpoint answered ${response.status}`);
  const { claims, refreshToken } = await verifiedClaims(opts, response);
  if (claims.nonce !== opts.attempt.nonce)
    throw new SignInFailed('The ID token was issued for another sign-in');
  return { user: userFromClaims(claims), refreshToken };
};

export type RefreshOutcome =
  | { status: 'current'; user: User; refreshToken: string | undefined }
  | { status: 'ended'; reason: string }
  | { status: 'unavailable'; reason: string };

/**
 * The person as Cognito sees them now: the refresh token swapped for a new ID token, verified, and read
 * like a sign-in. Cognito refuses the swap (400) for a disabled or deleted user and a revoked token,
 * and a token with no group or team of ours fails like a sign-in: each ends the session. Only an
 * outage (no answer, a 5xx or throttling) leaves it to the next request.
 */
export const refreshSignIn = async (
  opts: Endpoint & { userId: string; refreshToken: string | undefined },
): Promise<RefreshOutcome> => {
  if (!opts.refreshToken) return { status: 'ended', reason: 'The session holds no refresh token' };
  let response: Response;
  try {
    response = await postForm(opts, '/oauth2/token', {
      grant_type: 'refresh_token',
      client_id: opts.config.clientId,
      refresh_token: opts.refreshToken,
    });
  } catch (error) {
    return { status: 'unavailable', reason: `The token endpoint did not answer: ${String(error)}` };
  }
  if (response.status >= 500 || response.status === 429)
    return { status: 'unavailable', reason: `The token endpoint answered ${response.status}` };
  if (!response.ok) return { status: 'ended', reason: `The token endpoint answered ${response.status}` };
  try {
    const { claims, refreshToken } = await verifiedClaims(opts, response);
    if (claims.sub !== opts.userId) throw new SignInFailed('The refreshed ID token is for someone else');
    return { status: 'current', user: userFromClaims(claims), refreshToken };
  } catch (error) {
    if (error instanceof SignInFailed) return { status: 'ended', reason: error.message };
    throw error;
  }
};

/** Revokes a refresh token at sign-out, so it can never be swapped again. Best effort: false if not done. */
export const revokeRefreshToken = async (opts: Endpoint & { refreshToken: string }): Promise<boolean> => {
  try {
    const response = await postForm(opts, '/oauth2/revoke', {
      token: opts.refreshToken,
      client_id: opts.config.clientId,
    });
    return response.ok;
  } catch {
    return false;
  }
};
