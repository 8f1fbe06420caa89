import { describe, expect, it } from 'vitest';
import { h1, ideaForm, textOf } from '#test/support/web/client.ts';
import { useWebSystem } from '#test/support/web/system.ts';

const testApp = useWebSystem();

describe('the card policy page', () => {
  it('shows the current limits and every version with its reason', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('rhys');

    // Act
    const page = await web.get('/policy');

    // Assess
    expect(h1(page.body)).toBe('Card limits');
    expect(textOf(page.body, /data-testid="current-policy">([\s\S]*?)<\/dl>/)).toMatch(
      /^Extra money £500 People or families taking part 10 people or families Weeks before a review 6 weeks Extra staff hours 20 hours Days a manager has to decide 5 days/,
    );
    expect(page.body).toContain('The limits on the prompt card as first printed.');
  });
});

describe('publishing a new version of the card', () => {
  const draft = {
    'thresholds.extraCost': '1000',
    'thresholds.peopleInvolved': '10',
    'thresholds.durationWeeks': '6',
    'thresholds.staffHours': '20',
    decisionDeadlineDays: '5',
    reason: 'Teams asked for room to buy small equipment.',
  };

  it('previews which past ideas the draft would judge differently, then publishes it', async () => {
    // Prepare
    const { signedIn, calls } = testApp();
    const sam = await signedIn('sam');
    await sam.submitIdea({ ...ideaForm({ extraCost: '900' }), title: 'Buy a tablet for visits' });
    const carys = await signedIn('carys');
    const form = await carys.get('/policy');

    // Act
    const preview = await carys.post('/policy/preview', draft);
    const published = await carys.post('/policy/publish', draft);
    const after = await carys.get('/policy');

    // Assess
    expect(form.body).toContain('action="/policy/preview"');
    expect(form.body).toContain('value="500"');
    expect(h1(preview.body)).toBe('What version 2 of the card limits would change');
    expect(textOf(preview.body, /data-testid="what-if">([\s\S]*?)<\/p>/)).toBe(
      'Of the last 1 ideas submitted, 1 would be allowed by the card and 0 would go to a manager.',
    );
    expect(textOf(preview.body, /data-testid="changed">([\s\S]*?)<\/table>/)).toContain(
      'Buy a tablet for visits Early help Went to a manager Allowed by the card',
    );
    expect(published.headers.location).toBe('/policy');
    expect(calls.publish).toBe(1);
    expect(after.body).toContain(
      'Version 2 of the card limits is published. New ideas are checked against it.',
    );
    expect(textOf(after.body, /data-testid="current-policy">([\s\S]*?)<\/dl>/)).toMatch(
      /^Extra money £1,000 /,
    );
  });

  it('checks the draft with the API schema, in Welsh too, and the form is for leaders only', async () => {
    // Prepare
    const { signedIn } = testApp();
    const carys = await signedIn('carys');
    await carys.get('/policy');
    const rhys = await signedIn('rhys');

    // Act
    const english = await carys.post('/policy/preview', {
      ...draft,
      'thresholds.durationWeeks': '60',
      reason: 'no',
    });
    carys.setLang('cy');
    const welsh = await carys.post('/policy/preview', { ...draft, 'thresholds.staffHours': '7.555' });
    const staffView = await rhys.get('/policy');

    // Assess
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain(
      '<a href="#thresholds-durationWeeks">The limit on weeks before a review must be between 1 and 52</a>',
    );
    expect(english.body).toContain(
      '<a href="#policyReason">The reason for the change must be 5 characters or more</a>',
    );
    expect(welsh.body).toContain(
      'Rhowch y terfyn ar oriau staff ychwanegol i ddim mwy na 2 le degol, fel 20 neu 7.5',
    );
    expect(staffView.body).not.toContain('/policy/preview');
  });
});

