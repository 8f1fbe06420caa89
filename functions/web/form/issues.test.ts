import { describe, expect, it } from 'vitest';
import { decisionSchema, toIssues } from '#shared/domain/schemas.ts';
import { cy } from '../i18n/cy.ts';
import { en } from '../i18n/en.ts';
import { localiseIssue } from './issues.ts';
import { parseAmount } from './numbers.ts';
import { validateSubmission } from './submission.ts';

const LONG = 'x'.repeat(2001);

// Forms that between them trip every message the idea form can show.
const BAD_FORMS: Record<string, string>[] = [
  {},
  {
    title: 'ab',
    problem: LONG,
    'hypothesis.weBelieve': LONG,
    'hypothesis.toTestIt': LONG,
    'hypothesis.measure': LONG,
    'hypothesis.rightIf': LONG,
    'card.safeguarding': 'maybe',
    'card.extraCost': '12.345',
    'card.peopleInvolved': '2.5',
    'card.durationWeeks': '53',
    'card.staffHours': '0.001',
  },
  {
    'card.extraCost': '-1',
    'card.peopleInvolved': 'lots',
    'card.durationWeeks': '0',
    'card.staffHours': '100001',
  },
  { 'card.extraCost': '10000001', 'card.peopleInvolved': '1000001', 'card.durationWeeks': '4.5' },
];

const issuesOf = (form: Record<string, string>) => {
  const result = validateSubmission(form);
  return result.ok ? [] : result.issues;
};

describe('validation messages in the page language', () => {
  it("match the API's own English messages exactly, for every kind of problem", () => {
    // Prepare
    const issues = BAD_FORMS.flatMap(issuesOf);

    // Act
    const mismatched = issues.filter((issue) => localiseIssue(issue, en) !== issue.message);

    // Assess
    expect(issues.length).toBeGreaterThan(40);
    expect(mismatched).toEqual([]);
  });

  it('are all in Welsh in Welsh, with no English left over', () => {
    // Prepare
    const issues = BAD_FORMS.flatMap(issuesOf);

    // Act
    const english = issues.filter((issue) => localiseIssue(issue, cy) === issue.message);

    // Assess
    expect(english).toEqual([]);
  });

  it("cover the manager's decision form too", () => {
    // Prepare
    const issuesFor = (body: unknown) => {
      const parsed = decisionSchema.safeParse(body);
      return parsed.success ? [] : toIssues(parsed.error);
    };
    const issues = [
      ...issuesFor({ outcome: 'decline', conditions: 'x' }),
      ...issuesFor({ outcome: 'decline', reason: LONG }),
      ...issuesFor({}),
    ];

    // Act
    const welsh = issues
      .filter((issue) => issue.path !== 'conditions')
      .map((issue) => localiseIssue(issue, cy));

    // Assess
    expect(welsh).toEqual([
      'Rhowch y rheswm dros wrthod y syniad hwn',
      "Rhaid i'r rheswm fod yn 2,000 nod neu lai",
      "Dewiswch a ydych chi'n cymeradwyo neu'n gwrthod y syniad hwn",
    ]);
  });
});

describe('reading numbers as people type them', () => {
  it('takes pounds signs, commas and spaces, and tells empty from nonsense', () => {
    // Prepare
    const typed = ['£1,250', ' 7.5 ', '0', '', '  ', 'ten', '1e3', '-4'];

    // Act
    const read = typed.map(parseAmount);

    // Assess
    expect(read).toEqual([1250, 7.5, 0, undefined, undefined, Number.NaN, Number.NaN, -4]);
  });
});
