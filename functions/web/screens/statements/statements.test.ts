import { describe, expect, it } from 'vitest';
import { DEFAULT_DPO_EMAIL, statementsConfig } from '#shared/config.ts';
import { h1, STATEMENT_HEADINGS, testConfig, textOf } from '#test/support/web/client.ts';
import { useWebSystem } from '#test/support/web/system.ts';

const testApp = useWebSystem();

const FOOTER = ['href="/privacy"', 'href="/accessibility"', 'href="/cookies"'];

const footerOf = (html: string) => /<footer[\s\S]*<\/footer>/.exec(html)?.[0] ?? '';

describe('the privacy notice, accessibility statement and cookies page', () => {
  it('are public, in English and Welsh, and linked from the footer of every page', async () => {
    // Prepare
    const { client, signedIn } = testApp();
    const anonymous = client();
    const gwen = await signedIn('gwen');

    // Act
    const pages = {
      privacy: await anonymous.get('/privacy'),
      accessibility: await anonymous.get('/accessibility'),
      cookies: await anonymous.get('/cookies'),
      privacyCy: await anonymous.get('/privacy?lang=cy'),
      accessibilityCy: await anonymous.get('/accessibility?lang=cy'),
      cookiesCy: await anonymous.get('/cookies?lang=cy'),
    };
    const others = [
      await anonymous.get('/?lang=en'),
      await anonymous.get('/no-such-page'),
      await gwen.get('/records'),
      await gwen.get('/audit?lang=cy'),
    ];

    // Assess
    expect(Object.values(pages).map((page) => page.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(Object.values(pages).map((page) => h1(page.body))).toEqual(STATEMENT_HEADINGS);
    for (const page of [...Object.values(pages), ...others]) {
      for (const link of FOOTER) expect(footerOf(page.body)).toContain(link);
    }
    expect(footerOf(pages.privacy.body)).toContain('Accessibility statement');
    expect(footerOf(pages.privacyCy.body)).toContain('Datganiad hygyrchedd');
  });

  it('say what the settings say: the council, its data protection officer, retention and the last test', async () => {
    // Prepare
    const statements = statementsConfig({
      COUNCIL_NAME: 'Torfaen County Borough Council',
      DPO_EMAIL: 'dpo@torfaen.example.gov.uk',
      ACCESSIBILITY_TESTED_ON: '2026-10-01',
      RETENTION_MONTHS: '84',
      AUDIT_RETENTION_MONTHS: '96',
    });
    const { client } = testApp({ config: () => ({ ...testConfig(), statements }) });
    const browser = client();

    // Act
    const privacy = await browser.get('/privacy');
    const accessibility = await browser.get('/accessibility');
    const welsh = await browser.get('/accessibility?lang=cy');

    // Assess
    expect(privacy.body).toContain('Torfaen County Borough Council is the data controller');
    expect(privacy.body).toContain('href="mailto:dpo@torfaen.example.gov.uk"');
    expect(textOf(privacy.body, /data-testid="retention">([\s\S]*?)<\/p>/)).toMatch(
      /^An experiment is kept for 84 months after it closes/,
    );
    expect(privacy.body).toContain('Audit trail entries are kept for 96 months.');
    expect(textOf(accessibility.body, /data-testid="tested">([\s\S]*?)<\/p>/)).toMatch(
      /^The service was last tested on 1 October 2026\./,
    );
    expect(accessibility.body).toContain('href="mailto:dpo@torfaen.example.gov.uk"');
    expect(textOf(accessibility.body, /data-testid="known-issues">([\s\S]*?)<\/ul>/)).toContain(
      'the Welsh version is a draft translation, waiting for a professional edit',
    );
    expect(textOf(welsh.body, /data-testid="tested">([\s\S]*?)<\/p>/)).toMatch(/1 Hydref 2026/);
  });

  it('list every cookie the pages set, by name, purpose and lifetime', async () => {
    // Prepare
    const { client } = testApp();

    // Act
    const page = await client().get('/cookies');
    const table = /data-testid="cookies"[\s\S]*?<\/table>/.exec(page.body)?.[0] ?? '';
    const names = [...table.matchAll(/<code[^>]*>([^<]+)<\/code>/g)].map((m) => m[1]);

    // Assess
    expect(names).toEqual(['__Host-ff-session', '__Host-ff-flash', '__Host-ff-lang', '__Host-ff-auth']);
    expect(table).toContain('Remembers whether you chose English or Welsh');
    expect(table).toContain('1 year');
    expect(page.body).toMatch(/role="region" aria-label="Cookies Fail Forward sets" tabindex="0"/);
  });
});

describe('the statements settings', () => {
  it('default sensibly, and refuse a date or an address that is not one', () => {
    // Act
    const defaults = statementsConfig({});

    // Assess
    expect(defaults).toEqual({
      councilName: 'Monmouthshire County Council',
      dpoEmail: DEFAULT_DPO_EMAIL,
      accessibilityTestedOn: '2026-11-29',
      accessibilityEmail: DEFAULT_DPO_EMAIL,
      retentionMonths: 72,
      auditRetentionMonths: 72,
    });
    expect(statementsConfig({ ACCESSIBILITY_EMAIL: 'access@council.example' }).accessibilityEmail).toBe(
      'access@council.example',
    );
    expect(() => statementsConfig({ ACCESSIBILITY_TESTED_ON: '2026-02-30' })).toThrow(/date like/);
    expect(() => statementsConfig({ ACCESSIBILITY_TESTED_ON: 'last week' })).toThrow(/date like/);
    expect(() => statementsConfig({ DPO_EMAIL: 'the DPO' })).toThrow(/email address/);
    expect(() => statementsConfig({ RETENTION_MONTHS: '0' })).toThrow(/whole number of months/);
  });
});
