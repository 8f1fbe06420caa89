/**
 * Serves the web pages on one machine: turns a Node request into the API Gateway payload 2.0 event the
 * web Lambda gets in AWS (no authorizer: the pages keep their own sessions) and writes its result back.
 * It builds the same web app the Lambda runs, with one difference: people sign in as the demo users of
 * `<dataDir>/demo-users.json` instead of through Cognito. It leaves /api, /local and /health to the
 * gateway.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { dirname, join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { WebConfig } from '#functions/web/config.ts';
import type { WebResponse } from '#functions/web/http.ts';
import { DEMO_VIEWS, demoSignIn } from './demo-sign-in.ts';
import { DEMO_USERS_FILE, ensureDemoUsersFile } from './demo-users.ts';
import type { LocalRoute } from './gateway.ts';
import { payloadV2Event } from './payload-v2.ts';

type WebHandler = (event: APIGatewayProxyEventV2) => Promise<WebResponse>;

const isOurs = (path: string): boolean =>
  !(
    path === '/api' ||
    path.startsWith('/api/') ||
    path === '/local' ||
    path.startsWith('/local/') ||
    path === '/health'
  );

// API Gateway base64-encodes request bodies that are not text; forms count as text but it encodes them
// too, so the web handler is written to take either.
const toEvent = (req: IncomingMessage, body: Buffer, url: URL): APIGatewayProxyEventV2 =>
  payloadV2Event(req, url, body, { routeKey: '$default', apiId: 'local-web', base64Body: true });

export interface WebRouteOptions {
  /** The data folder: the demo users' file is kept there. */
  dataDir?: string;
  /** The pages' settings, passed in: on one machine nothing is read from the environment. */
  config?: WebConfig;
  /** Tests only: answer with this instead of the web app. */
  handler?: WebHandler;
}

/** The web app with demo sign-in, loaded on first use, over the services the runtime installed. */
const demoWebApp = async (opts: WebRouteOptions): Promise<WebHandler> => {
  const config = opts.config;
  if (!config) throw new Error("webRoute needs the web pages' config");
  const [{ createWebApp }, { services }, { templatesFromSource }] = await Promise.all([
    import('#functions/web/app.ts'),
    import('#shared/services/index.ts'),
    import('#functions/web/compile-views.ts'),
  ]);
  const file = join(opts.dataDir ?? '.data', DEMO_USERS_FILE);
  const app = createWebApp({
    services,
    sessions: () => services().sessions,
    signIn: demoSignIn({ file }),
    templates: templatesFromSource([DEMO_VIEWS]),
    config: () => config,
  });
  return (event) => app.handle(event);
};

export const webRoute = (opts: WebRouteOptions = {}): LocalRoute => {
  // Written now, on start, so the file is there to edit before anyone signs in.
  if (!opts.handler) ensureDemoUsersFile(join(opts.dataDir ?? '.data', DEMO_USERS_FILE));
  let handler: Promise<WebHandler> | undefined = opts.handler && Promise.resolve(opts.handler);
  return async (req, res, body, url) => {
    if (!isOurs(url.pathname)) return false;
    handler ??= demoWebApp(opts).catch((error: unknown) => {
      // Not kept: the next request tries to load it again.
      handler = undefined;
      throw error;
    });
    const result = await (await handler)(toEvent(req, body, url));
    const headers: Record<string, string | string[]> = { ...result.headers };
    if (result.cookies && result.cookies.length > 0) headers['set-cookie'] = result.cookies;
    res.writeHead(result.statusCode, headers);
    res.end(result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
    return true;
  };
};

/**
 * The session secret for one machine: made once and kept in the data folder, so sessions survive a
 * restart like the data does. In AWS the secret comes from Secrets Manager instead.
 */
export const localSessionSecret = async (file: string): Promise<string> => {
  try {
    const saved = (await readFile(file, 'utf8')).trim();
    if (saved.length >= 32) return saved;
  } catch {
    // Not made yet.
  }
  const secret = randomBytes(48).toString('base64url');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
};
