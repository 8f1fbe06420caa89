/**
 * The one error hierarchy. Services throw these; `shared/http/api-handler.ts` maps them to HTTP in one place.
 * `statusCode` and `expose` follow the http-errors convention that @middy/http-error-handler understands.
 */
export interface FieldIssue {
  path: string;
  message: string;
}

export abstract class AppError extends Error {
  abstract readonly statusCode: number;
  abstract readonly code: string;
  readonly expose = true;
  readonly issues: FieldIssue[] | undefined;

  constructor(message: string, issues?: FieldIssue[]) {
    super(message);
    this.name = new.target.name;
    this.issues = issues;
  }

  toBody(): { error: string; message: string; issues?: FieldIssue[] } {
    return { error: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) };
  }
}

export class ValidationError extends AppError {
  readonly statusCode = 400;
  readonly code = 'bad_request';
}

/**
 * A 400 that also keeps, per issue, what was wrong as data (`problems`), so a page can word each one in
 * its own language; only `issues` are ever sent.
 */
export class ExplainedValidationError<Problem> extends ValidationError {
  readonly problems: readonly Problem[];

  constructor(message: string, issues: FieldIssue[], problems: readonly Problem[]) {
    super(message, issues);
    this.problems = problems;
  }
}

export class UnauthorisedError extends AppError {
  readonly statusCode = 401;
  readonly code = 'unauthorised';
}

export class ForbiddenError extends AppError {
  readonly statusCode = 403;
  readonly code = 'forbidden';
}

export class NotFoundError extends AppError {
  readonly statusCode = 404;
  readonly code = 'not_found';
  constructor(message = 'There is no experiment with that id.') {
    super(message);
  }
}

export class NotAcceptableError extends AppError {
  readonly statusCode = 406;
  readonly code = 'not_acceptable';
}

export class ConflictError extends AppError {
  readonly statusCode = 409;
  readonly code = 'conflict';
}

export class PayloadTooLargeError extends AppError {
  readonly statusCode = 413;
  readonly code = 'payload_too_large';
}

export class IdempotencyMismatchError extends AppError {
  readonly statusCode = 422;
  readonly code = 'idempotency_key_reused';
}
