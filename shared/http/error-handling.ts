import type { MiddlewareObj } from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import { AppError } from '../errors.ts';

const INTERNAL_ERROR = JSON.stringify({
  error: 'internal_error',
  message: 'Sorry, something went wrong on our side. Try again later.',
});

/** Maps the one error hierarchy to JSON bodies; @middy/http-error-handler then writes the response. */
const appErrors = <E, R>(): MiddlewareObj<E, R> => ({
  onError: (request) => {
    const error = request.error;
    if (error instanceof AppError) {
      request.error = Object.assign(new Error(JSON.stringify(error.toBody())), {
        statusCode: error.statusCode,
        expose: true,
        headers: { 'cache-control': 'no-store' },
      });
    }
  },
});

/**
 * The two middlewares that turn what a handler throws into an answer, in the order middy needs them
 * (the error handler first, so it runs last): every JSON route uses both, so errors become HTTP in one place.
 */
export const errorHandling = <E, R>(): [MiddlewareObj<E, R>, MiddlewareObj<E, R>] => [
  httpErrorHandler({
    fallbackMessage: INTERNAL_ERROR,
    // Expected refusals are not worth a log line; anything else is.
    logger: (error: unknown) => {
      const status = (error as { statusCode?: number }).statusCode ?? 500;
      if (status >= 500) console.error(error);
    },
  }) as MiddlewareObj<E, R>,
  appErrors<E, R>(),
];
