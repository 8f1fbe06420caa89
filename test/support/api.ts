import { randomUUID } from 'node:crypto';

export interface DemoUser {
  sub: string;
  name: string;
  groups: string[];
  team: string;
}

export const USERS = {
  sam: { sub: 'sam', name: 'Sam Patel', groups: ['staff'], team: 'early-help' },
  alex: { sub: 'alex', name: 'Alex Hughes', groups: ['staff'], team: 'early-help' },
  rhys: { sub: 'rhys', name: 'Rhys Evans', groups: ['staff'], team: 'youth-justice' },
  megan: { sub: 'megan', name: 'Megan Jones', groups: ['staff', 'manager'], team: 'early-help' },
  nia: { sub: 'nia', name: 'Nia Thomas', groups: ['staff', 'manager'], team: 'early-help' },
  owen: { sub: 'owen', name: 'Owen Price', groups: ['staff', 'manager'], team: 'youth-justice' },
  carys: { sub: 'carys', name: 'Carys Morgan', groups: ['leader'], team: 'children-services' },
  gwen: { sub: 'gwen', name: 'Gwen Lloyd', groups: ['governance'], team: 'information-governance' },
} satisfies Record<string, DemoUser>;

export interface Response<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export const client = (baseUrl: string) => {
  const tokens = new Map<string, string>();

  const token = async (user: DemoUser): Promise<string> => {
    const cached = tokens.get(user.sub);
    if (cached) return cached;
    const res = await fetch(`${baseUrl}/local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(user),
    });
    const { token: value } = (await res.json()) as { token: string };
    tokens.set(user.sub, value);
    return value;
  };

  const call = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    opts: {
      as?: DemoUser;
      token?: string;
      body?: unknown;
      rawBody?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Response<T>> => {
    const headers: Record<string, string> = { ...opts.headers };
    const bearer = opts.token ?? (opts.as ? await token(opts.as) : undefined);
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    let body: string | undefined = opts.rawBody;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (CSV, HTML): keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  };

  return {
    token,
    call,
    submit: (as: DemoUser, body: unknown, key: string = randomUUID()) =>
      call('POST', '/api/experiments', { as, body, headers: { 'idempotency-key': key } }),
    get: (as: DemoUser, id: string) => call('GET', `/api/experiments/${id}`, { as }),
    decide: (as: DemoUser, id: string, body: unknown) =>
      call('POST', `/api/experiments/${id}/decision`, { as, body }),
    queue: (as: DemoUser) =>
      call<{ items: { id: string }[]; next: string | null }>('GET', '/api/queue', { as }),
    /** Polls until `check` passes, for changes the workflow makes after a response. */
    async eventually<T>(
      read: () => Promise<T>,
      check: (value: T) => boolean,
      timeoutMs = 15_000,
    ): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await read();
        if (check(value) || Date.now() > deadline) return value;
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
};

/** A realistic idea that every rule of card v1 authorises. */
export const insideCard = (overrides: Record<string, unknown> = {}) => ({
  title: 'Evening calls to new referrals',
  problem: 'Families referred on a Friday wait until Monday to hear from anyone.',
  hypothesis: {
    weBelieve: 'a short evening call the day a referral arrives',
    toTestIt: 'call the next ten families referred after 3pm',
    measure: 'how many families take up the first appointment',
    rightIf: 'at least seven of ten families take it up',
  },
  card: {
    safeguarding: 'no',
    lawful: 'yes',
    personalData: 'no',
    consent: 'yes',
    reversible: 'yes',
    frontPage: 'yes',
    extraCost: 0,
    peopleInvolved: 10,
    durationWeeks: 4,
    staffHours: 12,
    commitToShare: true,
    ...overrides,
  },
});

/** The same idea scaled past two of card v1's thresholds. */
export const outsideCard = () => insideCard({ peopleInvolved: 40, extraCost: 750 });
