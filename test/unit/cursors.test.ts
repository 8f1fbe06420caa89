import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#shared/errors.ts';
import { pageCursors } from '#shared/services/cursors.ts';

const KEY = randomBytes(32);
const cursors = pageCursors(async () => KEY);
const LAST_KEY = { pk: 'EXP#1', sk: 'EXP', gsi3pk: 'OWNER#sam', gsi3sk: '2026-03-01T09:00:00.000Z#1' };
const BINDING = { user: 'sam', scope: 'own', status: 'testing', team: undefined };

describe('page cursors', () => {
  it('give back the key they were made from, for the same query', async () => {
    // Act
    const cursor = await cursors.encode(LAST_KEY, BINDING);
    const decoded = await cursors.decode(cursor ?? '', { ...BINDING });

    // Assess
    expect(decoded).toEqual(LAST_KEY);
    expect(cursor).not.toContain('OWNER');
  });

  it('are null on the last page and absent when none is given', async () => {
    // Act / Assess
    expect(await cursors.encode(undefined, BINDING)).toBeNull();
    expect(await cursors.decode(undefined, BINDING)).toBeUndefined();
  });

  it.each([
    ['another person', { ...BINDING, user: 'alex' }],
    ['another status', { ...BINDING, status: 'authorised' }],
    ['a filter added', { ...BINDING, team: 'early-help' }],
    ['the whole log', { ...BINDING, scope: 'log' }],
  ])('refuse a cursor used for %s', async (_name, binding) => {
    // Prepare
    const cursor = (await cursors.encode(LAST_KEY, BINDING)) ?? '';

    // Act / Assess
    await expect(cursors.decode(cursor, binding)).rejects.toThrow(ValidationError);
  });

  it('refuse a cursor signed with another key', async () => {
    // Prepare
    const foreign = (await pageCursors(async () => randomBytes(32)).encode(LAST_KEY, BINDING)) ?? '';

    // Act / Assess
    await expect(cursors.decode(foreign, BINDING)).rejects.toThrow(ValidationError);
  });

  it.each([
    ['no signature', Buffer.from(JSON.stringify(LAST_KEY)).toString('base64url')],
    ['an empty signature', `${Buffer.from(JSON.stringify(LAST_KEY)).toString('base64url')}.`],
    ['three parts', 'a.b.c'],
    ['nothing', ''],
  ])('refuse a cursor with %s', async (_name, cursor) => {
    // Act / Assess
    await expect(cursors.decode(cursor, BINDING)).rejects.toThrow(ValidationError);
  });

  it('refuse a cursor whose key was changed, even with its signature kept', async () => {
    // Prepare
    const [, signature] = ((await cursors.encode(LAST_KEY, BINDING)) ?? '').split('.');
    const changed = Buffer.from(JSON.stringify({ ...LAST_KEY, gsi3pk: 'OWNER#alex' })).toString('base64url');

    // Act / Assess
    await expect(cursors.decode(`${changed}.${signature}`, BINDING)).rejects.toThrow(ValidationError);
  });
});
