import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Cover,
  type CoverActor,
  type CoverRequest,
  canEndCover,
  coverActive,
  coverAllowsDecide,
  coverAllowsView,
  coveredTeams,
  coverFor,
  coverPeriod,
  type DirectoryEntry,
  validateCover,
} from '#shared/domain/cover.ts';
import { addDays, compareDates, formatIsoDate, londonDate } from '#shared/domain/uk-time.ts';

const NOW = new Date('2026-06-15T12:00:00Z');
const MEGAN: CoverActor = { id: 'megan', team: 'early-help', roles: ['staff', 'manager'] };
const OWEN: CoverActor = { id: 'owen', team: 'youth-justice', roles: ['staff', 'manager'] };
const CARYS: CoverActor = { id: 'carys', team: 'children-services', roles: ['leader'] };
const SAM: CoverActor = { id: 'sam', team: 'early-help', roles: ['staff'] };
const entry = (actor: CoverActor, name: string): DirectoryEntry => ({
  id: actor.id,
  name,
  team: actor.team,
  groups: actor.roles,
  lastSeenAt: '2026-06-01T09:00:00.000Z',
});
const OWEN_ENTRY = entry(OWEN, 'Owen Price');
const REQUEST: CoverRequest = { coverBy: 'owen', from: '2026-07-01', to: '2026-07-14' };

const check = (request: CoverRequest, actor = MEGAN, existing: Cover[] = [], coverBy = OWEN_ENTRY) =>
  validateCover(request, { actor, coverBy, existing, now: NOW });

describe('validateCover: who may set it', () => {
  it('lets a manager set cover for their own team, by default', () => {
    expect(check({ ...REQUEST, reason: 'Annual leave' })).toEqual({
      ok: true,
      cover: {
        team: 'early-help',
        coverBy: 'owen',
        from: '2026-07-01',
        to: '2026-07-14',
        reason: 'Annual leave',
      },
    });
  });

  it('lets a leader set cover for any team', () => {
    expect(check({ ...REQUEST, team: 'family-support' }, CARYS)).toMatchObject({
      ok: true,
      cover: { team: 'family-support' },
    });
  });

  it('refuses staff, and a manager naming another team, outright', () => {
    expect(check(REQUEST, SAM)).toEqual({
      ok: false,
      refusal: 'forbidden',
      message: 'Only a manager or a leader can set cover',
    });
    expect(check({ ...REQUEST, team: 'youth-justice' })).toEqual({
      ok: false,
      refusal: 'forbidden',
      message: 'You can only set cover for your own team',
    });
  });
});

