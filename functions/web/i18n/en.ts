/**
 * The English message catalogue. The card's labels, answers, topics, reasons and validation messages,
 * and the other fields' validation messages, come from `shared/domain` (`card.ts`, `field-messages.ts`),
 * so the pages say exactly what the product spec and the JSON API say. `cy.ts` must have the same shape:
 * the `Messages` type makes a missing Welsh string a type error.
 */
import {
  COMMITMENT_QUESTION,
  EN_AMOUNTS,
  CHOICE_QUESTIONS as Q,
  THRESHOLD_QUESTIONS as T,
  UNRECOGNISED_ANSWER,
} from '#shared/domain/card.ts';
import { COVER_MESSAGES } from '#shared/domain/cover.ts';
import { FIELD_MESSAGES as F, POLICY_NUMBER_MESSAGES as P } from '#shared/domain/field-messages.ts';
import { ALLOWANCE_REASON } from '#shared/domain/reasons.ts';
import { teamNames } from '#shared/domain/teams.ts';
import { governanceEn } from './governance-en.ts';
import { LANGUAGES } from './languages.ts';
import { statementsEn } from './statements-en.ts';

/** The safety sentences, each said the same way wherever it belongs. */
const WAIT_FOR_MANAGER = 'Do not start your test until a manager approves it.';
const SAFEGUARDING_NOW = 'If someone may be at risk now, follow your safeguarding procedures straight away.';
const WITHIN = "within the card's limits";

