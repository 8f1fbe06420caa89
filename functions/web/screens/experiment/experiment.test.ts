import { describe, expect, it } from 'vitest';
import { formatIsoDate, londonDate } from '#shared/domain/uk-time.ts';
import { services } from '#shared/services/index.ts';
import { experimentPath, h1, ideaForm, textOf } from '#test/support/web/client.ts';
import { englishWordsIn } from '#test/support/web/english-words.ts';
import { failWorkflowOf, useWebSystem } from '#test/support/web/system.ts';
import { TEST_PEOPLE } from '#test/support/web/test-sign-in.ts';

const testApp = useWebSystem();

describe('the experiment page', () => {
  it('shows the details, the answers outside the card and a history timeline, newest first', async () => {
    // Prepare
    const { client } = testApp();
    const sam = client();
    await sam.signInAs('sam');
    const submitted = await sam.submitIdea(ideaForm({ extraCost: '900' }));
    const href = experimentPath(submitted);

    // Act
    const page = await sam.get(href);
    const history = textOf(page.body, /data-testid="history">([\s\S]*?)<\/ol>/);

    // Assess
    expect(h1(page.body)).toBe('Evening calls to new referrals');
    expect(textOf(page.body, /data-testid="status">([\s\S]*?)<\/p>/)).toBe('With a manager');
    expect(page.body).toMatch(/ff-summary-row--outside[\s\S]*?£900[\s\S]*?Outside the card/);
    expect(history).toMatch(
      /^Sent to a manager \d{1,2}(:\d\d)?(am|pm) on \d{1,2} \w+ \d{4} , by the prompt card Extra money: £900 in total, above the card's limit of £500 Submitted .* , by Sam Patel$/,
    );
    expect(page.body).not.toContain('This idea is waiting for your decision');
    expect(textOf(page.body, /data-testid="wait-for-manager">([\s\S]*?)<\/div>/)).toContain(
      'Do not start your test until a manager approves it.',
    );
  });

  it('shows its whole history in Welsh on a Welsh page, with no English word: escalations, decisions, tests, a removal, a failure', async () => {
    // Prepare: escalated, approved, a test whose changes escalate again, approved, a test, a removal, a failure.
    const { client } = testApp();
    const sam = client();
    await sam.signInAs('sam');
    const href = experimentPath(await sam.submitIdea(ideaForm({ extraCost: '900', safeguarding: 'unsure' })));
    const id = href.split('/').at(-1) ?? '';
    const megan = client();
    await megan.signInAs('megan');
    const approve = async (conditions: string) => {
      await megan.get(`/queue/${id}`);
      await megan.post(`/queue/${id}/decision`, { outcome: 'approve', conditions });
    };
    const learning = { result: 'unclear', observed: 'Daeth hanner y teuluoedd.', incident: 'none' };
    await approve('Ffoniwch bob teulu cyn chwech.');
    await sam.get(`${href}/cycles/new`);
    await sam.post(`${href}/cycles`, {
      ...learning,
      learned: 'Mae angen mwy o amser.',
      next: 'adapt',
      'changes.durationWeeks': '10',
    });
    await approve('Adolygwch ar ôl deg wythnos.');
    await sam.get(`${href}/cycles/new`);
    await sam.post(`${href}/cycles`, {
      ...learning,
      learned: 'Mae galwadau gyda’r nos yn gweithio.',
      next: 'adapt',
    });
    const gwen = client();
    await gwen.signInAs('gwen');
    await gwen.get(`${href}/redact?field=problem`);
    await gwen.post(`${href}/redactions`, { field: 'problem', reason: 'Roedd rhif ffôn yn y testun.' });
    await failWorkflowOf(id);

    // Act
    sam.setLang('cy');
    const welsh = await sam.get(href);
    sam.setLang('en');
    const english = await sam.get(href);
    const historyOf = (html: string) => textOf(html, /data-testid="history">([\s\S]*?)<\/ol>/);

    // Assess
    const kinds = [...english.body.matchAll(/ff-timeline__title">([^<]*)</g)].map((m) => m[1]);
    expect(new Set(kinds)).toEqual(
      new Set([
        'Submitted',
        'Sent to a manager',
        'Approved',
        'Test recorded',
        'Text removed by information governance',
        'Something went wrong',
      ]),
    );
    expect(englishWordsIn(historyOf(english.body)).length).toBeGreaterThan(20);
    expect(englishWordsIn(historyOf(welsh.body))).toEqual([]);
  });

  it('shows its owner that a workflow failure stopped it, and that the team running the service will put it right', async () => {
    // Prepare
    const { client } = testApp();
    const sam = client();
    await sam.signInAs('sam');
    const submitted = await sam.submitIdea(ideaForm());
    const href = (submitted.headers.location ?? '').replace(/\/submitted$/, '');
    await failWorkflowOf(href.split('/').at(-1) ?? '');

    // Act
    const page = await sam.get(href);

    // Assess
    expect(page.body).toContain('govuk-warning-text');
    expect(page.body).toContain(
      'A step failed. The team that runs Fail Forward can see it and will put it right.',
    );
  });

  it('invites a manager of the team to decide, and is not found for a manager of another team', async () => {
    // Prepare
    const { client } = testApp();
    const sam = client();
    await sam.signInAs('sam');
    const submitted = await sam.submitIdea(ideaForm({ extraCost: '900' }));
    const href = experimentPath(submitted);
    const megan = client();
    await megan.signInAs('megan');
    const owen = client();
    await owen.signInAs('owen');

    // Act
    const ownTeam = await megan.get(href);
    const otherTeam = await owen.get(href);

    // Assess
    expect(ownTeam.body).toContain('This idea is waiting for your decision');
    expect(ownTeam.body).toContain(`href="/queue/${href.split('/').pop()}"`);
    expect(otherTeam.statusCode).toBe(404);
  });

  it('is never visible to a manager when the card authorised it', async () => {
    // Prepare
    const { client } = testApp();
    const sam = client();
    await sam.signInAs('sam');
    const submitted = await sam.submitIdea(ideaForm());
    const megan = client();
    await megan.signInAs('megan');

    // Act
    const page = await megan.get(experimentPath(submitted));

    // Assess
    expect(page.statusCode).toBe(404);
  });

  it('invites a cover manager to decide while cover runs, never on their own idea, and not once cover is over', async () => {
    // Prepare: Owen covers early help today, and (set by a leader) his own team; each side has an escalated idea.
    const DAY_MS = 24 * 3600 * 1000;
    let at = new Date();
    const { client } = testApp({ now: () => at });
    const today = formatIsoDate(londonDate(at));
    const sam = client();
    await sam.signInAs('sam');
    const samsIdea = experimentPath(await sam.submitIdea(ideaForm({ extraCost: '900' })));
    const owen = client();
    await owen.signInAs('owen');
    const ownIdea = experimentPath(await owen.submitIdea(ideaForm({ extraCost: '900' })));
    const cover = { coverBy: 'owen', from: today, to: today };
    await services().cover.set(TEST_PEOPLE.megan, () => cover);
    await services().cover.set(TEST_PEOPLE.carys, () => ({ ...cover, team: 'youth-justice' }));
    const decideLink = (href: string) => `href="/queue/${href.split('/').pop()}"`;

    // Act
    const during = await owen.get(samsIdea);
    const own = await owen.get(ownIdea);
    at = new Date(at.getTime() + 2 * DAY_MS);
    const later = client();
    await later.signInAs('owen');
    const after = await later.get(samsIdea);

    // Assess
    expect(during.statusCode).toBe(200);
    expect(during.body).toContain('This idea is waiting for your decision');
    expect(during.body).toContain(decideLink(samsIdea));
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain('This idea is waiting for your decision');
    expect(own.body).not.toContain(decideLink(ownIdea));
    expect(after.statusCode).toBe(404);
    expect(after.body).not.toContain(decideLink(samsIdea));
  });
});
