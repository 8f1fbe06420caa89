import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { type StatementsConfig, statementsConfig } from '#shared/config.ts';
import { MIN_SECRET_LENGTH } from './session.ts';

export interface WebConfig {
  sessionSecret: string;
  /** Where GOV.UK Frontend's and our own CSS, JavaScript, fonts and images are served from. */
  assetsUrl: string;
  /** The public address of the pages: their origin, for redirects and the OAuth redirect URI. */
  publicUrl: string;
  /** How often a session's person is read again from the identity provider (groups, team, disabled). */
  sessionRefreshMs: number;
  /** The council-specific parts of the privacy notice, accessibility statement and cookies page. */
  statements: StatementsConfig;
}

/** The bound on how long a changed group or team, or a disabled account, goes unnoticed by a session. */
export const DEFAULT_SESSION_REFRESH_SECONDS = 300;

const required = (env: NodeJS.ProcessEnv, name: string): string => {
  const value = env[name];
  if (!value) throw new Error(`Missing configuration for the web pages: ${name}`);
  return value;
};

const refreshSeconds = (env: NodeJS.ProcessEnv): number => {
  const raw = env.SESSION_REFRESH_SECONDS;
  if (raw === undefined || raw === '') return DEFAULT_SESSION_REFRESH_SECONDS;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new Error('SESSION_REFRESH_SECONDS must be a positive number of seconds');
  return seconds;
};

/**
 * Read on every request rather than once: the local runtime and the tests set these variables after
 * this module has loaded, and reading a handful of variables costs nothing next to rendering.
 * The session secret is SESSION_SECRET itself (one machine), or passed in from Secrets Manager.
 * How people sign in is not configured here: the sign-in adapter is injected (see sign-in.ts).
 */
export const webConfig = (env: NodeJS.ProcessEnv = process.env, secretFromStore?: string): WebConfig => {
  const sessionSecret = env.SESSION_SECRET || secretFromStore || required(env, 'SESSION_SECRET');
  if (sessionSecret.length < MIN_SECRET_LENGTH) {
    throw new Error(`SESSION_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  const assetsUrl = (env.ASSETS_URL || '/assets').replace(/\/+$/, '');
  const publicUrl = (env.PUBLIC_URL || 'http://localhost:3000').replace(/\/+$/, '');
  return {
    sessionSecret,
    assetsUrl,
    publicUrl,
    sessionRefreshMs: refreshSeconds(env) * 1000,
    statements: statementsConfig(env),
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
