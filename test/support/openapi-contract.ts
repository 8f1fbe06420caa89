/**
 * Checks real answers against the OpenAPI document (docs/openapi.json, the file GET /api/openapi.json
 * serves): the status must be one the operation lists, the content type one it lists for that status,
 * and a JSON body must match that status's schema (JSON Schema 2020-12, as OpenAPI 3.1 uses, with ajv).
 * It remembers every operation and status it has seen, so a test can prove it saw them all.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import { DOCUMENT_PATH } from '#infra/openapi/write.ts';

// ajv-formats is CommonJS: under ESM its plugin is the default export's own `default`.
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as FormatsPlugin;

interface MediaType {
  schema?: unknown;
}
interface ResponseObject {
  $ref?: string;
  content?: Record<string, MediaType>;
}
interface Operation {
  responses: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { responses?: Record<string, ResponseObject> };
}

export interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

const DOCUMENT_ID = 'https://fail-forward.invalid/openapi.json';

/** A JSON pointer's segment: `/` and `~` escaped (RFC 6901). */
const segment = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

export const loadDocument = (): OpenApiDocument =>
  JSON.parse(readFileSync(DOCUMENT_PATH, 'utf8')) as OpenApiDocument;

/** Every `METHOD /path STATUS` the document lists. */
export const documentedResponses = (document: OpenApiDocument): string[] =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).flatMap(([method, op]) =>
      Object.keys(op.responses).map((status) => `${method.toUpperCase()} ${path} ${status}`),
    ),
  );

export const contract = (document: OpenApiDocument) => {
  // OpenAPI's own keywords (example, discriminator...) are not JSON Schema's: ajv skips what it does not know.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document as object, DOCUMENT_ID);
  const seen = new Set<string>();
  const validators = new Map<string, ReturnType<typeof ajv.compile>>();
  const validatorAt = (pointer: string) => {
    let validate = validators.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}/content/application~1json/schema` });
      validators.set(pointer, validate);
    }
    return validate;
  };

  /** The response object for a status, and the pointer to it (a shared one is followed to its component). */
  const responseOf = (routeKey: string, status: number) => {
    const [method, path] = routeKey.split(' ') as [string, string];
    const op = document.paths[path]?.[method.toLowerCase()];
    if (!op) throw new Error(`The document has no operation ${routeKey}`);
    const response = op.responses[String(status)];
    if (!response) {
      throw new Error(
        `${routeKey} answered ${status}, which the document does not list (it lists ${Object.keys(op.responses).join(', ')})`,
      );
    }
    if (response.$ref) {
      const name = response.$ref.replace('#/components/responses/', '');
      const shared = document.components.responses?.[name];
      if (!shared) throw new Error(`${routeKey} ${status} refers to ${response.$ref}, which is missing`);
      return { response: shared, pointer: `#/components/responses/${segment(name)}` };
    }
    return {
      response,
      pointer: `#/paths/${segment(path)}/${method.toLowerCase()}/responses/${status}`,
    };
  };

  /** Throws, saying why, unless the answer is one the document describes for that operation. */
  const check = (routeKey: string, answer: Answer): void => {
    const { response, pointer } = responseOf(routeKey, answer.status);
    const type = (answer.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const media = response.content?.[type];
    if (!media) {
      throw new Error(
        `${routeKey} ${answer.status} answered ${type || 'no content type'}; the document lists ${Object.keys(response.content ?? {}).join(', ') || 'none'}`,
      );
    }
    if (type === 'application/json') {
      const validate = validatorAt(pointer);
      if (!validate(answer.body)) {
        throw new Error(
          `${routeKey} ${answer.status}: the body does not match the document: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(answer.body).slice(0, 1000)}`,
        );
      }
    } else if (typeof answer.body !== 'string' || answer.body === '') {
      throw new Error(`${routeKey} ${answer.status}: a ${type} answer with no text`);
    }
    seen.add(`${routeKey} ${answer.status}`);
  };

  return { check, seen };
};
