/**
 * ID tokens as Cognito signs them, for the sign-in tests: a real aws-jwt-verify verifier for a test
 * user pool, given our own signing key instead of Cognito's JWKS.
 */
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { CognitoConfig, Verifier } from '#functions/web/auth/cognito.ts';

export const TEST_COGNITO: CognitoConfig = {
  domain: 'fail-forward.auth.eu-west-2.amazoncognito.com',
  userPoolId: 'eu-west-2_TestPool1',
  clientId: 'web-client-id',
};

const ISSUER = `https://cognito-idp.eu-west-2.amazonaws.com/${TEST_COGNITO.userPoolId}`;

export const cognitoSigner = async () => {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const cognito = CognitoJwtVerifier.create({
    userPoolId: TEST_COGNITO.userPoolId,
    tokenUse: 'id',
    clientId: TEST_COGNITO.clientId,
  });
  cognito.cacheJwks({ keys: [jwk] } as Parameters<typeof cognito.cacheJwks>[0]);
  const sign = (claims: Record<string, unknown>, audience = TEST_COGNITO.clientId, subject = 'sam') =>
    new SignJWT({ token_use: 'id', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  const verifier: Verifier = { verify: (token) => cognito.verify(token) as Promise<Record<string, unknown>> };
  return { verifier, sign };
};
