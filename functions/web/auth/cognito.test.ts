import { describe, expect, it } from 'vitest';
import { cognitoSigner, TEST_COGNITO } from '#test/support/web/cognito-tokens.ts';
import {
  authorizeUrl,
  completeSignIn,
  logoutUrl,
  newAuthAttempt,
  pkceChallenge,
  SignInFailed,
  userFromClaims,
} from './cognito.ts';

const config = TEST_COGNITO;
const REDIRECT = 'https://fail-forward.example/auth/callback';
const signer = cognitoSigner;

const tokenEndpoint = (idToken: string, seen: { body?: string }) =>
  (async (_url: string | URL | Request, init?: RequestInit) => {
    seen.body = String(init?.body);
    const tokens = {
      id_token: idToken,
      access_token: 'a',
      refresh_token: 'the-refresh-token',
      token_type: 'Bearer',
    };
    return new Response(JSON.stringify(tokens), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;

describe('Cognito managed login with PKCE', () => {
  it('sends people to the authorize endpoint with an S256 challenge, state and nonce', () => {
    // Prepare
    const attempt = newAuthAttempt(0, '/queue');

    // Act
    const url = new URL(authorizeUrl(config, REDIRECT, attempt, 'cy'));

    // Assess
    expect(url.origin + url.pathname).toBe(`https://${config.domain}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: config.clientId,
      redirect_uri: REDIRECT,
      scope: 'openid profile email',
      state: attempt.state,
      nonce: attempt.nonce,
      code_challenge: pkceChallenge(attempt.verifier),
      code_challenge_method: 'S256',
      lang: 'cy',
    });
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('swaps the code with the verifier and signs in the person in the verified ID token', async () => {
    // Prepare
    const { verifier, sign } = await signer();
    const attempt = newAuthAttempt(0);
    const idToken = await sign({
      nonce: attempt.nonce,
      name: 'Megan Jones',
      'cognito:groups': ['staff', 'manager'],
      'custom:team': 'early-help',
    });
    const seen: { body?: string } = {};

    // Act
    const { user, refreshToken } = await completeSignIn({
      config,
      redirectUri: REDIRECT,
      code: 'the-code',
      attempt,
      fetch: tokenEndpoint(idToken, seen),
      verifier,
    });

    // Assess
    expect(user).toEqual({ id: 'sam', name: 'Megan Jones', team: 'early-help', roles: ['staff', 'manager'] });
    expect(refreshToken).toBe('the-refresh-token');
    expect(Object.fromEntries(new URLSearchParams(seen.body))).toEqual({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code: 'the-code',
      redirect_uri: REDIRECT,
      code_verifier: attempt.verifier,
    });
  });

  it('refuses a token for another client, from another sign-in, or with no team', async () => {
    // Prepare
    const { verifier, sign } = await signer();
    const attempt = newAuthAttempt(0);
    const claims = { nonce: attempt.nonce, 'cognito:groups': ['staff'], 'custom:team': 'early-help' };
    const tokens = [
      await sign(claims, 'another-client'),
      await sign({ ...claims, nonce: 'another-sign-in-attempt' }),
      await sign({ ...claims, 'custom:team': undefined }),
    ];

    // Act
    const outcomes = await Promise.all(
      tokens.map((token) =>
        completeSignIn({
          config,
          redirectUri: REDIRECT,
          code: 'c',
          attempt,
          fetch: tokenEndpoint(token, {}),
          verifier,
        }).then(
          () => 'signed in',
          (error: unknown) => (error instanceof SignInFailed ? 'refused' : String(error)),
        ),
      ),
    );

    // Assess
    expect(outcomes).toEqual(['refused', 'refused', 'refused']);
  });

  it('reads groups and team like the API does, failing closed on an unknown group', () => {
    // Prepare
    const claims = { sub: 'x', 'cognito:groups': ['staff', 'admin'], 'custom:team': 'early-help' };

    // Act
    const attempt = () => userFromClaims(claims);

    // Assess
    expect(attempt).toThrow(SignInFailed);
    expect(logoutUrl(config, 'https://fail-forward.example/')).toBe(
      `https://${config.domain}/logout?client_id=web-client-id&logout_uri=https%3A%2F%2Ffail-forward.example%2F`,
    );
  });
});
