import { describe, expect, it } from 'vitest';
import { experimentPath, h1, ideaForm, textOf } from '#test/support/web/client.ts';
import { useWebSystem } from '#test/support/web/system.ts';
import { niceMax } from './chart.ts';

const testApp = useWebSystem();

describe('the dashboard', () => {
  it('shows headline figures and both charts as SVG images with a summary and a table', async () => {
    // Prepare
    const now = () => new Date('2025-03-10T09:00:00Z');
    const { client } = testApp({ now });
    const sam = client();
    await sam.signInAs('sam');
    await sam.submitIdea(ideaForm());
    await sam.submitIdea(ideaForm({ extraCost: '900' }));
    const carys = client();
    await carys.signInAs('carys');

    // Act
    const page = await carys.get('/dashboard');

    // Assess
    expect(h1(page.body)).toBe('Dashboard');
    expect(textOf(page.body, /data-testid="figures">([\s\S]*?)<\/dl>/)).toMatch(
      /^Ideas submitted 2 Allowed by the card, without a manager 50% Half of the ideas could go ahead within 0 hours Tests recorded for each idea, on average 0 /,
    );
    expect(page.body).toMatch(
      /<svg class="ff-chart"[^>]*role="img" aria-labelledby="chart-months-title chart-months-desc"/,
    );
    expect(page.body).toContain(
      '<desc id="chart-months-desc">2 ideas over 1 month. The busiest month was March 2025, with 2.</desc>',
    );
    expect(page.body).toContain('The team with the most was Early help, with 2.');
    expect(page.body).toContain('href="/log/export.csv"');
    expect(page.body).not.toMatch(/<svg[\s\S]*style=/);
  });

  it('counts the incidents cycles recorded, in the figures and per team', async () => {
    // Prepare
    const { client } = testApp();
    const sam = client();
    await sam.signInAs('sam');
    const submitted = await sam.submitIdea(ideaForm());
    const href = experimentPath(submitted);
    await sam.get(`${href}/cycles/new`);
    await sam.post(`${href}/cycles`, {
      result: 'didNotWork',
      observed: 'A family was left waiting.',
      learned: 'Check cover first.',
      incident: 'serious',
      incidentDetail: 'A family was left without a call for a week.',
      next: 'adapt',
    });
    const carys = client();
    await carys.signInAs('carys');

    // Act
    const page = await carys.get('/dashboard');

    // Assess
    expect(textOf(page.body, /data-testid="figures">([\s\S]*?)<\/dl>/)).toMatch(
      /Serious incidents recorded 1 Minor incidents recorded 0$/,
    );
    expect(page.body).toContain('0 minor, 1 serious');
  });

  it('checks the months it is given', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('carys');

    // Act
    const page = await web.get('/dashboard?from-month=13&from-year=2025&to-month=1&to-year=2025');

    // Assess
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain(
      '<a href="#from-month">The start month must be a real month and year, like 3 2025</a>',
    );
    expect(page.body).toMatch(/name="from-month" type="text"[^>]*value="13"/);
  });

  it('is for leaders only', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('megan');

    // Act
    const page = await web.get('/dashboard');

    // Assess
    expect(page.statusCode).toBe(403);
  });

  it('rounds the chart axis up to a number people can read', () => {
    // Prepare
    const maxima = [0, 3, 7, 12, 23, 180, 2400];

    // Act
    const axes = maxima.map(niceMax);

    // Assess
    expect(axes).toEqual([1, 3, 10, 20, 25, 200, 2500]);
  });
});
