/**
 * The document's own words: its introduction, the bearer token, and what each error status means on
 * every route that has it. A route's own meaning of a status (what its 404 is) is in its doc instead.
 */
import { readFileSync } from 'node:fs';
import type { ErrorStatus } from '#shared/http/error-responses.ts';
import { PROJECT_ROOT } from '../constructs/function-bundles.ts';

const packageVersion = (): string =>
  (JSON.parse(readFileSync(`${PROJECT_ROOT}/package.json`, 'utf8')) as { version: string }).version;

const INTRODUCTION = `Fail Forward puts Monmouthshire County Council's "Fail Fast Fail Forward" prompt card into software: staff submit an idea, the card checks it against versioned limits, only ideas outside them go to a manager, and every test, fail and iterate cycle is recorded and shared.

Every route is under \`/api\` and takes and answers JSON, except the CSV exports. The same API runs in AWS (behind the site's CloudFront address) and on one machine (\`npm start\`, http://127.0.0.1:3000).

**Signing in.** Send \`Authorization: Bearer <JWT>\`: a Cognito ID token whose claims carry the user's id (\`sub\`), name (\`name\`), groups (\`cognito:groups\`: \`staff\`, \`manager\`, \`leader\`, \`governance\`) and team (\`custom:team\`). On one machine, \`POST /local/token\` with \`{ "sub", "name", "groups", "team" }\` answers \`{ "token" }\`. Each operation lists the groups that may call it in \`x-required-groups\`; some rights also depend on the experiment (its owner, its team's managers).

**Errors** are \`{ "error": "<code>", "message": "<plain English>", "issues"?: [{ "path", "message" }] }\`. Bad input is always a 400 with an issue per field and nothing stored, never a 500. An id the caller may not see is a 404, as an unknown one is. API Gateway answers some statuses itself, before any function runs (no or a bad token, throttling): then the body is only \`{ "message" }\`.

**Lists** are pages: \`{ "items": [...], "next": <cursor or null> }\`; send \`next\` back as \`cursor\` for the next page, with the same filters. \`limit\` is 1 to 100.

This document is generated from the zod schemas the handlers validate with (\`npm run openapi\`), and a contract test checks every answer of the running system against it.`;

export const describeApi = () => ({
  info: {
    title: 'Fail Forward JSON API',
    version: packageVersion(),
    summary: 'The Fail Fast Fail Forward prompt card as an API.',
    description: INTRODUCTION,
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [
    {
      url: '/',
      description:
        'The address this document was fetched from: the council’s Fail Forward site, or http://127.0.0.1:3000 on one machine.',
    },
  ],
});

export const SECURITY_SCHEME = {
  name: 'cognitoJwt',
  scheme: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'A Cognito ID token (in AWS, checked by API Gateway’s JWT authorizer: signature, issuer, expiry, audience), or on one machine a token from POST /local/token. The handlers read the groups and the team from its claims.',
  },
} as const;

/** The shared answer of each error status: its component's name and what it means on any route. */
export const ERROR_RESPONSES: Record<ErrorStatus, { name: string; description: string }> = {
  400: {
    name: 'BadRequest',
    description: 'The request is not valid: `issues` says what to change, one per field. Nothing was stored.',
  },
  401: {
    name: 'Unauthorised',
    description: 'No token, or one that is expired or not this service’s: sign in again.',
  },
  403: {
    name: 'Forbidden',
    description:
      'Signed in, but not allowed: the caller’s groups do not allow this, or their account has no recognised group or no team. Also for a request that did not come through the site’s own address.',
  },
  404: { name: 'NotFound', description: 'There is nothing the caller may see with that id.' },
  406: { name: 'NotAcceptable', description: 'The answer cannot be sent in a form the request accepts.' },
  409: {
    name: 'Conflict',
    description:
      'The change cannot be made in the current state, or another change happened at the same moment.',
  },
  413: {
    name: 'PayloadTooLarge',
    description: 'The body is larger than 1 MB (the function’s limit) or 10 MB (API Gateway’s).',
  },
  422: {
    name: 'IdempotencyKeyReused',
    description: 'The Idempotency-Key was already used with another body.',
  },
  429: {
    name: 'TooManyRequests',
    description: 'Throttled by API Gateway (the stage’s rate or burst limit): wait and try again.',
  },
};