export const en = {
  ...LANGUAGES.en,
  /** Shown on every page when the catalogue is a draft translation; empty when it is not. */
  draftNotice: '',
  draftTag: '',

  service: {
    name: 'Fail Forward',
    organisation: 'Monmouthshire County Council',
    titleSuffix: 'Fail Forward – Monmouthshire County Council',
  },

  layout: {
    skipLink: 'Skip to main content',
    menu: 'Menu',
    navigationLabel: 'Fail Forward menu',
    serviceInformation: 'Service information',
    languageLabel: 'Language',
    signedInAs: (name: string) => `Signed in as ${name}`,
    signIn: 'Sign in',
    signOut: 'Sign out',
    back: 'Back',
    errorPrefix: 'Error:',
    footerLinks: 'Support links',
    footerAbout: 'About the prompt card',
    copyright: '© Monmouthshire County Council',
    phaseTag: 'Beta',
    phaseText: 'This is a new service. Tell your manager what would make it better.',
  },

  nav: {
    submit: 'Submit an idea',
    experiments: 'Your experiments',
    queue: 'Ideas waiting for you',
    dashboard: 'Dashboard',
    log: 'Experiment log',
    people: 'People signed in',
    policy: 'Card limits',
    library: 'Learning library',
  },

  common: {
    continue: 'Continue',
    change: 'Change',
    yes: 'Yes',
    notAnswered: 'Not answered',
    empty: 'None',
    /** Mid-sentence: "by the prompt card". */
    theCard: 'the prompt card',
    system: 'Fail Forward',
    /** Who did something, once their name was removed (anonymised or erased); after "by" (historyBy). */
    nameRemoved: 'someone whose name was removed',
    previous: 'Previous',
    next: 'Next',
    errorSummaryTitle: 'There is a problem',
    /** The safety sentences (section 1 of the content review), shown wherever they belong. */
    waitForManager: WAIT_FOR_MANAGER,
    safeguardingNow: SAFEGUARDING_NOW,
    warning: 'Warning',
  },

  /** Times the GOV.UK way: "5:19am on 1 December 2026", "midday", "midnight". */
  time: {
    am: 'am',
    pm: 'pm',
    midday: 'midday',
    midnight: 'midnight',
    at: (time: string, date: string) => `${time} on ${date}`,
  },

  /** A date typed into the GOV.UK date input. */
  dateInput: { day: 'Day', month: 'Month', year: 'Year' },

  teams: teamNames('en'),

  roles: { staff: 'staff', manager: 'manager', leader: 'leader', governance: 'information governance' },

  statuses: {
    assessing: 'Being checked',
    authorised: 'Can go ahead',
    escalated: 'With a manager',
    declined: 'Declined',
    testing: 'Testing',
    adopted: 'Recommended',
    abandoned: 'Stopped',
  },

  events: {
    submitted: 'Submitted',
    authorised: 'Allowed by the card',
    escalated: 'Sent to a manager',
    raisedToLeaders: 'Passed to leaders',
    approved: 'Approved',
    declined: 'Declined',
    cycleRecorded: 'Test recorded',
    reminded: 'Reminder sent',
    failed: 'Something went wrong',
    continued: 'Carried on automatically',
    redacted: 'Text removed by information governance',
    incidentReported: 'Serious incident reported to managers and leaders',
  },

  eventDetails: {
    authorised: `Every answer is ${WITHIN}.`,
    /** An escalation whose reasons were not kept (written before they were). */
    escalated: `Some answers were outside the card's limits.`,
    changesOutside: (test: string) => `The changes recorded with test ${test} are outside the card's limits:`,
    cycle: (test: string, learned: string) => `Test ${test}: ${learned}`,
    reminded: 'The review date passed, so a reminder to record what happened was sent.',
    raisedToLeaders: 'Nobody decided by the deadline, so a leader can now decide it.',
    failed: 'A step failed. The team that runs Fail Forward can see it and will put it right.',
    redacted: (field: string, reason: string) => `Removed the text of “${field}”: ${reason}`,
  },

  amounts: EN_AMOUNTS,

  card: {
    unrecognised: UNRECOGNISED_ANSWER,
    allowance: ALLOWANCE_REASON,
    safeguarding: {
      label: Q.safeguarding.label,
      short: Q.safeguarding.short,
      hint: SAFEGUARDING_NOW,
      answers: Q.safeguarding.answerLabels,
      error: Q.safeguarding.errorMessage,
      reasons: Q.safeguarding.reasons,
    },
    lawful: {
      label: Q.lawful.label,
      short: Q.lawful.short,
      hint: 'If you do not know, answer "Not sure": a manager can check it with you.',
      answers: Q.lawful.answerLabels,
      error: Q.lawful.errorMessage,
      reasons: Q.lawful.reasons,
    },
    personalData: {
      label: Q.personalData.label,
      short: Q.personalData.short,
      hint: 'For example, sharing it with someone new, or using it for something people were not told about.',
      answers: Q.personalData.answerLabels,
      error: Q.personalData.errorMessage,
      reasons: Q.personalData.reasons,
    },
    consent: {
      label: Q.consent.label,
      short: Q.consent.short,
      hint: 'Families, children and anyone else the test involves.',
      notApplicableHint:
        "Only when no families, children or other members of the public take part, for example a change to your team's own paperwork.",
      answers: Q.consent.answerLabels,
      error: Q.consent.errorMessage,
      reasons: Q.consent.reasons,
    },
    reversible: {
      label: Q.reversible.label,
      short: Q.reversible.short,
      hint: 'For example, you could stop the calls and go back to letters the same day.',
      answers: Q.reversible.answerLabels,
      error: Q.reversible.errorMessage,
      reasons: Q.reversible.reasons,
    },
    frontPage: {
      label: Q.frontPage.label,
      short: Q.frontPage.short,
      hint: 'If you would rather any of them did not find out, answer no.',
      answers: Q.frontPage.answerLabels,
      error: Q.frontPage.errorMessage,
      reasons: Q.frontPage.reasons,
    },
    extraCost: {
      label: T.extraCost.label,
      short: T.extraCost.short,
      prefix: '£',
      suffix: '',
      hint: (limit: string) =>
        `In total, for this test: money your team's normal budget does not already cover. Up to ${limit} is ${WITHIN}. Enter 0 if it needs none.`,
      errors: T.extraCost.errors,
      reason: T.extraCost.reason,
    },
    peopleInvolved: {
      label: T.peopleInvolved.label,
      short: T.peopleInvolved.short,
      prefix: '',
      suffix: 'people or families',
      hint: (limit: string) =>
        `In total, for this test. Count each family once. Up to ${limit} is ${WITHIN}.`,
      errors: T.peopleInvolved.errors,
      reason: T.peopleInvolved.reason,
    },
    durationWeeks: {
      label: T.durationWeeks.label,
      short: T.durationWeeks.short,
      prefix: '',
      suffix: 'weeks',
      hint: (limit: string) =>
        `From the day the test starts to the day you review it. Up to ${limit} is ${WITHIN}.`,
      errors: T.durationWeeks.errors,
      reason: T.durationWeeks.reason,
    },
    staffHours: {
      label: T.staffHours.label,
      short: T.staffHours.short,
      prefix: '',
      suffix: 'hours',
      hint: (limit: string) =>
        `In total, for this test, added up for everyone involved: time on top of their usual work. Up to ${limit} is ${WITHIN}. Enter 0 if it needs none.`,
      errors: T.staffHours.errors,
      reason: T.staffHours.reason,
    },
    commitToShare: {
      label: COMMITMENT_QUESTION.label,
      short: 'Recording what you learn',
      legend: 'Sharing what you learn',
      error: COMMITMENT_QUESTION.errorMessage,
      yes: 'Yes',
    },
  },

  fields: {
    title: {
      label: 'Give your idea a short title',
      hint: 'For example, "Evening calls to new referrals". Use between 5 and 120 characters.',
      short: 'Title',
      errors: F.title,
    },
    problem: {
      label: 'What is wrong today?',
      hint: 'Describe the problem the families or your team have now, in a few sentences. Describe people, do not name them.',
      short: 'What is wrong today?',
      errors: F.problem,
    },
    weBelieve: {
      label: 'What change do you think will help?',
      hint: 'For example, "a short call on the evening a referral arrives".',
      short: 'What change will help?',
      errors: F.weBelieve,
    },
    toTestIt: {
      label: 'How will you test it?',
      hint: 'What you will do, with whom, and for how long.',
      short: 'How will it be tested?',
      errors: F.toTestIt,
    },
    measure: {
      label: 'What will you measure?',
      hint: 'What you will count or look at to see whether it worked.',
      short: 'What will be measured?',
      errors: F.measure,
    },
    rightIf: {
      label: 'What result would show it works?',
      hint: 'For example, "seven of ten families take up the first appointment".',
      short: 'What result would show it works?',
      errors: F.rightIf,
    },
    incident: {
      errors: { enter: 'Select whether anything went wrong for anyone taking part' },
    },
    incidentDetail: {
      errors: {
        enter: 'Enter what went wrong',
        tooLong: 'What went wrong must be 2,000 characters or fewer',
        notWanted: 'Only say what went wrong when something did: leave this out when nothing went wrong',
      },
    },
    outcome: { errors: F.outcome },
    reason: { errors: F.reason },
    conditions: { errors: F.conditions },
    result: { errors: F.result },
    observed: { errors: F.observed },
    learned: { errors: F.learned },
    next: { errors: F.next },
    decisionDeadlineDays: { errors: P.decisionDeadlineDays },
    policyReason: { errors: F.policyReason },
  },

  cycle: {
    title: 'Record what happened',
    link: 'Record what happened',
    intro: 'Write down what you saw and learned from this test, whether it worked or not.',
    resultLegend: 'Did it work?',
    results: { worked: 'Yes, it worked', didNotWork: 'No, it did not work', unclear: 'It is not clear yet' },
    observedLabel: 'What did you see?',
    observedHint:
      'What happened, for the families and for your team. Numbers help. Describe people, do not name them.',
    learnedLabel: 'What did you learn?',
    learnedHint: 'What you would tell a colleague trying something similar.',
    nextLegend: 'What happens next?',
    nextSteps: {
      adapt: 'Change it and test again',
      adopt: 'Recommend making it normal practice',
      abandon: 'Stop it and keep what we learned',
    },
    nextHints: {
      adapt: 'Run another test. If any answer on the card changes, record it below.',
      adopt:
        "The test ends here. Your team's managers are told, so they can decide whether it becomes normal practice.",
      abandon: 'The test ends here. What you learned stays in the log for others.',
    },
    changesHeading: 'If you change it and test again',
    changesIntro:
      'If any answer on the card changes, for a safety question, the money, the people, the weeks or the staff hours, you must record the new answer below.',
    changesLimits:
      "The card's limits do not start again for a new test: give the new totals for the whole test, including what has already been used.",
    changesEscalate: `If a new answer is outside the card's limits, a manager needs to decide. ${WAIT_FOR_MANAGER}`,
    changesSummary: 'Record new answers on the card',
    noChange: 'No change',
    currently: (answer: string) => `Now: ${answer}`,
    button: 'Save this test',
    recordedFlash: (n: string) => `Test ${n} is recorded.`,
    escalatedFlash: (n: string) =>
      `Test ${n} is recorded. The changes are outside the card's limits, so a manager needs to decide. ${WAIT_FOR_MANAGER}`,
    adoptedFlash: (n: string) =>
      `Test ${n} is recorded. Your team's managers have been told that you recommend making it normal practice.`,
    closedFlash: (n: string) => `Test ${n} is recorded and the experiment is closed.`,
    notNowTitle: 'You cannot record a test for this experiment now',
    incidentLegend: 'Did anything go wrong for anyone taking part?',
    incidentHint: 'For example, someone was upset, put at risk, or did not get a service they needed.',
    incidents: {
      none: 'No, nothing went wrong',
      minor: 'Yes, something minor went wrong',
      serious: 'Yes, something serious went wrong',
    },
    incidentHints: {
      minor: 'It was put right quickly and nobody was harmed.',
      serious:
        "Someone was harmed or put at risk. Managers and leaders are told at once, and any limits of your team's own are taken back.",
    },
    incidentDetailLabel: 'What went wrong?',
    incidentDetailHint:
      'Only if something went wrong: what happened, to whom (no names), and what you did about it.',
  },

  dashboard: {
    title: 'Dashboard',
    intro: 'How the prompt card is being used: every idea submitted, by month and by team.',
    filtersHeading: 'Filter the dashboard',
    team: 'Team',
    anyTeam: 'All teams',
    fromMonth: 'From',
    toMonth: 'To',
    monthHint: 'For example, 3 2025',
    apply: 'Apply filters',
    clear: 'Clear filters',
    fromError: 'The start month must be a real month and year, like 3 2025',
    toError: 'The end month must be a real month and year, like 3 2025',
    orderError: 'The end month must be the same as or after the start month',
    figuresHeading: 'Headline figures',
    submitted: 'Ideas submitted',
    byCard: 'Allowed by the card, without a manager',
    medianTime: 'Half of the ideas could go ahead within',
    cycles: 'Tests recorded for each idea, on average',
    adopted: 'Recommended for normal practice',
    abandoned: 'Stopped',
    testing: 'Being tested now',
    noMedian: 'Not yet known',
    hours: (formatted: string, n: number) => `${formatted} ${n === 1 ? 'hour' : 'hours'}`,
    byMonthHeading: 'Ideas by month',
    byTeamHeading: 'Ideas by team',
    chartLegendCard: 'Allowed by the card',
    chartLegendManager: 'Went to a manager',
    tableMonth: 'Month',
    tableTeam: 'Team',
    tableSubmitted: 'Submitted',
    tableByCard: 'Allowed by the card',
    tableManager: 'Went to a manager',
    tableAdopted: 'Recommended',
    showTable: (what: string) => `Show the numbers for ${what.toLowerCase()} as a table`,
    monthSummary: (months: string, total: string, busiest: string, busiestCount: string) =>
      `${total} ideas over ${months}. The busiest month was ${busiest}, with ${busiestCount}.`,
    teamSummary: (teams: string, total: string, busiest: string, busiestCount: string) =>
      `${total} ideas from ${teams}. The team with the most was ${busiest}, with ${busiestCount}.`,
    counted: (n: number, formatted: string) => (n === 1 ? `${formatted} month` : `${formatted} months`),
    countedTeams: (n: number, formatted: string) => (n === 1 ? `${formatted} team` : `${formatted} teams`),
    empty: 'No ideas have been submitted in this period.',
    download: 'Download the experiment log (CSV)',
  },

  policyForm: {
    heading: 'Publish new card limits',
    intro:
      'Change the limits, then preview how past ideas would have been answered before you publish. The six safety questions cannot be changed here.',
    deadlineLabel: 'Days a manager has to decide',
    deadlineSuffix: 'days',
    reasonLabel: 'Why are you changing the limits?',
    reasonHint: 'Everyone can read this next to the new version.',
    preview: 'Preview the effect',
    previewTitle: (v: string) => `What version ${v} of the card limits would change`,
    previewSummary: (considered: string, authorised: string, escalated: string) =>
      `Of the last ${considered} ideas submitted, ${authorised} would be allowed by the card and ${escalated} would go to a manager.`,
    changedHeading: 'Ideas whose answer would change',
    noneChanged: 'No past idea would get a different answer.',
    columns: { idea: 'Idea', team: 'Team', was: 'Answer then', wouldBe: 'Answer with the draft' },
    decisions: { authorised: 'Allowed by the card', escalated: 'Went to a manager' },
    draftHeading: 'The draft',
    fromTo: (from: string, to: string) => (from === to ? `${to} (no change)` : `${from}, changing to ${to}`),
    publish: (v: string) => `Publish version ${v}`,
    edit: 'Change the draft',
    publishedFlash: (v: string) =>
      `Version ${v} of the card limits is published. New ideas are checked against it.`,
    raceError: 'Someone published new card limits at the same moment. Check them and try again.',
    limitLabels: {
      extraCost: 'Most extra money the card allows',
      peopleInvolved: 'Most people or families the card allows',
      durationWeeks: 'Most weeks before a review the card allows',
      staffHours: 'Most extra staff hours the card allows',
    },
    limitErrors: {
      extraCost: P.extraCost,
      peopleInvolved: P.peopleInvolved,
      durationWeeks: P.durationWeeks,
      staffHours: P.staffHours,
    },
  },

  start: {
    title: 'Try out a new idea with the prompt card',
    lead: "Fail Forward is Monmouthshire's Fail Fast Fail Forward prompt card, online.",
    p1: 'If you work with children, young people or families and have an idea for doing something better, you can often test it straight away, without asking a manager first.',
    p2: `The card asks six questions about safety and four about size. If every answer is ${WITHIN}, you can start your test. If any answer is outside them, a manager of your team decides first.`,
    howTitle: 'How it works',
    steps: [
      'Describe your idea and the problem it solves.',
      'Write your test plan: the change you think will help, how you will test it, what you will measure and the result that would show it works.',
      'Answer the questions on the prompt card.',
      'Get the answer at once: either you can go ahead, or a manager of your team needs to decide first, and you are told why.',
      'Run the test, then record what happened, whether it worked or not, so that everyone can learn from it.',
    ],
    questionsTitle: 'The six safety questions',
    questionsIntro: `Your idea is ${WITHIN} only if every one of these has the answer shown.`,
    questionsCaption: "The six safety questions, and the answer within the card's limits",
    questionColumn: 'Question',
    answerColumn: "Answer within the card's limits",
    needs: {
      safeguarding: 'No',
      lawful: 'Yes',
      personalData: 'No',
      consent: 'Yes, or it does not apply because nobody outside your team takes part',
      reversible: 'Yes',
      frontPage: 'Yes',
    },
    limitsTitle: "The card's limits today",
    limitsIntro: 'It must also need no more than this, in total, for the test:',
    limitsDeadline: (days: string) => `If a manager needs to decide, they have ${days} to do it.`,
    days: (n: number, formatted: string) => `${formatted} ${n === 1 ? 'day' : 'days'}`,
    failTitle: 'Failing is allowed',
    failText:
      'A test that does not work is not a failure if you record what you learned. The card exists so that good ideas are tried quickly and safely, and what we learn is shared.',
    startButton: 'Start now',
  },

  signIn: {
    title: 'Sign in',
    demoIntro:
      "This copy of Fail Forward runs on one computer for trying it out. Choose who you want to be. On the council's service you sign in with your council account.",
    legend: 'Who do you want to sign in as?',
    userLabel: (name: string, team: string, roles: string) => `${name}, ${team} (${roles})`,
    button: 'Sign in',
    error: 'Select who you want to sign in as',
    cognitoIntro: 'Sign in with your Monmouthshire County Council account.',
    expiredIdle: 'You were signed out because you did nothing for 30 minutes. Sign in again to carry on.',
    expiredAbsolute:
      'You were signed out because you had been signed in for 8 hours. Sign in again to carry on.',
    signedOut: 'You have signed out.',
    notificationTitle: 'Important',
    failed: 'We could not sign you in. Try again.',
  },

  submit: {
    title: 'Submit an idea',
    caption: 'Submit an idea',
    idea: {
      title: 'Describe your idea',
      intro: 'Your answers are kept as you go, until you submit your idea or sign out.',
    },
    plan: {
      title: 'Your test plan',
      intro: 'Write your idea as a test you can learn from, whether it works or not.',
    },
    card: {
      title: 'Answer the questions on the prompt card',
      intro: `Answer every question honestly. If every answer is ${WITHIN}, you can start your test without asking a manager. If any answer is outside them, a manager of your team decides first.`,
      totals:
        "The numbers are totals for this test. If you later change it and test again, the card's limits do not start again.",
      version: (version: string) =>
        `Your answers are checked against version ${version} of the card's limits.`,
    },
    continue: 'Continue',
    preview: {
      title: 'Your card so far',
      intro:
        "Which answers are within the card's limits, and which would need a manager. It changes as you answer.",
      inside: 'Within the limits',
      outside: 'Needs a manager',
      notAnswered: 'Not answered yet',
      allInside: "So far every answer is within the card's limits.",
      someOutside: (count: string) =>
        count === '1'
          ? '1 answer so far means a manager needs to decide.'
          : `${count} answers so far mean a manager needs to decide.`,
    },
    alreadySubmitted:
      'You have already submitted this idea with different answers. Submit it again to make it a new idea.',
  },

  check: {
    title: 'Check your answers before submitting your idea',
    ideaHeading: 'Your idea',
    planHeading: 'Your test plan',
    cardHeading: 'The prompt card',
    insideTitle: `Every answer is ${WITHIN}`,
    insideText:
      'When you submit your idea, the card checks your answers again and tells you straight away whether you can go ahead.',
    outsideTitle: 'A manager will need to decide',
    outsideIntro: 'A manager of your team will decide whether you can go ahead, because of these answers:',
    outsideTag: 'Needs a manager',
    declaration:
      'By submitting this idea you confirm that your answers are true to the best of your knowledge.',
    submit: 'Submit your idea',
  },

  confirmation: {
    goAheadTitle: 'You can go ahead',
    goAheadBody: `Every answer is ${WITHIN}.`,
    coversUntil: (date: string) => `This covers your test, as you described it, until ${date}.`,
    nextTitle: 'What happens next',
    goAheadNext: (date: string) =>
      `Run your test as you described it. By ${date}, record what happened on the page for your experiment, whether it worked or not.`,
    goAheadChanges:
      'To change the test or carry on after that date, record what happened and choose "Change it and test again": the card checks the changes.',
    escalatedTitle: 'A manager needs to decide on your idea',
    escalatedIntro: "These answers are outside the card's limits:",
    escalatedNext: (date: string) =>
      `A manager of your team will approve or decline it, and you will be told. If nobody decides by ${date}, it goes to a leader to decide.`,
    assessingTitle: 'We are still checking your idea',
    assessingBody: 'This usually takes a few seconds.',
    notCheckedYet: "Until the card has checked your idea, treat it as needing a manager's approval.",
    checkAgain: 'Check again',
    failedTitle: 'Something went wrong while checking your idea',
    failedBody:
      'Your idea is saved, but the card has not checked it yet. The team that runs Fail Forward can see the problem and will put it right.',
    viewExperiment: 'See your experiment',
    submitAnother: 'Submit another idea',
    yourReference: 'Your idea',
  },

  experiments: {
    title: 'Your experiments',
    empty: 'You have not submitted any ideas yet.',
    submitLink: 'Submit an idea',
    caption: 'Ideas you have submitted, newest first',
    idea: 'Idea',
    status: 'Status',
    submitted: 'Submitted',
    more: 'Show more experiments',
  },

  experiment: {
    caption: 'Experiment',
    detailsHeading: 'Details',
    owner: 'Submitted by',
    team: 'Team',
    submitted: 'Submitted',
    status: 'Status',
    policy: 'Card limits version',
    policyVersion: (v: string) => `Version ${v}`,
    coversUntil: 'The go-ahead covers the test until',
    allowedBy: 'Allowed by',
    allowedByCard: 'The prompt card',
    approvedBy: 'Approved by',
    conditions: 'Conditions',
    declinedBy: 'Declined by',
    declineReason: 'Reason for declining',
    deadline: 'Decision due by',
    problemHeading: 'What is wrong today',
    testCardHeading: 'The test plan',
    cardHeading: 'Answers on the card',
    reasonsHeading: 'Why it needs a manager to decide',
    reasonsHeadingAfter: 'Why it went to a manager',
    historyHeading: 'History',
    historyBy: (name: string) => `by ${name}`,
    waitingTitle: 'This idea is waiting for your decision',
    decideLink: 'Decide on this idea',
    raisedToLeaders: 'Nobody decided by the deadline, so it has been passed to leaders.',
    failureTitle: 'Something went wrong',
    cyclesHeading: 'Tests recorded',
    cycleTitle: (n: string) => `Test ${n}`,
    cycleResult: 'Did it work?',
    cycleObserved: 'What was seen',
    cycleLearned: 'What was learned',
    cycleNext: 'What happened next',
    cycleRecorded: 'Recorded',
    results: { worked: 'Yes, it worked', didNotWork: 'No, it did not work', unclear: 'It is not clear yet' },
    nextSteps: {
      adapt: 'Changed it and tested again',
      adopt: 'Recommended making it normal practice',
      abandon: 'Stopped it and kept what was learned',
    },
    cycleIncident: 'Did anything go wrong?',
    incidents: { none: 'Nothing went wrong', minor: 'Something minor', serious: 'Something serious' },
    incidentNotRecorded: 'Not recorded',
  },

  queue: {
    title: 'Ideas waiting for you',
    managerIntro:
      "These ideas from your team have answers outside the card's limits, so they need your decision. The oldest is first.",
    leaderIntro: 'Nobody decided these ideas by their deadline, so a leader can now decide them.',
    empty: 'There are no ideas waiting for you.',
    caption: 'Ideas waiting for a decision, oldest first',
    idea: 'Idea',
    submittedBy: 'From',
    waiting: 'Waiting since',
    timeLeft: 'Time left',
    overdue: 'Deadline passed',
    raised: 'Passed to leaders',
    leftUntil: (relative: string, date: string) => `Due ${relative} (${date})`,
    recommendedHeading: 'Recommended for normal practice',
    recommendedIntro:
      "Ideas your team tested and recommends making normal practice. A recommendation does not change the service: the team's managers decide whether it does.",
    recommendedLink: (team: string) => `See the ideas ${team} recommends making normal practice`,
    leaderRecommendedIntro: 'Ideas that teams tested and recommend making normal practice.',
    leaderRecommendedLink: 'See every idea recommended for normal practice',
  },

  case: {
    captionFrom: (name: string, team: string) => `Idea from ${name}, ${team}`,
    reasonsHeading: 'Why it needs your decision',
    outsideTag: "Outside the card's limits",
    insideTag: "Within the card's limits",
    answersHeading: 'Answers on the card',
    deadline: (date: string) => `Decide by ${date}. If nobody decides by then, it goes to a leader.`,
    decisionHeading: 'Your decision',
    legend: 'Do you approve this idea?',
    approve: 'Approve',
    approveHint:
      'They can start the test, with any conditions you add. Your approval covers this test, as described, until its review date.',
    decline: 'Decline',
    declineHint: 'The idea stops here. They will see your reason.',
    conditionsLabel: 'Conditions, if you approve (optional)',
    conditionsHint: 'For example, "Review it with me after two weeks".',
    reasonLabel: 'Reason, if you decline',
    reasonHint: 'Needed if you decline. Explain in plain words, so they can learn from it.',
    send: 'Send decision',
    approvedFlash: (title: string) => `You approved "${title}".`,
    declinedFlash: (title: string) => `You declined "${title}".`,
    notWaitingTitle: 'This idea is no longer waiting for a decision',
    notWaitingBody: 'Someone has already decided it, or it has moved on.',
    ownIdea: 'You submitted this idea, so another manager of your team or a leader must decide it.',
    viewExperiment: 'See the experiment',
    backToQueue: 'Back to ideas waiting for you',
    successTitle: 'Success',
  },

  log: {
    title: 'Experiment log',
    intro: 'Every idea submitted, newest first. Search looks in titles, problems and what people learned.',
    filtersHeading: 'Filter the log',
    search: 'Search for a word',
    status: 'Status',
    anyStatus: 'Any status',
    team: 'Team',
    anyTeam: 'Any team',
    fromDate: 'Submitted from',
    toDate: 'Submitted up to',
    dateHint: 'For example, 31 3 2025',
    apply: 'Apply filters',
    clear: 'Clear filters',
    caption: 'Experiments, newest first',
    columns: {
      idea: 'Idea',
      team: 'Team',
      owner: 'Submitted by',
      status: 'Status',
      submitted: 'Submitted',
      learning: 'Latest learning',
    },
    empty: 'No experiments match these filters.',
    more: 'Show more experiments',
    download: 'Download the experiment log (CSV)',
    errors: {
      from: 'The start date must be a real date, like 31 3 2025',
      to: 'The end date must be a real date, like 31 3 2025',
      order: 'The end date must be the same as or after the start date',
      q: 'The word to search for must be 100 characters or fewer',
    },
  },

  policy: {
    title: 'Card limits',
    intro:
      'The prompt card has six safety questions, which never change, and four limits, which leaders can change.',
    currentHeading: (v: string) => `The limits today (version ${v})`,
    deadline: 'Days a manager has to decide',
    publishedBy: 'Published by',
    byTheCard: 'The prompt card',
    publishedAt: 'Published',
    reason: 'Why they changed',
    reasonCodes: { printedCard: 'The limits on the prompt card as first printed.' },
    versionsHeading: 'Every version',
    versionsCaption: 'Every version of the card limits, newest first',
    version: 'Version',
    limits: 'Limits',
  },

  people: {
    title: 'People signed in',
    intro:
      'Everyone using Fail Forward now, most recently seen first. If someone has left the council or lost a device, end their sessions: they are signed out everywhere at once.',
    caption: 'People signed in, most recently seen first',
    name: 'Name',
    team: 'Team',
    lastSeen: 'Last seen',
    sessions: 'Sessions',
    action: 'Action',
    endLink: 'End sessions',
    endLinkHidden: (name: string) => ` of ${name}`,
    empty: 'Nobody is signed in.',
    byIdHeading: 'End sessions by user id',
    byIdIntro:
      'For someone who is not in the list, for example because they have not used Fail Forward for a while.',
    idLabel: 'User id',
    idHint: 'Their sign-in user id, for example 8c1f4a2e-6b0d-4c5a-9e37-2f1d0b6a7c41',
    continue: 'Continue',
    idError: 'Enter a user id: letters, numbers and the characters . _ @ -, up to 128 characters',
    confirmTitle: (name: string) => `End every session of ${name}?`,
    confirmWarning:
      'They will be signed out on every device at once. Anything they have typed but not sent will be lost.',
    confirmBody: 'This does not stop them signing in again. To do that, also disable their account.',
    confirmButton: 'End their sessions',
    cancel: 'Cancel',
    endedFlash: (n: number, count: string, name: string) =>
      n === 0
        ? `${name} had no sessions to end.`
        : `You ended ${count} ${n === 1 ? 'session' : 'sessions'} of ${name}. They are signed out.`,
  },

  errors: {
    notFound: {
      title: 'Page not found',
      body: 'If you typed the web address, check it is correct. If you followed a link to an experiment, you may not have permission to see it.',
    },
    forbidden: {
      title: 'You cannot see this page',
      body: 'Your account does not give you access to this page. Ask your manager if you think it should.',
    },
    csrf: {
      title: 'Your form could not be sent',
      body: 'This can happen if the page was open for a long time or you signed in again in another tab. Go back, reload the page and try again.',
    },
    server: {
      title: 'Sorry, there is a problem with the service',
      body: 'Try again later. Your answers have not been lost if you already submitted them.',
    },
    badRequest: {
      title: 'Sorry, we could not understand that request',
      body: 'Go back and try again.',
    },
    home: 'Go to the start page',
  },

  /** "The card learns" (version 2): per-team limits and "What the decisions say" on the card page. */
  cardLearns: {
    teamsHeading: "Teams' own limits",
    teamsIntro:
      "A team with a good record can be given limits of its own. Leave a box empty to use the card's limit. A serious incident in the team takes its own limits back at once.",
    teamsSummary: "Change the teams' own limits",
    teamLegend: (team: string) => `${team}: its own limits`,
    noTeams: 'No team has limits of its own.',
    teamRow: (team: string) => `${team} (own limits)`,
    insightsHeading: 'What the decisions say',
    insightsIntro:
      'What managers decided about ideas the card sent to them. Where they approved nearly every idea up to an amount, the limit may be too low.',
    ruleCaption: 'Escalations and decisions for each question on the card',
    columns: {
      rule: 'Question',
      escalations: 'Sent to a manager',
      decided: 'Approved, declined, waiting',
      rate: 'Approved',
      suggestion: 'Suggested limit',
    },
    decided: (approved: string, declined: string, pending: string) =>
      `${approved} approved, ${declined} declined, ${pending} waiting`,
    noRate: 'None decided yet',
    suggestion: (limit: string, through: string, declined: string) =>
      `${limit}: would have let ${through} decided ideas through, ${declined} of which a manager declined`,
    noSuggestion: 'No change suggested',
    safetyGate: 'A safety question: never changed by numbers',
    previewSuggested: 'Preview the suggested limits',
    suggestedReason: 'Limits suggested by what managers decided about escalated ideas',
    teamsRecordHeading: 'Teams and their record',
    teamsRecordIntro:
      'Over the last 12 months. A team can be given limits of its own with at least 10 closed experiments, at least 90% of its escalated ideas approved, and no serious incident.',
    teamsCaption: 'Each team’s record over the last 12 months',
    teamColumns: {
      team: 'Team',
      closed: 'Closed experiments',
      approved: 'Escalations approved',
      incidents: 'Incidents (minor, serious)',
      eligible: 'Can be given own limits',
    },
    approvedOf: (approved: string, decided: string) => `${approved} of ${decided}`,
    incidents: (minor: string, serious: string) => `${minor} minor, ${serious} serious`,
    eligible: 'Yes',
    notEligible: 'Not yet',
    noTeamsRecord: 'No team has a record yet.',
  },
  /** Cycles that recorded an incident, on the dashboard (version 2). */
  dashboardIncidents: {
    serious: 'Serious incidents recorded',
    minor: 'Minor incidents recorded',
    column: 'Incidents',
  },
  library: {
    title: 'Learning library',
    intro:
      'What every test taught, from every team, whether it worked or not. Search before you try an idea: another team may have tried it already.',
    searchLabel: 'Search the library',
    searchHint: 'For example, evening calls or missed appointments',
    search: 'Search',
    filtersHeading: 'Filter the results',
    team: 'Team',
    status: 'Status',
    anyTeam: 'All teams',
    anyStatus: 'All statuses',
    clear: 'Clear search and filters',
    resultsHeading: 'Results',
    count: (n: number, count: string) => (n === 1 ? '1 result' : `${count} results`),
    relevance: 'Most relevant first',
    newest: 'Newest first',
    noResults: 'No entries match your search.',
    noResultsHelp: 'Check your spelling, try other words or remove a filter.',
    lesson: 'What it learned',
    noLesson: 'No test has been recorded yet.',
    nextPage: 'Next page',
    entryCaption: 'Learning library',
    started: 'Started',
    closed: 'Closed',
    notKept: 'Not kept',
    removed: 'Removed by information governance',
    declineReason: 'Why it was declined',
    noCycles: 'No test has been recorded yet.',
    back: 'Back to the learning library',
    errors: {
      qTooLong: 'Search words must be 200 characters or fewer',
      qBroken: 'Remove the characters that are not valid text',
      team: 'Choose a team from the list',
      status: 'Choose a status from the list',
    },
    similar: {
      heading: 'Ideas like yours',
      intro:
        'Ideas like this have been tried before, in your team or others. Read what was learned before you submit yours.',
      caseIntro:
        'Ideas like this have been tried before, in this team or others. What was learned may help you decide.',
      outcome: 'Outcome',
      learned: 'What it learned',
      newTab: '(opens in new tab)',
    },
  },

  ...governanceEn,
  ...statementsEn,

  allowance: {
    dashboardHeading: (year: string) => `Innovation allowance, ${year}`,
    dashboardSummary: (drawn: string, allowance: string, year: string) =>
      `The card has drawn ${drawn} of ${allowance} of innovation allowance in ${year}.`,
    allowance: 'Allowance',
    drawn: 'Drawn',
    left: 'Left',
    hint: (left: string, allowance: string, year: string) =>
      `Your team has ${left} left of its ${allowance} innovation allowance for ${year}.`,
  },

  cover: {
    queueTag: (team: string) => `Cover for ${team}`,
    nav: "Cover while you're away",
    title: "Cover while you're away",
    intro:
      "Choose another manager to look at your team's ideas that need a decision while you are away. They see them in their queue and can approve or decline them. Cover ends by itself at the end of its last day.",
    currentHeading: 'Current and upcoming cover',
    noCover: 'There is no cover set.',
    team: 'Team',
    coverBy: 'Covered by',
    dates: 'Dates',
    action: 'Action',
    period: (from: string, to: string) => (from === to ? `${from}` : `${from} to ${to}`),
    endLink: 'End early',
    endLinkHidden: (name: string, team: string) => ` cover by ${name} for ${team}`,
    setHeading: 'Set cover',
    coverByLabel: 'Manager who will cover',
    coverByHint: 'Only managers who have signed in to Fail Forward are listed.',
    chooseManager: 'Choose a manager',
    fromLabel: 'First day of cover',
    toLabel: 'Last day of cover',
    dateHint: 'For example, 27 3 2027',
    toHint: 'Cover can last up to 90 days. For example, 10 4 2027',
    reasonLabel: 'Reason (optional)',
    reasonHint: 'For example, annual leave. Do not include health or other personal details.',
    submit: 'Set cover',
    /** A problem with a field, in the words of its label: the API's own, but dates as the page asks for them. */
    errors: {
      ...COVER_MESSAGES,
      fromInvalid: 'The first day of cover must be a real date',
      toInvalid: 'The last day of cover must be a real date',
    },
    setFlash: (name: string, team: string) => `${name} will cover for ${team}.`,
    confirmTitle: (name: string, team: string) => `End cover by ${name} for ${team} now?`,
    confirmBody: "Their queue will no longer show your team's ideas. You can set cover again at any time.",
    confirmButton: 'End cover now',
    cancel: 'Cancel',
  },

  /**
   * GOV.UK Frontend's character count, in the page's language: `%{count}` is the number. A count picks
   * its plural form by the language's rules, falling back to `other` (with a console warning) for a form
   * not given: Welsh's two, few and many, which would say the same.
   */
  characterCount: {
    description: 'You can enter up to %{count} characters',
    underLimit: {
      one: 'You have %{count} character remaining',
      other: 'You have %{count} characters remaining',
    },
    atLimit: 'You have 0 characters remaining',
    overLimit: {
      one: 'You have %{count} character too many',
      other: 'You have %{count} characters too many',
    },
  },
};

export type Messages = typeof en;
