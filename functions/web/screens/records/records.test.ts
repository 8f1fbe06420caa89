import { describe, expect, it } from 'vitest';
import { experimentPath, h1, ideaForm, textOf } from '#test/support/web/client.ts';
import { auditTrail, useWebSystem } from '#test/support/web/system.ts';

const testApp = useWebSystem();

/** The cells of a table's body rows, by its data-testid. */
const rowsOf = (html: string, testid: string) => {
  const table = new RegExp(`data-testid="${testid}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? '';
  return [...table.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)]
    .slice(1)
    .map((row) =>
      [...(row[1] ?? '').matchAll(/<td[^>]*>[\s\S]*?<\/td>/g)].map((cell) =>
        textOf(cell[0], /<td[^>]*>([\s\S]*?)<\/td>/),
      ),
    );
};

describe("find a person's records (information governance)", () => {
  it('finds everything held about a person, with a JSON download of exactly what the API gives', async () => {
    // Prepare
    const { signedIn } = testApp();
    const sam = await signedIn('sam');
    const href = experimentPath(await sam.submitIdea(ideaForm({ extraCost: '900' })));
    const gwen = await signedIn('gwen');

    // Act
    const form = await gwen.get('/records');
    const page = await gwen.get('/records?person=sam');
    const download = await gwen.get('/records/download.json?person=sam');

    // Assess
    expect(form.statusCode).toBe(200);
    expect(h1(form.body)).toBe("Find a person's records");
    expect(form.body).toContain('href="/records"');
    expect(page.statusCode).toBe(200);
    expect(h1(page.body)).toBe('Records of sam');
    expect(rowsOf(page.body, 'experiments')).toContainEqual([
      'Evening calls to new referrals',
      'With a manager',
      'Their idea',
      expect.any(String),
    ]);
    expect(page.body).toContain(`href="${href}"`);
    expect(page.body).toMatch(/role="region" aria-label="Experiments that name them" tabindex="0"/);
    expect(page.body).toContain('href="/records/download.json?person=sam"');
    expect(page.body).toContain('href="/records/erasure?person=sam"');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="fail-forward-records-/);
    const json = JSON.parse(download.body) as {
      person: string;
      experiments: { id: string }[];
      sessions: number;
    };
    expect(json.person).toBe('sam');
    expect(json.experiments.map((exp) => exp.id)).toContain(href.split('/').at(-1));
    expect(json.sessions).toBe(1);
    expect(await auditTrail({ action: 'recordsExport', target: 'sam' })).toEqual([
      { actor: 'gwen', action: 'recordsExport', target: 'sam', outcome: 'done' },
      { actor: 'gwen', action: 'recordsExport', target: 'sam', outcome: 'done' },
    ]);
  });

  it('says what is wrong with an id that is no user id, and that nothing is held about an unknown one', async () => {
    // Prepare
    const { signedIn } = testApp();
    const gwen = await signedIn('gwen');

    // Act
    const bad = await gwen.get('/records?person=%3Cscript%3E');
    const unknown = await gwen.get('/records?person=nobody-at-all');

    // Assess
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('href="#person"');
    expect(bad.body).toContain('value="&lt;script&gt;"');
    expect(unknown.statusCode).toBe(404);
    expect(textOf(unknown.body, /data-testid="nothing-held">([\s\S]*?)<\/div>/)).toBe(
      'Nothing is held about a person with the user id nobody-at-all.',
    );
  });

  it('erases a person after a confirmation with a reason: their sessions end and the trail records it', async () => {
    // Prepare
    const { signedIn, sessions } = testApp();
    const rhys = await signedIn('rhys');
    const href = experimentPath(await rhys.submitIdea(ideaForm()));
    const gwen = await signedIn('gwen');

    // Act
    const confirm = await gwen.get('/records/erasure?person=rhys');
    const noReason = await gwen.post('/records/erasure', { person: 'rhys', reason: ' ' });
    const erased = await gwen.post('/records/erasure', {
      person: 'rhys',
      reason: 'Erasure request ER-2026-14',
    });
    const rhysAfter = await rhys.get('/experiments');
    const again = await gwen.post('/records/erasure', {
      person: 'rhys',
      reason: 'Erasure request ER-2026-14',
    });
    const exp = await gwen.get(href);

    // Assess
    expect(h1(confirm.body)).toBe('Erase the records of rhys?');
    expect(confirm.body).toContain('govuk-warning-text');
    expect(confirm.body).toContain('You cannot undo an erasure.');
    expect(confirm.body).toContain('they will be signed out on every device at once');
    expect(confirm.body).toMatch(/name="_csrf" value="[^"]+"/);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain(
      'Enter the reason for erasing this person&#39;s records, between 5 and 2,000 characters',
    );
    expect(erased.statusCode).toBe(200);
    expect(erased.body).toContain('govuk-panel--confirmation');
    expect(textOf(erased.body, /<h1[^>]*>([\s\S]*?)<\/h1>/)).toBe('Records erased');
    expect(textOf(erased.body, /data-testid="erased">([\s\S]*?)<\/p>/)).toBe(
      'Their user id and name were removed from 1 experiment (2 places in all).',
    );
    expect(erased.body).toContain('Their sessions have ended: they are signed out on every device.');
    expect(rhysAfter.statusCode).toBe(303);
    expect(rhysAfter.headers.location).toBe('/sign-in?returnTo=%2Fexperiments');
    expect(textOf(again.body, /data-testid="erased">([\s\S]*?)<\/p>/)).toBe(
      'Nothing named them any more: their records had already been erased.',
    );
    expect(exp.body).not.toContain('Rhys');
    expect((await sessions.list(0)).map((s) => s.user.id)).not.toContain('rhys');
    expect(await auditTrail({ action: 'erasure', target: 'rhys' })).toHaveLength(2);
    expect(await auditTrail({ action: 'sessionEnded', target: 'rhys' })).toEqual([
      { actor: 'gwen', action: 'sessionEnded', target: 'rhys', outcome: 'done' },
    ]);
  });

  it('refuses every governance page to anyone else, before reading the form, and erases nothing', async () => {
    // Prepare
    const { signedIn } = testApp();
    const sam = await signedIn('sam');
    await sam.submitIdea(ideaForm());
    const carys = await signedIn('carys');
    const owen = await signedIn('owen');
    const before = await auditTrail({ target: 'sam' });

    // Act
    const pages = [];
    for (const person of [sam, carys, owen]) {
      await person.get('/');
      pages.push(
        await person.get('/records'),
        await person.get('/records?person=sam'),
        await person.get('/records/download.json?person=sam'),
        await person.get('/records/erasure?person=sam'),
        await person.post('/records/erasure', { person: 'sam', reason: 'Not allowed to do this' }),
      );
    }

    // Assess
    expect(pages.map((page) => page.statusCode)).toEqual(Array(15).fill(403));
    expect(h1(pages[0]?.body ?? '')).toBe('You cannot see this page');
    expect(await auditTrail({ target: 'sam' })).toEqual(before);
    expect((await sam.get('/experiments')).statusCode).toBe(200);
  });
});