describe('validateCover: bad requests', () => {
  it.each([
    [
      'oneself',
      { ...REQUEST, coverBy: 'megan' },
      entry(MEGAN, 'Megan Jones'),
      'You cannot cover for yourself: select another manager',
      { kind: 'coverBySelf' },
    ],
    [
      'someone unknown',
      { ...REQUEST, coverBy: 'zoe' },
      undefined,
      'Select a manager who has signed in to Fail Forward at least once',
      { kind: 'coverByUnknown' },
    ],
    [
      'someone else than the entry',
      REQUEST,
      entry(SAM, 'Sam Patel'),
      'Select a manager who has signed in to Fail Forward at least once',
      { kind: 'coverByUnknown' },
    ],
    [
      'a non-manager',
      { ...REQUEST, coverBy: 'sam' },
      entry(SAM, 'Sam Patel'),
      'Sam Patel is not a manager, so they cannot decide cases: select a manager',
      { kind: 'coverByNotManager', name: 'Sam Patel' },
    ],
    [
      'nobody',
      { ...REQUEST, coverBy: '' },
      undefined,
      'Select the manager who will cover',
      { kind: 'coverByMissing' },
    ],
  ] as const)('refuses cover by %s', (_, request, coverBy, message, problem) => {
    expect(check(request, MEGAN, [], coverBy)).toEqual({
      ok: false,
      refusal: 'invalid',
      issues: [{ path: 'coverBy', message, problem }],
    });
  });

  it.each([
    [
      { from: '2026-07-14', to: '2026-07-01' },
      'to',
      'The last day of cover must be the same as or after the first day',
      { kind: 'toBeforeFrom' },
    ],
    [
      { from: '2026-07-01', to: '2026-09-29' },
      'to',
      'Cover can last up to 90 days: the last day of cover must be 28 September 2026 or before',
      { kind: 'tooLong', last: '2026-09-28' },
    ],
    [
      { from: '2026-06-14', to: '2026-07-01' },
      'from',
      'The first day of cover must be today or in the future',
      { kind: 'fromPast' },
    ],
    [
      { from: '2026-02-30', to: '2026-07-01' },
      'from',
      'The first day of cover must be a real date, like 2026-07-01',
      { kind: 'fromInvalid' },
    ],
    [
      { from: '2026-07-01', to: '14/07/2026' },
      'to',
      'The last day of cover must be a real date, like 2026-07-14',
      { kind: 'toInvalid' },
    ],
    [{ from: '', to: '2026-07-01' }, 'from', 'Enter the first day of cover', { kind: 'fromMissing' }],
    [{ from: '2026-07-01', to: '' }, 'to', 'Enter the last day of cover', { kind: 'toMissing' }],
  ] as const)('refuses the dates %j', (dates, path, message, problem) => {
    expect(check({ ...REQUEST, ...dates })).toEqual({
      ok: false,
      refusal: 'invalid',
      issues: [{ path, message, problem }],
    });
  });

  it("refuses a reason that identifies someone, or is too long, as the API's other free text is", () => {
    const phone = check({ ...REQUEST, reason: 'Covering while Jo is off, call 07700 900123' });
    const long = check({ ...REQUEST, reason: 'x'.repeat(501) });
    expect(phone).toEqual({
      ok: false,
      refusal: 'invalid',
      issues: [
        {
          path: 'reason',
          message: "Remove the phone number: describe people, don't identify them",
          problem: { kind: 'reasonIdentifies', detail: 'phone' },
        },
      ],
    });
    expect(long).toEqual({
      ok: false,
      refusal: 'invalid',
      issues: [
        {
          path: 'reason',
          message: 'The reason must be 500 characters or fewer',
          problem: { kind: 'reasonTooLong' },
        },
      ],
    });
  });

  it('keeps a reason that may narrow someone down, with a warning, and warns of nothing otherwise', () => {
    const postcode = check({ ...REQUEST, reason: 'Working from the NP25 3XX office' });
    expect(postcode).toMatchObject({ ok: true, warnings: [{ path: 'reason', kind: 'postcode' }] });
    expect(check({ ...REQUEST, reason: 'Annual leave' })).not.toHaveProperty('warnings');
  });

  it('accepts exactly 90 days, and a single day that is today', () => {
    expect(check({ ...REQUEST, from: '2026-07-01', to: '2026-09-28' }).ok).toBe(true);
    expect(check({ ...REQUEST, from: '2026-06-15', to: '2026-06-15' }).ok).toBe(true);
  });

  it('gives every issue at once', () => {
    const result = check({ coverBy: 'megan', from: '2026-07-14', to: '2026-07-01' }, MEGAN, [], undefined);
    expect(result.ok === false && result.refusal === 'invalid' && result.issues.map((i) => i.path)).toEqual([
      'coverBy',
      'to',
    ]);
  });

  const existing: Cover = {
    id: 'c1',
    team: 'early-help',
    coverBy: 'gareth',
    from: '2026-07-10',
    to: '2026-07-20',
  };

  it("refuses cover that overlaps the team's cover", () => {
    expect(check(REQUEST, MEGAN, [existing])).toEqual({
      ok: false,
      refusal: 'invalid',
      issues: [
        {
          path: 'from',
          message:
            'This team already has cover from 10 July 2026 to 20 July 2026: choose days that do not overlap, or end that cover first',
          problem: { kind: 'overlap', from: '2026-07-10', to: '2026-07-20' },
        },
      ],
    });
  });

  it('accepts cover that starts the day after, cover of another team, and cover ended early', () => {
    expect(check({ ...REQUEST, from: '2026-07-21', to: '2026-07-30' }, MEGAN, [existing]).ok).toBe(true);
    expect(check({ ...REQUEST, from: '2026-06-20', to: '2026-07-09' }, MEGAN, [existing]).ok).toBe(true);
    expect(check(REQUEST, MEGAN, [{ ...existing, team: 'youth-justice' }]).ok).toBe(true);
    const endedEarly = { ...existing, from: '2026-06-15', endedAt: '2026-06-20T10:00:00.000Z' };
    expect(check(REQUEST, MEGAN, [endedEarly]).ok).toBe(true);
  });
});

