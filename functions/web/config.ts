import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { MIN_SECRET_LENGTH } from './session.ts';

export interface CognitoConfig {
  /** The managed login domain, e.g. "fail-forward.auth.eu-west-2.amazoncognito.com". */
  domain: string;
  userPoolId: string;
  clientId: string;
}

export interface WebConfig {
  signIn: 'demo' | 'cognito';
  sessionSecret: string;
  /** Where GOV.UK Frontend's and our own CSS, JavaScript, fonts and images are served from. */
  assetsUrl: string;
  /** The public address of the pages, for the OAuth redirect URI. */
  publicUrl: string;
  cognito: CognitoConfig | undefined;
}

const required = (env: NodeJS.ProcessEnv, name: string): string => {
  const value = env[name];
  if (!value) throw new Error(`Missing configuration for the web pages: ${name}`);
  return value;
};

/**
 * Read on every request rather than once: the local runtime and the tests set these variables after
 * this module has loaded, and reading a handful of variables costs nothing next to rendering.
 * The session secret is SESSION_SECRET itself (one machine), or passed in from Secrets Manager.
 */
export const webConfig = (env: NodeJS.ProcessEnv = process.env, secretFromStore?: string): WebConfig => {
  const signIn = env.WEB_SIGN_IN === 'demo' ? 'demo' : 'cognito';
  // Belt and braces: demo sign-in lets anyone be anyone, so a real Lambda refuses to start with it.
  if (signIn === 'demo' && env.AWS_LAMBDA_FUNCTION_NAME) {
    throw new Error('WEB_SIGN_IN=demo is for one machine only and is refused inside AWS Lambda');
  }
  const sessionSecret = env.SESSION_SECRET || secretFromStore || required(env, 'SESSION_SECRET');
  if (sessionSecret.length < MIN_SECRET_LENGTH) {
    throw new Error(`SESSION_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  const assetsUrl = (env.ASSETS_URL || '/assets').replace(/\/+$/, '');
  const publicUrl = (env.PUBLIC_URL || 'http://localhost:3000').replace(/\/+$/, '');
  return {
    signIn,
    sessionSecret,
    assetsUrl,
    publicUrl,
    cognito:
      signIn === 'cognito'
        ? {
            domain: required(env, 'COGNITO_DOMAIN')
              .replace(/^https:\/\//, '')
              .replace(/\/+$/, ''),
            userPoolId: required(env, 'USER_POOL_ID'),
            clientId: required(env, 'USER_POOL_CLIENT_ID'),
          }
        : undefined,
  };
};

type SecretReader = (name: string) => Promise<string | undefined>;

const readSecret: SecretReader = async (name) => {
  const out = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: name }));
  return out.SecretString;
};

const secrets = new Map<string, Promise<string | undefined>>();

/**
 * The configuration with the session secret: from SESSION_SECRET on one machine, or in AWS fetched
 * once per container from Secrets Manager by SESSION_SECRET_NAME (the deploy passes only the name, so
 * the value never appears in the function's configuration). A failed read is retried next time.
 */
export const loadWebConfig = async (
  env: NodeJS.ProcessEnv = process.env,
  read: SecretReader = readSecret,
): Promise<WebConfig> => {
  const name = env.SESSION_SECRET_NAME;
  if (env.SESSION_SECRET || !name) return webConfig(env);
  let pending = secrets.get(name);
  if (!pending) {
    pending = read(name).then(
      (value) => value?.trim(),
      (error: unknown) => {
        secrets.delete(name);
        throw error;
      },
    );
    secrets.set(name, pending);
  }
  return webConfig(env, await pending);
};
