/**
 * The access matrix that test/integration/access-matrix.test.ts walks: who may call each route, as the
 * status every identity gets. One row a route, one column an identity.
 */
import { type DemoUser, USERS } from '../support/api.ts';

export type Identity =
  | 'no token'
  | 'expired token'
  | 'another issuer'
  | 'staff owner'
  | 'other staff'
  | 'manager same team'
  | 'manager other team'
  | 'leader'
  | 'governance';
export const IDENTITIES: Identity[] = [
  'no token',
  'expired token',
  'another issuer',
  'staff owner',
  'other staff',
  'manager same team',
  'manager other team',
  'leader',
  'governance',
];
export const PEOPLE: Partial<Record<Identity, DemoUser>> = {
  'staff owner': USERS.sam,
  'other staff': USERS.alex,
  'manager same team': USERS.megan,
  'manager other team': USERS.owen,
  leader: USERS.carys,
  governance: USERS.gwen,
};

export type Route =
  | 'POST /api/experiments'
  | 'GET /api/experiments/{id}'
  | 'GET /api/experiments'
  | 'GET /api/queue'
  | 'POST /api/experiments/{id}/decision'
  | 'POST /api/experiments/{id}/cycles'
  | 'GET /api/dashboard'
  | 'GET /api/export.csv'
  | 'GET /api/policy'
  | 'POST /api/policy'
  | 'GET /api/people/{person}/records'
  | 'POST /api/people/{person}/erasure'
  | 'POST /api/people/{person}/sessions/end'
  | 'POST /api/experiments/{id}/redactions'
  | 'GET /api/audit'
  | 'GET /api/audit/verify'
  | 'GET /api/library'
  | 'GET /api/library/{id}'
  | 'POST /api/library/similar'
  | 'GET /api/library/export.json'
  | 'GET /api/allowance'
  | 'GET /api/cover'
  | 'POST /api/cover'
  | 'DELETE /api/cover/{cover}'
  | 'GET /api/openapi.json'
  | 'GET /api/policy/calibration';

/** Managers and leaders only: manager cover and the innovation allowance. */
const MANAGERS_AND_LEADERS_200 = {
  'no token': 401,
  'expired token': 401,
  'another issuer': 401,
  'staff owner': 403,
  'other staff': 403,
  'manager same team': 200,
  'manager other team': 200,
  leader: 200,
  governance: 403,
} as const;

/** Everyone signed in: the learning library is for all. */
const SIGNED_IN_200 = {
  'no token': 401,
  'expired token': 401,
  'another issuer': 401,
  'staff owner': 200,
  'other staff': 200,
  'manager same team': 200,
  'manager other team': 200,
  leader: 200,
  governance: 200,
} as const;

/** The API's description holds no data: anyone may read it, whatever token they send, or none. */
const EVERYONE_200 = Object.fromEntries(IDENTITIES.map((who) => [who, 200])) as Record<Identity, number>;

/**
 * The expected status of every cell. The target is an escalated idea owned by staff in early help,
 * except for cycles, whose target is an idea the card authorised (cycles need an authorised idea).
 */
export const EXPECTED: Record<Route, Record<Identity, number>> = {
  'POST /api/experiments': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 201,
    'other staff': 201,
    'manager same team': 201,
    'manager other team': 201,
    leader: 403,
    governance: 403,
  },
  'GET /api/experiments/{id}': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 200,
    'other staff': 404,
    'manager same team': 200,
    'manager other team': 404,
    leader: 200,
    governance: 200,
  },
  'GET /api/experiments': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 200,
    'other staff': 200,
    'manager same team': 200,
    'manager other team': 200,
    leader: 200,
    governance: 200,
  },
  'GET /api/queue': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 200,
    'manager other team': 200,
    leader: 200,
    governance: 403,
  },
  'POST /api/experiments/{id}/decision': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 404,
    'manager same team': 200,
    'manager other team': 404,
    leader: 200,
    governance: 403,
  },
  'POST /api/experiments/{id}/cycles': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 201,
    'other staff': 404,
    'manager same team': 404,
    'manager other team': 404,
    leader: 403,
    governance: 403,
  },
  'GET /api/dashboard': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 403,
    'manager other team': 403,
    leader: 200,
    governance: 403,
  },
  'GET /api/export.csv': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 403,
    'manager other team': 403,
    leader: 200,
    governance: 403,
  },
  'GET /api/policy': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 200,
    'other staff': 200,
    'manager same team': 200,
    'manager other team': 200,
    leader: 200,
    governance: 200,
  },
  'POST /api/policy': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 403,
    'manager other team': 403,
    leader: 201,
    governance: 403,
  },
  'GET /api/people/{person}/records': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 403,
    'manager other team': 403,
    leader: 403,
    governance: 200,
  },
  'POST /api/people/{person}/erasure': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 403,
    'manager other team': 403,
    leader: 403,
    governance: 200,
  },
  'POST /api/people/{person}/sessions/end': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 403,
    'manager other team': 403,
    leader: 200,
    governance: 200,
  },
  'POST /api/experiments/{id}/redactions': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 403,
    'manager other team': 403,
    leader: 403,
    governance: 200,
  },
  'GET /api/audit': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 403,
    'manager other team': 403,
    leader: 403,
    governance: 200,
  },
  'GET /api/audit/verify': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 403,
    'manager other team': 403,
    leader: 403,
    governance: 200,
  },
  'GET /api/library': SIGNED_IN_200,
  'GET /api/library/{id}': SIGNED_IN_200,
  'POST /api/library/similar': SIGNED_IN_200,
  'GET /api/library/export.json': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 403,
    'manager other team': 403,
    leader: 200,
    governance: 403,
  },
  'GET /api/allowance': MANAGERS_AND_LEADERS_200,
  'GET /api/cover': MANAGERS_AND_LEADERS_200,
  // Each sets cover for their own team today (the leader for theirs), by a manager of another team.
  'POST /api/cover': {
    ...MANAGERS_AND_LEADERS_200,
    'manager same team': 201,
    'manager other team': 201,
    leader: 201,
  },
  // The target is early help's cover by Nia, set by the leader: the other team's manager has nothing to do with it.
  'DELETE /api/cover/{cover}': { ...MANAGERS_AND_LEADERS_200, 'manager other team': 404 },
  'GET /api/openapi.json': EVERYONE_200,
  'GET /api/policy/calibration': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 403,
    'manager other team': 403,
    leader: 200,
    governance: 403,
  },
};
