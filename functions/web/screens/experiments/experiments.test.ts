import { describe, expect, it } from 'vitest';
import { h1, ideaForm, textOf } from '#test/support/web/client.ts';
import { useWebSystem } from '#test/support/web/system.ts';

const testApp = useWebSystem();

describe('"Your experiments"', () => {
  it("lists only the signed-in person's own experiments, newest first, with their status", async () => {
    // Prepare
    const { client } = testApp();
    const sam = client();
    await sam.signInAs('sam');
    await sam.submitIdea({ ...ideaForm(), title: 'First idea of Sam' });
    await sam.submitIdea({
      ...ideaForm({ extraCost: '900' }),
      title: 'Second idea of Sam',
    });
    const rhys = client();
    await rhys.signInAs('rhys');

    // Act
    const mine = await sam.get('/experiments');
    const theirs = await rhys.get('/experiments');

    // Assess
    expect(h1(mine.body)).toBe('Your experiments');
    expect(textOf(mine.body, /data-testid="experiments">([\s\S]*?)<\/table>/)).toMatch(
      /Second idea of Sam With a manager .* First idea of Sam Can go ahead/,
    );
    expect(theirs.body).toContain('You have not submitted any ideas yet.');
  });

  it('sends a leader to the experiment log', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('carys');

    // Act
    const page = await web.get('/experiments');

    // Assess
    expect(page.headers.location).toBe('/log');
  });
});
