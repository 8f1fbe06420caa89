import { describe, expect, it } from 'vitest';
import { experimentPath, h1, ideaForm, textOf } from '#test/support/web/client.ts';
import { auditTrail, useWebSystem } from '#test/support/web/system.ts';

const testApp = useWebSystem();

const REMOVED = '[Removed by information governance]';

describe('removing the text of a field (information governance)', () => {
  it('offers each free-text field on the experiment page, and removes one with a reason, in the history too', async () => {
    // Prepare
    const { client } = testApp();
    const sam = client();
    await sam.signInAs('sam');
    const href = experimentPath(await sam.submitIdea(ideaForm({ extraCost: '900' })));
    const id = href.split('/').at(-1) ?? '';
    const gwen = client();
    await gwen.signInAs('gwen');

    // Act
    const before = await gwen.get(href);
    const form = await gwen.get(`${href}/redact?field=problem`);
    const noReason = await gwen.post(`${href}/redactions`, { field: 'problem', reason: '' });
    const done = await gwen.post(`${href}/redactions`, {
      field: 'problem',
      reason: 'It held a phone number',
    });
    const after = await gwen.get(done.headers.location ?? '');
    const samSees = await sam.get(href);

    // Assess
    const offered = textOf(before.body, /data-testid="redactions">([\s\S]*?)<\/dl>/);
    expect(offered).toContain('What is wrong today? Families referred on a Friday');
    expect(offered).toContain('Remove text from What is wrong today?');
    expect(before.body).toContain(`href="${href}/redact?field=hypothesis.toTestIt"`);
    expect(h1(form.body)).toBe('Remove the text of a field');
    expect(textOf(form.body, /data-testid="field">([\s\S]*?)<\/p>/)).toBe('What is wrong today?');
    expect(textOf(form.body, /data-testid="text">([\s\S]*?)<\/div>/)).toMatch(
      /^Families referred on a Friday/,
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain(
      'Enter the reason for removing this text, between 5 and 2,000 characters',
    );
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(href);
    expect(after.body).toContain('The text of What is wrong today? was removed.');
    expect(after.body).toContain(`<p class="govuk-body ff-pre-line">${REMOVED}</p>`);
    const history = textOf(after.body, /data-testid="history">([\s\S]*?)<\/ol>/);
    expect(history).toMatch(
      /^Text removed by information governance .* by Gwen Lloyd Removed the text of “What is wrong today\?”: It held a phone number/,
    );
    expect(samSees.body).not.toContain('Families referred on a Friday');
    expect(samSees.body).not.toContain('data-testid="redactions"');
    expect(await auditTrail({ action: 'redaction', target: id })).toEqual([
      { actor: 'gwen', action: 'redaction', target: id, outcome: 'done' },
    ]);
  });

  it('refuses a reason that repeats personal details, and a field that holds no text', async () => {
    // Prepare
    const { client } = testApp();
    const sam = client();
    await sam.signInAs('sam');
    const href = experimentPath(await sam.submitIdea(ideaForm()));
    const gwen = client();
    await gwen.signInAs('gwen');
    await gwen.get(`${href}/redact?field=title`);

    // Act
    const personal = await gwen.post(`${href}/redactions`, {
      field: 'title',
      reason: 'It held the number 07700 900123',
    });
    const noSuchField = await gwen.get(`${href}/redact?field=cycles.9.observed`);
    const unchanged = await gwen.get(href);

    // Assess
    expect(personal.statusCode).toBe(400);
    expect(personal.body).toContain(
      'Remove the personal details from your reason: describe them, do not repeat them',
    );
    expect(noSuchField.statusCode).toBe(404);
    expect(h1(unchanged.body)).toBe('Evening calls to new referrals');
  });

  it('refuses anyone else before reading the form, records the refusal, and changes nothing', async () => {
    // Prepare
    const { client } = testApp();
    const sam = client();
    await sam.signInAs('sam');
    const href = experimentPath(await sam.submitIdea(ideaForm()));
    const id = href.split('/').at(-1) ?? '';
    const carys = client();
    await carys.signInAs('carys');

    // Act
    const pages = [];
    for (const person of [sam, carys]) {
      await person.get(href);
      pages.push(
        await person.get(`${href}/redact?field=problem`),
        await person.post(`${href}/redactions`, { field: 'problem', reason: 'Not allowed to do this' }),
      );
    }
    const after = await sam.get(href);

    // Assess
    expect(pages.map((page) => page.statusCode)).toEqual([403, 403, 403, 403]);
    expect(after.body).toContain('Families referred on a Friday');
    expect(after.body).not.toContain('data-testid="redactions"');
    expect(await auditTrail({ action: 'redaction', target: id })).toEqual([]);
    expect(await auditTrail({ action: 'changeRefused', target: id })).toEqual([
      { actor: 'carys', action: 'changeRefused', target: id, outcome: 'forbidden' },
      { actor: 'sam', action: 'changeRefused', target: id, outcome: 'forbidden' },
    ]);
  });
});
