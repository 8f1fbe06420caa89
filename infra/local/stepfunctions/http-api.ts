import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isLoopbackHost, MISDIRECTED } from '../loopback-host.ts';
import { ServiceError } from './errors.ts';

export type Action = (params: Record<string, unknown>) => Promise<unknown>;

const TARGET_PREFIX = 'AWSStepFunctions.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const send = (response: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
  });
  response.end(text);
};

const sendError = (response: ServerResponse, status: number, code: string, message: string): void =>
  send(response, status, { __type: code, message });

/**
 * The Step Functions AWS JSON 1.0 protocol: `POST /` with `X-Amz-Target: AWSStepFunctions.<Action>`.
 * The SDK takes an error's name from `__type`. Requests that name another host are refused (DNS
 * rebinding): the SDK and the AWS CLI send `Host: 127.0.0.1:<port>`.
 */
export const createApiServer = (actions: Record<string, Action>, onError: (error: unknown) => void): Server =>
  createServer((request, response) => {
    void (async () => {
      try {
        if (!isLoopbackHost(request)) {
          sendError(response, MISDIRECTED.status, 'MisdirectedRequestException', MISDIRECTED.message);
          return;
        }
        const target = request.headers['x-amz-target'];
        const action =
          typeof target === 'string' && target.startsWith(TARGET_PREFIX)
            ? actions[target.slice(TARGET_PREFIX.length)]
            : undefined;
        const body = await readBody(request);
        if (request.method !== 'POST' || !action) {
          sendError(response, 400, 'UnknownOperationException', `Unknown operation ${String(target)}`);
          return;
        }
        let params: unknown;
        try {
          params = body.trim() === '' ? {} : JSON.parse(body);
        } catch {
          sendError(response, 400, 'SerializationException', 'The request body is not valid JSON');
          return;
        }
        if (typeof params !== 'object' || params === null || Array.isArray(params)) {
          sendError(response, 400, 'SerializationException', 'The request body must be a JSON object');
          return;
        }
        send(response, 200, await action(params as Record<string, unknown>));
      } catch (error) {
        if (error instanceof ServiceError) {
          sendError(response, 400, error.code, error.message);
          return;
        }
        onError(error);
        if (!response.headersSent) sendError(response, 500, 'InternalFailure', 'The local service failed');
      }
    })();
  });
