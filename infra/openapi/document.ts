/**
 * The OpenAPI 3.1 description of the JSON API, generated from what the code already holds: every route
 * of the function registry (functions/registry.ts), who may call it (PERMISSIONS), the zod schemas its
 * handler validates with (`functions/<name>/schema.ts`), what it answers (`functions/<name>/openapi.ts`),
 * the error shapes of the one error hierarchy, and examples from the demo set. Adding a route or a field
 * changes the document without anyone editing it: `npm run openapi` writes it to docs/openapi.json, and a
 * test fails while that file differs from what this builds.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import {
  createDocument,
  type ZodOpenApiObject,
  type ZodOpenApiOperationObject,
  type ZodOpenApiResponseObject,
} from 'zod-openapi';
import { apiRoutes, FUNCTIONS, type FunctionSpec } from '#functions/registry.ts';
import { type RouteDoc, TAGS } from '#functions/route-docs.ts';
import { PERMISSIONS } from '#shared/domain/access.ts';
import { ROLES } from '#shared/domain/roles.ts';
import { type ErrorStatus, errorSchemas } from '#shared/http/error-responses.ts';
import { PROJECT_ROOT } from '../constructs/function-bundles.ts';
import { type Example, requestExamples, responseExamples } from './examples.ts';
import { embedJsonSchema } from './json-schema.ts';
import { describeApi, ERROR_RESPONSES, SECURITY_SCHEME } from './words.ts';

/** The request schemas a route's `schema.ts` may export; the generator reads nothing else from it. */
interface RouteSchemas {
  paramsSchema?: z.ZodObject;
  querySchema?: z.ZodObject;
  bodySchema?: z.ZodType;
  headersSchema?: z.ZodType;
}

type ApiRoute = ReturnType<typeof apiRoutes>[number];

export interface DocumentedRoute {
  route: ApiRoute;
  schemas: RouteSchemas;
  doc: RouteDoc;
}

/** A route the document cannot describe: the message names it and says what to add. */
export class UndocumentedRouteError extends Error {}

/** Whether `functions/<name>/<file>` exists: checked first, as each runtime words a missing import its own way. */
const hasFile = (name: string, file: string) => existsSync(join(PROJECT_ROOT, 'functions', name, file));

/** A route with its request schemas and its `doc`, or an error naming what is missing. */
export const loadRoute = async (route: ApiRoute): Promise<DocumentedRoute> => {
  const where = `${route.routeKey} (functions/${route.name})`;
  if (!hasFile(route.name, 'schema.ts')) {
    throw new UndocumentedRouteError(
      `${where} has no functions/${route.name}/schema.ts: export the zod schemas its handler reads requests with (paramsSchema, querySchema, bodySchema, headersSchema).`,
    );
  }
  const schemas = (await import(`#functions/${route.name}/schema.ts`)) as RouteSchemas;
  const { doc } = hasFile(route.name, 'openapi.ts')
    ? ((await import(`#functions/${route.name}/openapi.ts`)) as { doc?: RouteDoc })
    : { doc: undefined };
  if (!doc) {
    throw new UndocumentedRouteError(
      `${where} has no functions/${route.name}/openapi.ts exporting \`doc\`: say what it answers (its success schema and its own error statuses; see functions/route-docs.ts) so that the OpenAPI document can describe it.`,
    );
  }
  const { json, jsonSchema, csv } = doc.success;
  if (!json && !jsonSchema && !csv) {
    throw new UndocumentedRouteError(
      `${where}: its doc in functions/${route.name}/openapi.ts gives no schema for its ${doc.success.status} answer (success.json, success.jsonSchema or success.csv).`,
    );
  }
  if (route.path.includes('{') && !schemas.paramsSchema) {
    throw new UndocumentedRouteError(
      `${where} names something in its path but its schema.ts exports no paramsSchema.`,
    );
  }
  if (route.path.includes('{') && !doc.errors?.[404]) {
    throw new UndocumentedRouteError(
      `${where} names something in its path: its doc must say what its 404 means (errors[404]).`,
    );
  }
  return { route, schemas, doc };
};

/** Every API route of the registry, documented. Throws one error naming every route that is not. */
export const loadRoutes = async (): Promise<DocumentedRoute[]> => {
  const results = await Promise.allSettled(apiRoutes().map(loadRoute));
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as Error] : []));
  if (failures.length > 0) {
    const messages = failures.map((error) => `- ${error.message}`).join('\n');
    throw new UndocumentedRouteError(`The OpenAPI document cannot describe every route:\n${messages}`);
  }
  return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
};

/** Every status a route answers, from how it reads requests and what its doc adds. */
export const statusesOf = ({ route, schemas, doc }: DocumentedRoute): number[] => {
  const statuses = new Set<number>([doc.success.status, 403, 429]);
  if (!route.public) statuses.add(401);
  if (schemas.querySchema || schemas.bodySchema || schemas.headersSchema) statuses.add(400);
  if (schemas.bodySchema) statuses.add(413);
  for (const status of Object.keys(doc.errors ?? {})) statuses.add(Number(status));
  return [...statuses].sort((a, b) => a - b);
};

/** Who may call a route: the groups of its permission, everyone signed in, or nobody need be. */
export const groupsOf = (route: ApiRoute, doc: RouteDoc): readonly string[] => {
  if (route.public) return [];
  const permission = (FUNCTIONS[route.name] as FunctionSpec).permission ?? doc.groups;
  return permission ? PERMISSIONS[permission].roles : ROLES;
};

const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
const pascal = (name: string) => camel(name).replace(/^\w/, (c) => c.toUpperCase());