describe('while cover runs', () => {
  const cover: Cover = {
    id: 'c1',
    team: 'early-help',
    coverBy: 'owen',
    from: '2026-07-01',
    to: '2026-07-14',
  };
  const escalated = { owner: 'sam', team: 'early-help', everEscalated: true };
  const start = new Date('2026-06-30T23:00:00.000Z'); // midnight, 1 July, BST
  const end = new Date('2026-07-14T23:00:00.000Z'); // midnight at the end of 14 July

  it('runs from the first moment of the first day to the last moment of the last day, in London', () => {
    expect(coverPeriod(cover)).toEqual({ start, end });
    expect(coverActive(cover, new Date(start.getTime() - 1))).toBe(false);
    expect(coverActive(cover, start)).toBe(true);
    expect(coverActive(cover, new Date(end.getTime() - 1))).toBe(true);
    expect(coverActive(cover, end)).toBe(false);
  });

  it('ends at once when ended early', () => {
    const ended = { ...cover, endedAt: '2026-07-05T10:00:00.000Z' };
    expect(coverActive(ended, new Date('2026-07-05T09:59:59.999Z'))).toBe(true);
    expect(coverActive(ended, new Date('2026-07-05T10:00:00.000Z'))).toBe(false);
  });

  it("lets the cover manager see and decide the team's escalated cases, up to the moment it ends", () => {
    const during = new Date(end.getTime() - 1);
    expect(coveredTeams(OWEN, [cover], during)).toEqual(['early-help']);
    expect(coverAllowsView(OWEN, escalated, [cover], during)).toBe(true);
    expect(coverAllowsDecide(OWEN, escalated, [cover], during)).toBe(true);
    expect(coverAllowsView(OWEN, escalated, [cover], end)).toBe(false);
    expect(coverAllowsDecide(OWEN, escalated, [cover], end)).toBe(false);
  });

  it('never lets them decide their own submission, or see what the card authorised', () => {
    const during = new Date('2026-07-05T10:00:00.000Z');
    expect(coverAllowsDecide(OWEN, { ...escalated, owner: 'owen' }, [cover], during)).toBe(false);
    expect(coverAllowsView(OWEN, { ...escalated, everEscalated: false }, [cover], during)).toBe(false);
  });

  it('gives nothing for another team, to anyone else, or to someone who is no longer a manager', () => {
    const during = new Date('2026-07-05T10:00:00.000Z');
    expect(coverAllowsView(OWEN, { ...escalated, team: 'family-support' }, [cover], during)).toBe(false);
    expect(coverAllowsDecide({ ...OWEN, id: 'rhys' }, escalated, [cover], during)).toBe(false);
    expect(coverAllowsDecide({ ...OWEN, roles: ['staff'] }, escalated, [cover], during)).toBe(false);
  });

  it('may be ended by a leader, a manager of the team, or the cover manager', () => {
    expect([CARYS, MEGAN, OWEN, SAM, { ...OWEN, id: 'rhys' }].map((a) => canEndCover(a, cover))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('lists cover not yet over to those it concerns', () => {
    const past = { ...cover, id: 'c0', from: '2026-06-01', to: '2026-06-10' };
    const other = { ...cover, id: 'c2', team: 'family-support', coverBy: 'gareth' };
    const covers = [past, cover, other];
    expect(coverFor(MEGAN, covers, NOW).map((c) => c.id)).toEqual(['c1']);
    expect(coverFor(OWEN, covers, NOW).map((c) => c.id)).toEqual(['c1']);
    expect(coverFor(CARYS, covers, NOW).map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(coverFor(SAM, covers, NOW)).toEqual([]);
  });
});

// ---- Properties -------------------------------------------------------------------------------------

const day = (offset: number) => formatIsoDate(addDays({ year: 2026, month: 1, day: 1 }, offset));
const coverArb = fc
  .tuple(
    fc.integer({ min: 0, max: 700 }),
    fc.integer({ min: 0, max: 89 }),
    fc.option(fc.integer({ min: 0, max: 100 * 86_400_000 }), { nil: undefined }),
  )
  .map(([start, length, endedAfter]): Cover => {
    const from = day(start);
    const base = { id: `c${start}`, team: 'early-help', coverBy: 'owen', from, to: day(start + length) };
    if (endedAfter === undefined) return base;
    return { ...base, endedAt: new Date(coverPeriod(base).start.getTime() + endedAfter).toISOString() };
  });
const moment = fc
  .integer({ min: Date.UTC(2025, 11, 1), max: Date.UTC(2028, 1, 1) })
  .map((ms) => new Date(ms));

describe('cover: properties', () => {
  it('runs exactly on the London days from `from` to `to`, until ended', () => {
    fc.assert(
      fc.property(coverArb, moment, (cover, at) => {
        const today = londonDate(at);
        const onADay =
          compareDates(today, londonDate(coverPeriod(cover).start)) >= 0 && formatIsoDate(today) <= cover.to;
        const notEnded = cover.endedAt === undefined || at.getTime() < Date.parse(cover.endedAt);
        expect(coverActive(cover, at)).toBe(onADay && notEnded);
        expect(formatIsoDate(londonDate(coverPeriod(cover).start))).toBe(cover.from);
      }),
    );
  });

  it("gives no right at or after the moment cover ends, and never over the cover manager's own idea", () => {
    fc.assert(
      fc.property(
        coverArb,
        fc.integer({ min: 0, max: 30 * 86_400_000 }),
        fc.boolean(),
        (cover, after, own) => {
          const at = new Date(coverPeriod(cover).end.getTime() + after);
          const exp = { owner: own ? 'owen' : 'sam', team: 'early-help', everEscalated: true };
          expect(coverAllowsView(OWEN, exp, [cover], at)).toBe(false);
          expect(coverAllowsDecide(OWEN, exp, [cover], at)).toBe(false);
          const during = coverPeriod(cover);
          if (during.end > during.start) {
            expect(coverAllowsDecide(OWEN, exp, [cover], during.start)).toBe(!own);
            expect(coverAllowsView(OWEN, exp, [cover], during.start)).toBe(true);
          }
        },
      ),
    );
  });

  it('accepts only requests of 1 to 90 days from today on that overlap nothing the team has', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 150, max: 250 }),
        fc.integer({ min: -10, max: 120 }),
        fc.array(coverArb, { maxLength: 4 }),
        (start, length, existing) => {
          // Prepare: today is 2026-06-15, day 165
          const request = { coverBy: 'owen', from: day(start), to: day(start + length) };

          // Act
          const result = check(request, MEGAN, existing);

          // Assess
          const wanted = coverPeriod(request);
          const overlaps = existing.some((c) => {
            const p = coverPeriod(c);
            return wanted.start < p.end && p.start < wanted.end;
          });
          const valid = start >= 165 && length >= 0 && length < 90 && !overlaps;
          expect(result.ok).toBe(valid);
        },
      ),
    );
  });
});
