import { describe, expect, it } from 'vitest';
import { h1 } from '#test/support/web/client.ts';
import { useWebSystem } from '#test/support/web/system.ts';

const testApp = useWebSystem();

describe('the error pages', () => {
  it('answers an unknown page with a GOV.UK-style 404', async () => {
    // Prepare
    const web = testApp().client();

    // Act
    const page = await web.get('/no-such-page');

    // Assess
    expect(page.statusCode).toBe(404);
    expect(h1(page.body)).toBe('Page not found');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('shows a 500 page with no stack trace or error text when a service fails, and logs the error', async () => {
    // Prepare
    const logged: unknown[] = [];
    const { client } = testApp({
      logError: (error) => logged.push(error),
      wrapServices: (services) => ({
        ...services,
        policies: {
          ...services.policies,
          current: async () => {
            throw new Error('DynamoDB is on fire at /secret/path.ts:12');
          },
        },
      }),
    });
    const web = client();

    // Act
    const page = await web.get('/');

    // Assess
    expect(page.statusCode).toBe(500);
    expect(h1(page.body)).toBe('Sorry, there is a problem with the service');
    expect(page.body).not.toContain('DynamoDB is on fire');
    expect(page.body).not.toMatch(/\.ts:\d+/);
    expect(logged).toHaveLength(1);
  });

  it('shows the 404 page in Welsh too', async () => {
    // Prepare
    const web = testApp().client();

    // Act
    const page = await web.get('/missing?lang=cy');

    // Assess
    expect(page.statusCode).toBe(404);
    expect(h1(page.body)).toBe("Heb ddod o hyd i'r dudalen");
  });
});
