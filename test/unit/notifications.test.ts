import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notification, Notifier } from '#shared/notifications/notifier.ts';

const ADAPTER = '#shared/notifications/govuk-notify-notifier.ts';

const message: Notification = {
  dedupeKey: 'escalated#e1#2026-03-01T09:00:00.000Z',
  template: 'escalated-to-managers',
  audience: { role: 'manager', team: 'early-help' },
  experimentId: 'e1',
  personalisation: { title: 'A parent-to-parent buddy scheme' },
};

const ENV = {
  TABLE_NAME: 'table',
  STATE_MACHINE_ARN: 'arn:aws:states:eu-west-2:123456789012:stateMachine:experiment',
  NOTIFY_SECRET_NAME: 'fail-forward/dev/govuk-notify-api-key',
  USER_POOL_ID: 'eu-west-2_abc',
  NOTIFY_TEMPLATE_IDS: JSON.stringify({ 'escalated-to-managers': 'tpl-1' }),
};

/**
 * Stands in for the GOV.UK Notify adapter, counting when its module is loaded (the chunk a deployed
 * function imports on first send) and when the adapter is built.
 */
const fakeAdapter = (opts: { failFirstBuild?: boolean } = {}) => {
  const seen = { loads: 0, builds: 0, sent: [] as Notification[] };
  vi.doMock(ADAPTER, () => {
    seen.loads++;
    return {
      govukNotifyNotifier: vi.fn((): Notifier => {
        seen.builds++;
        if (opts.failFirstBuild && seen.builds === 1) throw new Error('chunk not loaded');
        return {
          async send(notification) {
            seen.sent.push(notification);
          },
        };
      }),
    };
  });
  return seen;
};

// Each test loads the notifications modules afresh: which adapter a function may use is module state.
const load = async () => {
  const { resetConfig } = await import('#shared/config.ts');
  resetConfig();
  const notifications = await import('#shared/notifications/index.ts');
  const govukNotify = await import('#shared/notifications/govuk-notify.ts');
  return { ...notifications, ...govukNotify };
};

beforeEach(() => {
  vi.resetModules();
  for (const [name, value] of Object.entries(ENV)) vi.stubEnv(name, value);
  vi.stubEnv('NOTIFIER', 'govuk-notify');
});

afterEach(() => {
  vi.doUnmock(ADAPTER);
  vi.unstubAllEnvs();
});

describe('notifier', () => {
  it('refuses to send from a function whose handler did not enable GOV.UK Notify', async () => {
    // Prepare
    const seen = fakeAdapter();
    const { notifier } = await load();

    // Act
    const attempt = () => notifier();

    // Assess
    expect(attempt).toThrow(/not enabled in this function/);
    expect(seen.loads).toBe(0);
  });

  it('loads the GOV.UK Notify adapter on the first send, not before, and only once', async () => {
    // Prepare
    const seen = fakeAdapter();
    const { enableGovukNotify, notifier } = await load();
    enableGovukNotify();

    // Act
    const built = notifier();
    const loadsBeforeSending = seen.loads;
    await built.send(message);
    await notifier().send({ ...message, dedupeKey: 'another' });

    // Assess
    expect(loadsBeforeSending).toBe(0);
    expect(seen.loads).toBe(1);
    expect(seen.builds).toBe(1);
    expect(seen.sent.map((m) => m.dedupeKey)).toEqual([message.dedupeKey, 'another']);
  });

  it('builds the adapter from the configuration', async () => {
    // Prepare
    fakeAdapter();
    const { enableGovukNotify, notifier } = await load();
    enableGovukNotify();
    const { govukNotifyNotifier } = await import(ADAPTER);

    // Act
    await notifier().send(message);

    // Assess
    expect(govukNotifyNotifier).toHaveBeenCalledWith({
      tableName: ENV.TABLE_NAME,
      secretName: ENV.NOTIFY_SECRET_NAME,
      userPoolId: ENV.USER_POOL_ID,
      templateIds: { 'escalated-to-managers': 'tpl-1' },
    });
  });

  it('tries again on the next send when loading the adapter failed', async () => {
    // Prepare
    const seen = fakeAdapter({ failFirstBuild: true });
    const { enableGovukNotify, notifier } = await load();
    enableGovukNotify();

    // Act
    const first = notifier().send(message);
    await expect(first).rejects.toThrow('chunk not loaded');
    await notifier().send(message);

    // Assess
    expect(seen.builds).toBe(2);
    expect(seen.sent).toHaveLength(1);
  });

  it('uses the outbox on one machine even in a function that enabled GOV.UK Notify', async () => {
    // Prepare
    vi.stubEnv('NOTIFIER', 'outbox');
    const seen = fakeAdapter();
    const { enableGovukNotify, notifier } = await load();
    enableGovukNotify();

    // Act
    const chosen = notifier() as Notifier & { list?: unknown };

    // Assess
    expect(typeof chosen.list).toBe('function');
    expect(seen.loads).toBe(0);
  });
});
