import { describe, expect, it } from 'vitest';
import { h1, ideaForm, textOf } from '#test/support/web/client.ts';
import { useWebSystem } from '#test/support/web/system.ts';

const testApp = useWebSystem();

describe('"Ideas waiting for you"', () => {
  it("lists only the escalated ideas of the manager's team, oldest first, with the time left", async () => {
    // Prepare
    let clock = Date.parse('2025-03-03T09:00:00Z');
    const { client } = testApp({ now: () => new Date(clock) });
    const sam = client();
    await sam.signInAs('sam');
    await sam.submitIdea({
      ...ideaForm({ extraCost: '900' }),
      title: 'Older escalated idea',
    });
    clock += 10 * 60_000;
    await sam.submitIdea({
      ...ideaForm({ reversible: 'no' }),
      title: 'Newer escalated idea',
    });
    await sam.submitIdea({
      ...ideaForm(),
      title: 'Authorised by the card',
    });
    const megan = client();
    await megan.signInAs('megan');
    const owen = client();
    await owen.signInAs('owen');
    clock += 10 * 60_000;

    // Act
    const queue = await megan.get('/queue');
    const other = await owen.get('/queue');
    const table = textOf(queue.body, /data-testid="queue">([\s\S]*?)<\/table>/);

    // Assess
    expect(h1(queue.body)).toBe('Ideas waiting for you');
    expect(table).toMatch(
      /^Ideas waiting for a decision, oldest first Idea From Waiting since Time left Older escalated idea Sam Patel, Early help .* Newer escalated idea/,
    );
    expect(table).not.toContain('Authorised by the card');
    expect(table).toContain('Due in 5 days (9am on 8 March 2025)');
    expect(other.body).toContain('There are no ideas waiting for you.');
  });

  it('is not for staff', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('sam');

    // Act
    const page = await web.get('/queue');

    // Assess
    expect(page.statusCode).toBe(403);
  });
});
