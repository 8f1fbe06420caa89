import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';

export const LOCAL_ISSUER = 'https://fail-forward.local/issuer';
export const LOCAL_AUDIENCE = 'fail-forward-local';
const ALG = 'ES256';

export interface LocalJwt {
  issue(
    claims: { sub: string; name: string; groups: string[]; team: string },
    ttlSeconds?: number,
  ): Promise<string>;
  /** What API Gateway's JWT authorizer does: signature, issuer, audience and expiry. Throws if any fails. */
  verify(token: string): Promise<JWTPayload>;
}

/**
 * The local stand-in for Cognito's token issuer. The signing key is kept in the data folder, so
 * tokens issued before a restart still work after it.
 */
export const localJwt = async (keyFile: string): Promise<LocalJwt> => {
  let privateJwk: JWK;
  if (existsSync(keyFile)) {
    privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair(ALG, { extractable: true });
    privateJwk = await exportJWK(privateKey);
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  const { d: _secret, ...publicJwk } = privateJwk;
  const privateKey = await importJWK(privateJwk, ALG);
  const publicKey = await importJWK(publicJwk, ALG);
  return {
    issue: ({ sub, name, groups, team }, ttlSeconds = 8 * 3600) =>
      new SignJWT({ name, 'cognito:groups': groups, 'custom:team': team, token_use: 'id' })
        .setProtectedHeader({ alg: ALG, kid: 'local' })
        .setSubject(sub)
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
        .sign(privateKey),
    verify: async (token) =>
      (await jwtVerify(token, publicKey, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE })).payload,
  };
};

/** API Gateway (payload 2.0) hands claims to Lambda as strings; arrays become "[a b]". */
export const flattenClaims = (payload: JWTPayload): Record<string, string | number | boolean> => {
  const claims: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (Array.isArray(value)) claims[key] = `[${value.join(' ')}]`;
    else if (typeof value === 'object' && value !== null) claims[key] = JSON.stringify(value);
    else if (value !== undefined) claims[key] = value as string | number | boolean;
  }
  return claims;
};
