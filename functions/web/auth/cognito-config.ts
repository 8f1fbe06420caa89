/**
 * The user pool and app client the web pages sign people in with. Kept apart from the protocol code
 * (cognito.ts), which a cold start does not load: only the pages that sign people in or refresh a
 * session need it.
 */
export interface CognitoConfig {
  /** The managed login domain, e.g. "fail-forward.auth.eu-west-2.amazoncognito.com". */
  domain: string;
  userPoolId: string;
  clientId: string;
}

const required = (env: NodeJS.ProcessEnv, name: string): string => {
  const value = env[name];
  if (!value) throw new Error(`Missing configuration for the web pages: ${name}`);
  return value;
};

/** The user pool and app client the deploy passes to the web function. */
export const cognitoConfig = (env: NodeJS.ProcessEnv): CognitoConfig => ({
  domain: required(env, 'COGNITO_DOMAIN')
    .replace(/^https:\/\//, '')
    .replace(/\/+$/, ''),
  userPoolId: required(env, 'USER_POOL_ID'),
  clientId: required(env, 'USER_POOL_CLIENT_ID'),
});
