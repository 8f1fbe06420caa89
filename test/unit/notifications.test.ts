import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { outboxNotifier } from '#infra/local/outbox-notifier.ts';
import { type NotifyConfig, readConfig } from '#shared/config.ts';
import type { Experiment } from '#shared/domain/experiment.ts';
import { adoptedToManagers } from '#shared/notifications/messages.ts';
import type { Notification, Notifier } from '#shared/notifications/notifier.ts';
import type { SentNotifications } from '#shared/store/sent-notifications.ts';

const ADAPTER = '#shared/notifications/govuk-notify-notifier.ts';

const message: Notification = {
  dedupeKey: 'escalated#e1#2026-03-01T09:00:00.000Z',
  template: 'escalated-to-managers',
  audience: { role: 'manager', team: 'early-help' },
  experimentId: 'e1',
  personalisation: { title: 'A parent-to-parent buddy scheme' },
};

const NOTIFY: NotifyConfig = {
  secretName: 'fail-forward/dev/govuk-notify-api-key',
  userPoolId: 'eu-west-2_abc',
  templateIds: { 'escalated-to-managers': 'tpl-1' },
};

/** The record of sent notifications, in memory: what the outbox writes and Notify checks. */
const memorySent = () => {
  const recorded: Notification[] = [];
  const sent: SentNotifications = {
    has: async (dedupeKey) => recorded.some((n) => n.dedupeKey === dedupeKey),
    record: async (notification) => {
      recorded.push(notification);
    },
    list: async () => recorded.map((n) => ({ ...n, at: '2026-03-01T09:00:00.000Z' })),
  };
  return { sent, recorded };
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
  const notifications = await import('#shared/notifications/index.ts');
  const govukNotify = await import('#shared/notifications/govuk-notify.ts');
  return { ...notifications, ...govukNotify };
};

beforeEach(() => {
  vi.resetModules();
});

afterEach(() => {
  vi.doUnmock(ADAPTER);
});

describe('the notifier of a deployed function', () => {
  it('refuses to send from a function whose package does not hold GOV.UK Notify', async () => {
    // Prepare
    const seen = fakeAdapter();
    const { deployedNotifier } = await load();
    const notifier = deployedNotifier(NOTIFY, memorySent().sent);

    // Act
    const attempt = notifier.send(message);

    // Assess
    await expect(attempt).rejects.toThrow(/not in this function/);
    expect(seen.loads).toBe(0);
  });

  it('refuses to send without the Notify settings, even where the package holds Notify', async () => {
    // Prepare
    const seen = fakeAdapter();
    const { deployedNotifier, enableGovukNotify } = await load();
    enableGovukNotify();

    // Act
    const attempt = deployedNotifier(undefined, memorySent().sent).send(message);

    // Assess
    await expect(attempt).rejects.toThrow(/NOTIFY_SECRET_NAME and USER_POOL_ID/);
    expect(seen.loads).toBe(0);
  });

  it('loads the GOV.UK Notify adapter on the first send, not before, and only once', async () => {
    // Prepare
    const seen = fakeAdapter();
    const { enableGovukNotify, deployedNotifier } = await load();
    enableGovukNotify();

    // Act
    const built = deployedNotifier(NOTIFY, memorySent().sent);
    const loadsBeforeSending = seen.loads;
    await built.send(message);
    await built.send({ ...message, dedupeKey: 'another' });

    // Assess
    expect(loadsBeforeSending).toBe(0);
    expect(seen.loads).toBe(1);
    expect(seen.builds).toBe(1);
    expect(seen.sent.map((m) => m.dedupeKey)).toEqual([message.dedupeKey, 'another']);
  });

  it('builds the adapter from the configuration and the record of sent notifications', async () => {
    // Prepare
    fakeAdapter();
    const { enableGovukNotify, deployedNotifier } = await load();
    enableGovukNotify();
    const { govukNotifyNotifier } = await import(ADAPTER);
    const { sent } = memorySent();

    // Act
    await deployedNotifier(NOTIFY, sent).send(message);

    // Assess
    expect(govukNotifyNotifier).toHaveBeenCalledWith({ notify: NOTIFY, sent });
  });

  it('tries again on the next send when loading the adapter failed', async () => {
    // Prepare
    const seen = fakeAdapter({ failFirstBuild: true });
    const { enableGovukNotify, deployedNotifier } = await load();
    enableGovukNotify();
    const notifier = deployedNotifier(NOTIFY, memorySent().sent);

    // Act
    const first = notifier.send(message);
    await expect(first).rejects.toThrow('chunk not loaded');
    await notifier.send(message);

    // Assess
    expect(seen.builds).toBe(2);
    expect(seen.sent).toHaveLength(1);
  });
});

