import { describe, expect, it } from 'vitest';
import { decode, experimentPath, h1, ideaForm, textOf } from '#test/support/web/client.ts';
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

  it('shows a manager where to find the ideas their team recommends making normal practice, in English and Welsh', async () => {
    // Prepare: an idea adopted and one stopped in Early help, one adopted in Youth justice.
    const { client } = testApp();
    const closeAs = async (person: 'sam' | 'rhys', title: string, next: 'adopt' | 'abandon') => {
      const web = client();
      await web.signInAs(person);
      const href = experimentPath(await web.submitIdea({ ...ideaForm(), title }));
      await web.get(`${href}/cycles/new`);
      const learning = { result: 'worked', observed: 'Most families took part.', learned: 'Ask early.' };
      await web.post(`${href}/cycles`, { ...learning, incident: 'none', next });
    };
    await closeAs('sam', 'Recommended in early help', 'adopt');
    await closeAs('sam', 'Stopped in early help', 'abandon');
    await closeAs('rhys', 'Recommended in youth justice', 'adopt');
    const megan = client();
    await megan.signInAs('megan');
    const carys = client();
    await carys.signInAs('carys');

    // Act
    const queue = await megan.get('/queue');
    const href = decode(/href="([^"]*)" data-testid="recommended"/.exec(queue.body)?.[1] ?? '');
    let library = await megan.get(href);
    for (let tries = 0; tries < 50 && !library.body.includes('Recommended in early help'); tries++) {
      await new Promise((r) => setTimeout(r, 100));
      library = await megan.get(href);
    }
    const leaders = await carys.get('/queue');
    megan.setLang('cy');
    const welsh = await megan.get('/queue');

    // Assess
    expect(href).toBe('/library?team=early-help&status=adopted');
    expect(textOf(queue.body, /data-testid="recommended">([\s\S]*?)<\/a>/)).toBe(
      'See the ideas Early help recommends making normal practice',
    );
    expect(decode(queue.body)).toContain("the team's managers decide whether it does.");
    const results = textOf(library.body, /data-testid="library-results">([\s\S]*?)<\/ul>/);
    expect(results).toContain('Recommended in early help');
    expect(results).not.toContain('Stopped in early help');
    expect(results).not.toContain('Recommended in youth justice');
    expect(decode(leaders.body)).toContain('href="/library?status=adopted"');
    expect(textOf(welsh.body, /<h2 class="govuk-heading-m">([\s\S]*?)<\/h2>/)).toBe(
      "Wedi'u hargymell yn arfer safonol",
    );
    expect(textOf(welsh.body, /data-testid="recommended">([\s\S]*?)<\/a>/)).toMatch(
      /^Gweld y syniadau y mae .+ yn argymell/,
    );
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
