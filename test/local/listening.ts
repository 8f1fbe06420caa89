import { readFileSync } from 'node:fs';
import { request } from 'node:http';

const LISTEN = '0A';

/** `0100007F` (one 32-bit word as /proc prints it, in host byte order) → 127.0.0.1. */
const ipv4 = (word: string): string =>
  (word.match(/../g) ?? [])
    .reverse()
    .map((byte) => Number.parseInt(byte, 16))
    .join('.');

/** 32 hex digits, four 32-bit words in host byte order → the address in full, e.g. ::ffff:127.0.0.1. */
const ipv6 = (hex: string): string => {
  const bytes = (hex.match(/.{8}/g) ?? []).flatMap((word) => (word.match(/../g) ?? []).reverse());
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(`${bytes[i]}${bytes[i + 1]}`.toLowerCase());
  if (groups.slice(0, 5).every((g) => g === '0000') && groups[5] === 'ffff') {
    return `::ffff:${ipv4((bytes.slice(12).reverse() ?? []).join(''))}`;
  }
  return groups.map((g) => g.replace(/^0+(?=.)/, '')).join(':');
};

/**
 * Every address a TCP port is listening on, read from the kernel's tables (`/proc/net/tcp` and `tcp6`,
 * what `ss -ltn` shows): the proof of where a server listens that sends no traffic anywhere.
 */
export const listeningAddresses = (port: number): string[] => {
  const found: string[] = [];
  for (const [file, decode] of [
    ['/proc/net/tcp', ipv4],
    ['/proc/net/tcp6', ipv6],
  ] as const) {
    let table = '';
    try {
      table = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of table.split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== LISTEN) continue;
      const [address, hexPort] = local.split(':');
      if (address && Number.parseInt(hexPort ?? '', 16) === port) found.push(decode(address));
    }
  }
  return found;
};

/** Loopback only: 127.0.0.0/8, ::1, or IPv4 loopback mapped into IPv6. */
export const isLoopbackAddress = (address: string): boolean =>
  address.startsWith('127.') || address === '0:0:0:0:0:0:0:1' || address.startsWith('::ffff:127.');

export interface RawResponse {
  status: number;
  body: string;
}

/** A request to 127.0.0.1 with any Host header (fetch will not forge one). */
export const rawRequest = (
  port: number,
  opts: { method?: string; path: string; host?: string; headers?: Record<string, string>; body?: Buffer },
): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host: opts.host ?? `127.0.0.1:${port}`, ...opts.headers },
        setHost: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
