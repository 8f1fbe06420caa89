import { describe, expect, it } from 'vitest';
import { h1, ideaForm, textOf } from '#test/support/web/client.ts';
import { auditTrail, useWebSystem } from '#test/support/web/system.ts';

const testApp = useWebSystem();

const escalate = async (title = 'Parent-to-parent buddy scheme') => {
  const { client, calls } = testApp();
  const sam = client();
  await sam.signInAs('sam');
  const submitted = await sam.submitIdea({
    ...ideaForm({ extraCost: '900', personalData: 'yes' }),
    title,
  });
  const id = (submitted.headers.location ?? '').split('/')[2] ?? '';
  const megan = client();
  await megan.signInAs('megan');
  return { sam, megan, id, calls, client };
};

describe('the case page', () => {
  it('shows the answers with the escalating ones highlighted and the reasons', async () => {
    // Prepare
    const { megan, id } = await escalate();

    // Act
    const page = await megan.get(`/queue/${id}`);
    const answers = page.body.slice(page.body.indexOf('data-testid="answers"'));

    // Assess
    expect(h1(page.body)).toBe('Parent-to-parent buddy scheme');
    expect(page.body).toContain('Idea from Sam Patel, Early help');
    expect(textOf(page.body, /data-testid="reasons">([\s\S]*?)<\/ul>/)).toBe(
      "Personal information: uses people's personal information in a new way Extra money: £900 in total, above the card's limit of £500",
    );
    expect((answers.match(/ff-summary-row--outside/g) ?? []).length).toBe(2);
    expect(page.body).toMatch(/<form method="post" action="\/queue\/[^"]+\/decision" novalidate>/);
  });

  it('needs a reason to decline, and keeps what was typed', async () => {
    // Prepare
    const { megan, id, calls } = await escalate();
    await megan.get(`/queue/${id}`);

    // Act
    const page = await megan.post(`/queue/${id}/decision`, {
      outcome: 'decline',
      conditions: 'typed in the other box',
    });

    // Assess
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('<a href="#reason">Enter the reason for declining this idea</a>');
    expect(page.body).toMatch(/value="decline" checked/);
    expect(calls.decide).toBe(0);
  });

  it('approves with conditions, thanks the manager in the queue, and the owner sees the approval', async () => {
    // Prepare
    const { sam, megan, id } = await escalate();
    await megan.get(`/queue/${id}`);

    // Act
    const decided = await megan.post(`/queue/${id}/decision`, {
      outcome: 'approve',
      conditions: 'Review it with me after two weeks',
      reason: 'ignored: this box belongs to decline',
    });
    const queue = await megan.get(decided.headers.location ?? '');
    const again = await megan.get('/queue');
    const owner = await sam.get(`/experiments/${id}`);

    // Assess
    expect(decided.statusCode).toBe(303);
    expect(textOf(queue.body, /govuk-notification-banner__content">([\s\S]*?)<\/div>/)).toBe(
      'You approved "Parent-to-parent buddy scheme".',
    );
    expect(again.body).not.toContain('govuk-notification-banner');
    expect(textOf(owner.body, /data-testid="status">([\s\S]*?)<\/p>/)).toBe('Can go ahead');
    expect(owner.body).toContain('Review it with me after two weeks');
    expect(owner.body).not.toContain('ignored: this box belongs to decline');
  });

  it('says the idea is no longer waiting when someone else decided first', async () => {
    // Prepare
    const { megan, id, client } = await escalate();
    const leader = client();
    await leader.signInAs('carys');
    await megan.get(`/queue/${id}`);
    await leader.get(`/queue/${id}`);
    await leader.post(`/queue/${id}/decision`, { outcome: 'decline', reason: 'Too big for a first test' });

    // Act
    const page = await megan.post(`/queue/${id}/decision`, { outcome: 'approve' });

    // Assess
    expect(page.statusCode).toBe(409);
    expect(h1(page.body)).toBe('This idea is no longer waiting for a decision');
  });

  it('needs the CSRF token: a forged decision is refused with 403 and changes nothing', async () => {
    // Prepare
    const { megan, id, calls } = await escalate();
    await megan.get(`/queue/${id}`);

    // Act
    const missing = await megan.postRaw(`/queue/${id}/decision`, { outcome: 'approve' });
    const wrong = await megan.postRaw(`/queue/${id}/decision`, { outcome: 'approve', _csrf: 'x'.repeat(32) });

    // Assess
    expect(missing.statusCode).toBe(403);
    expect(wrong.statusCode).toBe(403);
    expect(h1(missing.body)).toBe('Your form could not be sent');
    expect(calls.decide).toBe(0);
  });

  it('refuses the case page to someone who decides nothing, and records it when the idea exists', async () => {
    // Prepare
    const { sam, id } = await escalate();
    const unknown = crypto.randomUUID();
    const refusedBefore = await auditTrail({ target: id, action: 'readRefused' });

    // Act
    const page = await sam.get(`/queue/${id}`);
    const nothing = await sam.get(`/queue/${unknown}`);

    // Assess
    expect(page.statusCode).toBe(403);
    expect(nothing.statusCode).toBe(403);
    expect(await auditTrail({ target: id, action: 'readRefused' })).toEqual([
      { actor: 'sam', action: 'readRefused', target: id, outcome: 'forbidden' },
      ...refusedBefore,
    ]);
    expect(await auditTrail({ target: unknown, action: 'readRefused' })).toEqual([]);
  });
});
