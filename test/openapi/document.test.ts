import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, FUNCTIONS, type FunctionName, type FunctionSpec } from '#functions/registry.ts';
import { buildOpenApiDocument, loadRoute, UndocumentedRouteError } from '#infra/openapi/document.ts';
import { DOCUMENT_PATH, documentText } from '#infra/openapi/write.ts';
import { PERMISSIONS } from '#shared/domain/access.ts';
import { ROLES } from '#shared/domain/roles.ts';

interface Operation {
  operationId: string;
  security?: unknown[];
  'x-required-groups': string[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: unknown; examples?: Record<string, unknown> }> };
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
}
type Doc = {
  openapi: string;
  security: unknown[];
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; scheme: string; bearerFormat: string }> };
};

let document: Doc;
beforeAll(async () => {
  document = (await buildOpenApiDocument()) as unknown as Doc;
});

const operation = (method: string, path: string): Operation => {
  const found = document.paths[path]?.[method.toLowerCase()];
  if (!found) throw new Error(`The document has no ${method} ${path}`);
  return found;
};

describe('the OpenAPI document', () => {
  it('is the committed docs/openapi.json: run `npm run openapi` and commit it when this fails', () => {
    // Act
    const committed = readFileSync(DOCUMENT_PATH, 'utf8');

    // Assess
    expect(committed).toBe(documentText(document));
  });

  it('describes every /api route of the registry, and nothing else, as OpenAPI 3.1', () => {
    // Act
    const described = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );

    // Assess
    expect(document.openapi).toBe('3.1.0');
    expect(described.sort()).toEqual(
      apiRoutes()
        .map((r) => r.routeKey)
        .sort(),
    );
  });

  it('asks every route but the public ones for a Cognito JWT, and names the groups each needs', () => {
    // Assess
    expect(document.components.securitySchemes.cognitoJwt).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    expect(document.security).toEqual([{ cognitoJwt: [] }]);
    for (const route of apiRoutes()) {
      const op = operation(route.method, route.path);
      const { permission } = FUNCTIONS[route.name] as FunctionSpec;
      if (route.public) {
        expect(op.security).toEqual([]);
        expect(op['x-required-groups']).toEqual([]);
        expect(op.responses['401']).toBeUndefined();
      } else {
        expect(op.security).toBeUndefined();
        expect(op.responses['401']).toBeDefined();
        expect(op['x-required-groups'].length).toBeGreaterThan(0);
        if (permission) expect(op['x-required-groups']).toEqual(PERMISSIONS[permission].roles);
        for (const group of op['x-required-groups']) expect(ROLES).toContain(group);
      }
    }
  });

  it('lists the statuses from how each route reads requests: 400 for input, 413 for a body, 404 for a path id', () => {
    for (const route of apiRoutes()) {
      // Act
      const op = operation(route.method, route.path);
      const statuses = Object.keys(op.responses);

      // Assess
      expect(statuses).toEqual(expect.arrayContaining(['403', '429']));
      if (op.requestBody) expect(statuses).toEqual(expect.arrayContaining(['400', '413']));
      if (route.path.includes('{')) expect(statuses).toContain('404');
      expect(statuses.filter((s) => s.startsWith('2'))).toHaveLength(1);
    }
  });

  it('requires the Idempotency-Key header to submit an idea, and shows demo bodies as examples', () => {
    // Act
    const submit = operation('POST', '/api/experiments');
    const header = submit.parameters?.find((p) => p.in === 'header');
    const examples = submit.requestBody?.content['application/json']?.examples ?? {};

    // Assess
    expect(header).toMatchObject({ name: 'Idempotency-Key', required: true });
    expect(Object.keys(examples).length).toBeGreaterThan(0);
    expect(JSON.stringify(examples)).toContain('evening');
    expect(submit.responses['422']).toBeDefined();
  });

  it('refuses to describe a route that has no openapi.ts, saying what to add', async () => {
    // Prepare: a registry route whose folder lacks the files the generator reads.
    const route = {
      name: 'no-such-route' as FunctionName,
      method: 'GET',
      path: '/api/nothing',
      routeKey: 'GET /api/nothing',
      public: false,
    };

    // Act & Assess
    await expect(loadRoute(route)).rejects.toThrow(UndocumentedRouteError);
    await expect(loadRoute(route)).rejects.toThrow(/functions\/no-such-route\/schema\.ts/);
  });
});
