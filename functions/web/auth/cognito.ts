/**
 * Cognito managed login with the OAuth 2.0 authorisation code flow and PKCE (a public client: no
 * client secret in the Lambda). The ID token is verified with aws-jwt-verify against the user pool's
 * JWKS, for this app client, before anyone is signed in.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as z from 'zod';
import { rolesFromClaim } from '#shared/domain/access.ts';
import { TEAM_SLUG } from '#shared/domain/schemas.ts';
import type { User } from '#shared/services/user.ts';
import type { CognitoConfig } from '../config.ts';

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

type Verifier = { verify(token: string): Promise<Record<string, unknown>> };

const verifiers = new Map<string, Verifier>();

const defaultVerifier = (config: CognitoConfig): Verifier => {
  const key = `${config.userPoolId}/${config.clientId}`;
  let verifier = verifiers.get(key);
  if (!verifier) {
    // aws-jwt-verify (16 KB) is loaded with import() by the first sign-in callback, the one page that
    // verifies a token, rather than by every cold start. The verifier, and the JWKS it caches, are kept.
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

const tokenResponse = z.lazy(() => z.object({ id_token: z.string().min(1) }));

/** Swaps the code for tokens at the managed login's token endpoint, then verifies the ID token. */
export const completeSignIn = async (opts: {
  config: CognitoConfig;
  redirectUri: string;
  code: string;
  attempt: AuthAttempt;
  fetch?: typeof fetch;
  verifier?: Verifier;
}): Promise<User> => {
  const send = opts.fetch ?? fetch;
  const response = await send(`https://${opts.config.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: opts.config.clientId,
      code: opts.code,
      redirect_uri: opts.redirectUri,
      code_verifier: opts.attempt.verifier,
    }).toString(),
  });
  if (!response.ok) throw new SignInFailed(`The token endpoint answered ${response.status}`);
  const tokens = tokenResponse.safeParse(await response.json());
  if (!tokens.success) throw new SignInFailed('The token endpoint sent no ID token');
  const claims = await (opts.verifier ?? defaultVerifier(opts.config))
    .verify(tokens.data.id_token)
    .catch((error: unknown) => {
      throw new SignInFailed(`The ID token did not verify: ${String(error)}`);
    });
  if (claims.nonce !== opts.attempt.nonce)
    throw new SignInFailed('The ID token was issued for another sign-in');
  return userFromClaims(claims);
};