describe("per-team limits and 'What the decisions say'", () => {
  const draft = {
    'thresholds.extraCost': '500',
    'thresholds.peopleInvolved': '10',
    'thresholds.durationWeeks': '6',
    'thresholds.staffHours': '20',
    decisionDeadlineDays: '5',
    reason: 'Youth justice has earned some room.',
  };

  it("previews and publishes a team's own limit, keeps it in the next draft, and names it in the reason of an idea", async () => {
    // Prepare
    const { signedIn } = testApp();
    const carys = await signedIn('carys');
    await carys.get('/policy');
    const rhys = await signedIn('rhys');

    // Act
    const preview = await carys.post('/policy/preview', {
      ...draft,
      'teams.youth-justice.extraCost': '1000',
    });
    await carys.post('/policy/publish', { ...draft, 'teams.youth-justice.extraCost': '1000' });
    const after = await carys.get('/policy');
    const inside = await rhys.submitIdea(ideaForm({ extraCost: '900' }));
    const outside = await rhys.submitIdea(ideaForm({ extraCost: '1200' }));
    const outsidePage = await rhys.get(outside.headers.location ?? '');

    // Assess
    expect(textOf(preview.body, /(<dl[\s\S]*?<\/dl>)/)).toContain(
      'Youth justice (own limits) —, changing to Extra money: £1,000',
    );
    expect(textOf(after.body, /data-testid="current-policy">([\s\S]*?)<\/dl>/)).toContain(
      'Youth justice (own limits) Extra money: £1,000',
    );
    expect(after.body).toMatch(
      /name="teams.youth-justice.extraCost" type="text"[^>]*value="1000"|value="1000"[^>]*name="teams.youth-justice.extraCost"/,
    );
    expect(textOf(after.body, /data-testid="versions">([\s\S]*?)<\/table>/)).toContain(
      'Extra staff hours: 20 hours; Youth justice (own limits): Extra money: £1,000',
    );
    expect(inside.statusCode).toBe(303);
    expect(outsidePage.body).toContain('Extra money: £1,200 in total, above the team&#39;s limit of £1,000');
  });

  it('refuses a bad team limit at its own box, in English and Welsh', async () => {
    // Prepare
    const { signedIn } = testApp();
    const carys = await signedIn('carys');
    await carys.get('/policy');

    // Act
    const english = await carys.post('/policy/preview', { ...draft, 'teams.early-help.durationWeeks': '0' });
    carys.setLang('cy');
    const welsh = await carys.post('/policy/preview', { ...draft, 'teams.early-help.durationWeeks': '0' });

    // Assess
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain(
      '<a href="#teams-early-help-durationWeeks">The limit on weeks before a review must be between 1 and 52</a>',
    );
    expect(welsh.body).toContain('href="#teams-early-help-durationWeeks"');
    expect(welsh.body).not.toContain('The limit on weeks before a review');
  });

  it('shows leaders what the decisions say, per question and per team, in English and Welsh, and nobody else', async () => {
    // Prepare
    const { signedIn } = testApp();
    const sam = await signedIn('sam');
    await sam.submitIdea(ideaForm({ extraCost: '900' }));
    const carys = await signedIn('carys');

    // Act
    const english = await carys.get('/policy');
    carys.setLang('cy');
    const welsh = await carys.get('/policy');
    const staff = await sam.get('/policy');

    // Assess
    expect(english.body).toContain('What the decisions say');
    expect(textOf(english.body, /data-testid="rules">([\s\S]*?)<\/table>/)).toMatch(
      /Extra money (\d+) 0 approved, 0 declined, \1 waiting None decided yet No change suggested/,
    );
    expect(textOf(english.body, /data-testid="rules">([\s\S]*?)<\/table>/)).toContain(
      'A safety question: never changed by numbers',
    );
    expect(textOf(english.body, /data-testid="team-records">([\s\S]*?)<\/table>/)).toContain(
      'Early help 0 0 of 0 0 minor, 0 serious Not yet',
    );
    expect(welsh.body).toContain('Beth mae&#39;r penderfyniadau&#39;n ei ddweud');
    expect(staff.body).not.toContain('data-testid="insights"');
  });
});
