import { describe, expect, it } from 'vitest';
import { h1, ideaForm, textOf } from '#test/support/web/client.ts';
import { failWorkflowOf, useWebSystem } from '#test/support/web/system.ts';

const testApp = useWebSystem();

describe('the experiment log', () => {
  it("lists everyone's experiments for a leader, with filters that are a GET form", async () => {
    // Prepare
    const { signedIn } = testApp();
    const sam = await signedIn('sam');
    await sam.submitIdea(ideaForm());
    const carys = await signedIn('carys');

    // Act
    const page = await carys.get('/log');

    // Assess
    expect(h1(page.body)).toBe('Experiment log');
    expect(page.body).toContain('<form method="get" action="/log"');
    expect(textOf(page.body, /data-testid="log">([\s\S]*?)<\/table>/)).toContain(
      'Evening calls to new referrals Early help Sam Patel Can go ahead',
    );
  });

  it('shows a leader which experiments a workflow failure stopped', async () => {
    // Prepare
    const { signedIn } = testApp();
    const sam = await signedIn('sam');
    const submitted = await sam.submitIdea({ ...ideaForm(), title: 'A step of this one failed' });
    await failWorkflowOf((submitted.headers.location ?? '').split('/').at(-2) ?? '');
    const carys = await signedIn('carys');

    // Act
    const page = await carys.get('/log');

    // Assess
    expect(textOf(page.body, /data-testid="log">([\s\S]*?)<\/table>/)).toContain(
      'Can go ahead Something went wrong',
    );
    expect(page.body).toContain('<strong class="govuk-tag govuk-tag--red">Something went wrong</strong>');
  });

  it('says which date is not real, in the summary and on the field', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('carys');

    // Act
    const page = await web.get(
      '/log?from-day=30&from-month=2&from-year=2025&to-day=1&to-month=1&to-year=2025',
    );

    // Assess
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('<a href="#from-day">The start date must be a real date, like 31 3 2025</a>');
    expect(page.body).toContain('id="from-error"');
    expect(page.body).toMatch(/name="from-day" type="text"[^>]*value="30"/);
  });

  it('is for leaders only', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('megan');

    // Act
    const page = await web.get('/log');

    // Assess
    expect(page.statusCode).toBe(403);
  });
});

describe('the CSV export', () => {
  it('downloads the experiment log as CSV for leaders, and never for anyone else', async () => {
    // Prepare
    const now = () => new Date('2025-03-10T09:00:00Z');
    const { signedIn } = testApp({ now });
    const sam = await signedIn('sam');
    await sam.submitIdea(ideaForm());
    const carys = await signedIn('carys');

    // Act
    const csv = await carys.get('/log/export.csv');
    const refused = await sam.get('/log/export.csv');

    // Assess
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="fail-forward-experiment-log-2025-03-10.csv"',
    );
    expect(csv.headers['cache-control']).toBe('no-store');
    // Other tests of this file share the log: find this idea's row, an id first and the title after.
    expect(csv.body.split('\r\n').slice(1)).toContainEqual(
      expect.stringMatching(/^[0-9a-f-]{36},Evening calls to new referrals,/),
    );
    expect(refused.statusCode).toBe(403);
  });
});
