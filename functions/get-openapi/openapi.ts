import type { RouteDoc } from '../route-docs.ts';

export const doc: RouteDoc = {
  summary: 'This description',
  description:
    'The OpenAPI 3.1 description of this API, generated from the same zod schemas the handlers validate with (`npm run openapi` writes it to `docs/openapi.json`). No sign-in is needed: it holds no data.',
  tag: 'This description',
  success: {
    status: 200,
    description: 'This document.',
    jsonSchema: {
      name: 'OpenApiDocument',
      schema: {
        type: 'object',
        description: 'An OpenAPI 3.1 document: https://spec.openapis.org/oas/v3.1.0',
        required: ['openapi', 'info', 'paths'],
        properties: {
          openapi: { type: 'string', pattern: '^3\\.1\\.\\d+$' },
          info: { type: 'object' },
          paths: { type: 'object' },
        },
      },
    },
  },
};