describe('the outbox on one machine', () => {
  it('records each message and never loads GOV.UK Notify, even where Notify is enabled', async () => {
    // Prepare
    const seen = fakeAdapter();
    const { enableGovukNotify } = await load();
    enableGovukNotify();
    const { sent, recorded } = memorySent();

    // Act
    await outboxNotifier(sent).send(message);

    // Assess
    expect(recorded).toEqual([message]);
    expect(seen.loads).toBe(0);
  });
});

describe('readConfig', () => {
  const ENV = {
    TABLE_NAME: 'table',
    STATE_MACHINE_ARN: 'arn:aws:states:eu-west-2:123456789012:stateMachine:experiment',
    PUBLIC_URL: 'https://failforward.example.gov.uk',
  };

  it('reads the Notify settings only where all of them are set, and keeps nothing', () => {
    // Prepare
    const notifying = {
      ...ENV,
      NOTIFY_SECRET_NAME: NOTIFY.secretName,
      USER_POOL_ID: NOTIFY.userPoolId,
      NOTIFY_TEMPLATE_IDS: JSON.stringify(NOTIFY.templateIds),
    };

    // Act
    const plain = readConfig(ENV);
    const withNotify = readConfig(notifying);
    const again = readConfig(ENV);

    // Assess
    expect(plain.notify).toBeUndefined();
    expect(withNotify.notify).toEqual(NOTIFY);
    expect(again).toEqual(plain);
    expect(plain).toMatchObject({ tableName: 'table', publicUrl: ENV.PUBLIC_URL, submitWaitMs: 3000 });
  });

  it.each([
    [{ STATE_MACHINE_ARN: 'arn' }, 'Missing configuration: TABLE_NAME'],
    [{ TABLE_NAME: 't' }, 'Missing configuration: STATE_MACHINE_ARN'],
    [{ ...ENV, DECISION_DEADLINE_SECONDS: '-5' }, 'DECISION_DEADLINE_SECONDS must be a positive number'],
    [{ ...ENV, REVIEW_PERIOD_SECONDS: 'soon' }, 'REVIEW_PERIOD_SECONDS must be a positive number'],
  ])('refuses %j', (env, error) => {
    // Act / Assess
    expect(() => readConfig(env)).toThrow(error);
  });
});

describe('the adoption notice', () => {
  it("links the team's managers to the idea's library entry, which they may open, and is keyed once per idea", () => {
    // Prepare
    const exp = {
      id: 'e1',
      title: 'Evening calls to new referrals',
      team: 'early-help',
      ownerName: 'Sam Patel',
      cycles: [{ learned: 'Call before six.' }],
    } as unknown as Experiment;

    // Act
    const notice = adoptedToManagers(exp, 'https://failforward.example.gov.uk');

    // Assess
    expect(notice).toEqual({
      dedupeKey: 'adopted#e1',
      template: 'adopted-to-managers',
      audience: { role: 'manager', team: 'early-help' },
      experimentId: 'e1',
      personalisation: {
        title: 'Evening calls to new referrals',
        owner: 'Sam Patel',
        learned: 'Call before six.',
        link: 'https://failforward.example.gov.uk/library/e1',
      },
    });
  });
});
