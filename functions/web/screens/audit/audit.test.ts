import { describe, expect, it } from 'vitest';
import { services } from '#shared/services/index.ts';
import { AUDIT_PARTITIONS, auditEntryKey } from '#shared/store/keys.ts';
import { h1, textOf } from '#test/support/web/client.ts';
import { useWebSystem } from '#test/support/web/system.ts';

const testApp = useWebSystem();

/** The cells of the trail's body rows. */
const rowsOf = (html: string) => {
  const table = /data-testid="audit"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  return [...table.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)]
    .slice(1)
    .map((row) =>
      [...(row[1] ?? '').matchAll(/<td[^>]*>[\s\S]*?<\/td>/g)].map((cell) =>
        textOf(cell[0], /<td[^>]*>([\s\S]*?)<\/td>/),
      ),
    );
};

const nextHref = (html: string) =>
  /<a class="govuk-link" href="([^"]+)">Older entries<\/a>/.exec(html)?.[1]?.replaceAll('&amp;', '&');

/** `n` refused reads by one person, straight through the audit service, oldest first. */
const refusals = async (actor: string, n: number) => {
  for (let i = 0; i < n; i++) {
    await services().audit.record({ actor, action: 'readRefused', target: `case-${i}`, outcome: 'notFound' });
  }
};

describe('the audit trail page (information governance)', () => {
  it('lists the trail newest first, filtered by action, person and dates, a page at a time with signed cursors', async () => {
    // Prepare
    const { signedIn } = testApp();
    await refusals('pager-test', 30);
    const gwen = await signedIn('gwen');
    const today = new Date();
    const [day, month, year] = [today.getUTCDate(), today.getUTCMonth() + 1, today.getUTCFullYear()];
    const filters = `action=readRefused&actor=pager-test&from-day=${day}&from-month=${month}&from-year=${year}`;

    // Act
    const first = await gwen.get(`/audit?${filters}`);
    const second = await gwen.get(nextHref(first.body) ?? '');
    const rebound = await gwen.get(
      (nextHref(first.body) ?? '').replace('actor=pager-test', 'actor=someone-else'),
    );

    // Assess
    expect(first.statusCode).toBe(200);
    expect(h1(first.body)).toBe('Audit trail');
    const firstRows = rowsOf(first.body);
    expect(firstRows).toHaveLength(25);
    expect(firstRows[0]).toEqual([
      expect.any(String),
      'pager-test',
      'Refused: reading an experiment',
      'case-29',
      'Refused: not found',
    ]);
    expect(first.body).toMatch(/role="region" aria-label="Audit trail entries, newest first" tabindex="0"/);
    expect(first.body).toContain(`href="/audit/export.csv?${filters.replaceAll('&', '&amp;')}"`);
    expect(rowsOf(second.body).map((row) => row[3])).toEqual([
      'case-4',
      'case-3',
      'case-2',
      'case-1',
      'case-0',
    ]);
    expect(nextHref(second.body)).toBeUndefined();
    expect(rebound.statusCode).toBe(400);
  });

  it('says what is wrong with a date that is not real, or a "To" date before the "From" date', async () => {
    // Prepare
    const { signedIn } = testApp();
    const gwen = await signedIn('gwen');

    // Act
    const unreal = await gwen.get('/audit?from-day=31&from-month=2&from-year=2026');
    const backwards = await gwen.get(
      '/audit?from-day=2&from-month=3&from-year=2026&to-day=1&to-month=3&to-year=2026',
    );
    const badId = await gwen.get('/audit?actor=%3Cscript%3E');

    // Assess
    expect(unreal.statusCode).toBe(400);
    expect(unreal.body).toContain('href="#from-day"');
    expect(unreal.body).toContain('From must be a real date, for example 27 3 2026');
    expect(unreal.body).toContain('value="31"');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain(
      'The &quot;To&quot; date must be the same as or after the &quot;From&quot; date',
    );
    expect(badId.statusCode).toBe(400);
    expect(badId.body).toContain('href="#actor"');
  });

  it('downloads the filtered trail as the CSV the API gives', async () => {
    // Prepare
    const { signedIn } = testApp();
    await refusals('csv-test', 2);
    const gwen = await signedIn('gwen');

    // Act
    const csv = await gwen.get('/audit/export.csv?actor=csv-test');

    // Assess
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="fail-forward-audit-/);
    const lines = csv.body.trim().split(/\r?\n/);
    expect(lines[0]).toBe('at,actor,action,target,outcome,hash,previousHash');
    expect(lines.slice(1).map((line) => line.split(',').slice(1, 5).join(','))).toEqual([
      'csv-test,readRefused,case-1,notFound',
      'csv-test,readRefused,case-0,notFound',
    ]);
  });

  it('checks the trail: intact, then the first entry changed straight in DynamoDB Local', async () => {
    // Prepare
    const { signedIn, table } = testApp();
    await refusals('verify-test', 3);
    const gwen = await signedIn('gwen');
    const intact = await gwen.get('/audit/verify');
    const stored = (await table().partition(AUDIT_PARTITIONS.entries)).find(
      (item) => item.actor === 'verify-test' && item.target === 'case-1',
    );
    const key = auditEntryKey(String(stored?.at), Number(stored?.seq));

    // Act
    await table().set(key, 'actor', 'someone-else');
    const broken = await gwen.get('/audit/verify');
    await table().set(key, 'actor', 'verify-test');

    // Assess
    expect(intact.statusCode).toBe(200);
    expect(textOf(intact.body, /data-testid="verdict">([\s\S]*?)<\/h1>/)).toBe('The trail is intact');
    expect(textOf(intact.body, /data-testid="verify-body">([\s\S]*?)<\/p>/)).toMatch(
      /^All [\d,]+ entries match their hashes and each follows the one before\.$/,
    );
    expect(textOf(broken.body, /data-testid="verdict">([\s\S]*?)<\/h1>/)).toBe('The trail has been changed');
    expect(textOf(broken.body, /data-testid="verify-reason">([\s\S]*?)<\/p>/)).toBe(
      'This entry does not match its hash: it was changed after it was written.',
    );
    const entry = textOf(broken.body, /data-testid="broken-entry">([\s\S]*?)<\/dl>/);
    expect(entry).toContain('someone-else');
    expect(entry).toContain('case-1');
    expect(entry).toContain(String(stored?.hash));
  });

  it('refuses the trail, its CSV and its check to anyone but information governance', async () => {
    // Prepare
    const { client } = testApp();
    const pages = [];

    // Act
    for (const person of ['sam', 'megan', 'carys'] as const) {
      const browser = client();
      await browser.signInAs(person);
      for (const path of ['/audit', '/audit/export.csv', '/audit/verify'])
        pages.push(await browser.get(path));
    }
    const anonymous = await client().get('/audit');

    // Assess
    expect(pages.map((page) => page.statusCode)).toEqual(Array(9).fill(403));
    expect(h1(pages[0]?.body ?? '')).toBe('You cannot see this page');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/sign-in?returnTo=%2Faudit');
  });
});