/** `idempotency-key` as HTTP spells it, `Idempotency-Key`: handlers read headers lower-cased. */
const headerName = (key: string) =>
  key.replace(/(^|-)(\w)/g, (_, dash: string, c: string) => dash + c.toUpperCase());

const unwrapLazy = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodLazy ? unwrapLazy(schema.unwrap() as z.ZodType) : schema;

const headerParams = (schema: z.ZodType) => {
  const object = unwrapLazy(schema);
  if (!(object instanceof z.ZodObject)) throw new Error('A headersSchema must be an object of headers');
  return z.object(
    Object.fromEntries(
      Object.entries(object.shape).map(([key, value]) => [headerName(key), value as z.ZodType]),
    ),
  );
};

const whoMay = (groups: readonly string[]) =>
  groups.length === 0
    ? 'anyone: no sign-in needed.'
    : groups.length === ROLES.length
      ? 'anyone signed in, in any group.'
      : `${groups.map((g) => `\`${g}\``).join(' or ')} (Cognito groups).`;

const successContent = (doc: RouteDoc, example: unknown): ZodOpenApiResponseObject['content'] => {
  const { json, jsonSchema, csv } = doc.success;
  const exampleOf = example === undefined ? {} : { example };
  return {
    ...(json ? { 'application/json': { schema: json, ...exampleOf } } : {}),
    ...(jsonSchema
      ? { 'application/json': { schema: { $ref: `#/components/schemas/${jsonSchema.name}` } } }
      : {}),
    ...(csv ? { 'text/csv': { schema: { type: 'string', description: csv } } } : {}),
  };
};

const operationOf = (
  documented: DocumentedRoute,
  sharedResponse: (status: ErrorStatus) => { $ref: string },
  examples: { request?: Record<string, Example>; responses?: Partial<Record<number, unknown>> },
): ZodOpenApiOperationObject => {
  const { route, schemas, doc } = documented;
  const groups = groupsOf(route, doc);
  const responses: Record<string, ZodOpenApiResponseObject | { $ref: string }> = {};
  for (const status of statusesOf(documented)) {
    if (status === doc.success.status) {
      responses[status] = {
        description: doc.success.description,
        ...(doc.success.headers
          ? {
              headers: Object.fromEntries(
                Object.entries(doc.success.headers).map(([name, description]) => [
                  name,
                  { description, schema: { type: 'string' } },
                ]),
              ),
            }
          : {}),
        content: successContent(doc, examples.responses?.[status]),
      };
      continue;
    }
    const own = doc.errors?.[status as keyof NonNullable<RouteDoc['errors']>];
    const example = examples.responses?.[status];
    responses[status] =
      own === undefined && example === undefined
        ? sharedResponse(status as ErrorStatus)
        : {
            description: own ?? ERROR_RESPONSES[status as ErrorStatus].description,
            content: {
              'application/json': {
                schema: errorSchemas[status as ErrorStatus],
                ...(example === undefined ? {} : { example }),
              },
            },
          };
  }
  const { paramsSchema, querySchema, headersSchema } = schemas;
  // A component of its own, named after the route: a clone, so the handler's schema is not touched.
  const bodySchema = schemas.bodySchema?.meta({ id: `${pascal(route.name)}Body` });
  return {
    operationId: camel(route.name),
    summary: doc.summary,
    description: `${doc.description}\n\n**Who may call it:** ${whoMay(groups)}`,
    tags: [doc.tag],
    'x-required-groups': [...groups],
    ...(route.public ? { security: [] } : {}),
    requestParams: {
      ...(paramsSchema ? { path: paramsSchema } : {}),
      ...(querySchema ? { query: querySchema } : {}),
      ...(headersSchema ? { header: headerParams(headersSchema) } : {}),
    },
    ...(bodySchema
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: bodySchema,
                ...(examples.request ? { examples: examples.request } : {}),
              },
            },
          },
        }
      : {}),
    responses,
  };
};

/** The document, as `npm run openapi` writes it and GET /api/openapi.json serves it. */
export const buildOpenApiDocument = async (): Promise<Record<string, unknown>> => {
  const routes = await loadRoutes();
  const requests = requestExamples();
  const answers = responseExamples();
  const paths: NonNullable<ZodOpenApiObject['paths']> = {};
  // The shared error answers that some route refers to, and only those.
  const shared = new Map<ErrorStatus, ZodOpenApiResponseObject>();
  const sharedResponse = (status: ErrorStatus) => {
    const { name, description } = ERROR_RESPONSES[status];
    shared.set(status, { description, content: { 'application/json': { schema: errorSchemas[status] } } });
    return { $ref: `#/components/responses/${name}` };
  };
  const schemas: Record<string, z.ZodType | Record<string, unknown>> = {};
  for (const documented of routes) {
    const { route, doc } = documented;
    if (doc.success.jsonSchema) Object.assign(schemas, embedJsonSchema(doc.success.jsonSchema));
    const item = paths[route.path] ?? {};
    item[route.method.toLowerCase() as 'get'] = operationOf(documented, sharedResponse, {
      ...(requests[route.name] ? { request: requests[route.name] } : {}),
      ...(answers[route.name] ? { responses: answers[route.name] } : {}),
    });
    paths[route.path] = item;
  }
  return createDocument({
    openapi: '3.1.0',
    ...describeApi(),
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    security: [{ [SECURITY_SCHEME.name]: [] }],
    paths,
    components: {
      securitySchemes: { [SECURITY_SCHEME.name]: SECURITY_SCHEME.scheme },
      schemas,
      responses: Object.fromEntries(
        [...shared]
          .sort(([a], [b]) => a - b)
          .map(([status, response]) => [ERROR_RESPONSES[status].name, response]),
      ),
    },
  }) as unknown as Record<string, unknown>;
};
