/**
 * `npm run openapi`: writes the OpenAPI document to docs/openapi.json, which is committed, served by
 * GET /api/openapi.json and checked by test/unit/openapi-document.test.ts against what the code builds.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../constructs/function-bundles.ts';
import { buildOpenApiDocument } from './document.ts';

export const DOCUMENT_PATH = join(PROJECT_ROOT, 'docs', 'openapi.json');

/** The file's text: two-space JSON and a final newline, so a diff shows one line per change. */
export const documentText = (document: unknown): string => `${JSON.stringify(document, null, 2)}\n`;

if (import.meta.main) {
  const document = await buildOpenApiDocument();
  writeFileSync(DOCUMENT_PATH, documentText(document));
  const paths = Object.values(document.paths as Record<string, object>);
  console.log(
    `Wrote ${DOCUMENT_PATH}: ${paths.reduce((n, item) => n + Object.keys(item).length, 0)} operations.`,
  );
}
