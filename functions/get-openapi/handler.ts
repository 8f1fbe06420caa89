import { publicHandler } from '#shared/http/public-handler.ts';
import document from '../../docs/openapi.json' with { type: 'json' };

// Serialised once per container: the document is generated and committed (npm run openapi), never built here.
const body = JSON.stringify(document);

/** GET /api/openapi.json: this API's OpenAPI 3.1 description. No sign-in: it holds no data. */
export const handler = publicHandler(async () => ({
  statusCode: 200,
  headers: {
    'content-type': 'application/json; charset=utf-8',
    // The same for everyone and changed only by a deploy: caches may keep it for a few minutes.
    'cache-control': 'public, max-age=300',
  },
  body,
}));
