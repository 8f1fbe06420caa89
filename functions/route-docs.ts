import type * as z from 'zod';
import type { PermissionName } from '#shared/domain/access.ts';

/**
 * What the OpenAPI document (infra/openapi/document.ts) needs of a route beyond its registry entry and
 * its request schemas: `functions/<name>/openapi.ts` exports one `doc` per API route. The generator reads
 * the route, who may call it and its request schemas (`paramsSchema`, `querySchema`, `bodySchema`,
 * `headersSchema` in `schema.ts`) by itself; what a route answers is said here. Only the generator and the
 * contract test import these files, never a handler, so they cost a request nothing.
 */

/** The document's sections, in order, each with what it holds. */
export const TAGS = {
  Experiments: 'Submit ideas, read them and record what each test showed.',
  Decisions: 'Managers and leaders decide the ideas the card escalated.',
  'The card': 'The prompt card’s policy: its limits, versioned.',
  Leaders: 'The dashboard and the experiment log, for leaders.',
  'Information governance': 'Find, export and erase a person’s records; redact text; read the audit trail.',
  'Learning library': 'What every test taught, without people’s names.',
  'This description': 'This OpenAPI document.',
} as const;

export type Tag = keyof typeof TAGS;

/** Statuses a route answers for its own reasons; 400, 401, 403, 413 and 429 come from how it reads requests. */
export type RouteErrorStatus = 404 | 406 | 409 | 422;

export interface SuccessDoc {
  status: 200 | 201;
  description: string;
  /** The JSON answer. */
  json?: z.ZodType;
  /** A JSON answer described by a JSON Schema of its own (the open data's published schema). */
  jsonSchema?: { name: string; schema: Record<string, unknown> };
  /** A CSV answer (`text/csv`): what a row is. */
  csv?: string;
  /** Response headers worth knowing, by name. */
  headers?: Record<string, string>;
}

export interface RouteDoc {
  /** A few words, for a list of operations. */
  summary: string;
  /** Who may call it and what it does, in the spec's words (Markdown). */
  description: string;
  tag: Tag;
  /**
   * Whose groups to list when the registry has no permission for the route because the right depends
   * on the experiment (deciding it, recording its cycles): the groups that can ever hold that right.
   */
  groups?: PermissionName;
  success: SuccessDoc;
  /** Each status the route adds, with what it means here; 404 is required when the path names something. */
  errors?: Partial<Record<RouteErrorStatus, string>>;
}
