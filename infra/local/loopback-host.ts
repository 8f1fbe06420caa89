import type { IncomingMessage } from 'node:http';

/**
 * DNS rebinding: a page on another site can point its own name at 127.0.0.1 and then call a local server
 * from the browser, which sends that name as the Host. The local servers listen on loopback only, so a
 * request meant for them names loopback and the port it reached; anything else is answered with 421.
 * (`[::1]` only counts on a socket that listens there.)
 */
export const isLoopbackHost = (req: IncomingMessage): boolean => {
  const host = req.headers.host?.toLowerCase();
  const { localPort, localAddress } = req.socket;
  if (!host || localPort === undefined) return false;
  const names = ['127.0.0.1', 'localhost', ...(localAddress === '::1' ? ['[::1]'] : [])];
  return names.some((name) => host === `${name}:${localPort}` || (localPort === 80 && host === name));
};

export const MISDIRECTED = {
  status: 421,
  message: 'This local server answers only requests addressed to 127.0.0.1 or localhost and its port.',
} as const;
