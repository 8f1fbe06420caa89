/**
 * The English message catalogue. The card's labels, answers, reasons and validation messages come from
 * `shared/domain/card.ts`, so the pages say exactly what the product spec and the JSON API say.
 * `cy.ts` must have the same shape: the `Messages` type makes a missing Welsh string a type error.
 */
import { COMMITMENT_QUESTION, CHOICE_QUESTIONS as Q, THRESHOLD_QUESTIONS as T } from '#shared/domain/card.ts';
import { teamNames } from '#shared/domain/teams.ts';
import { governanceEn } from './governance-en.ts';
import { LANGUAGES } from './languages.ts';
import { statementsEn } from './statements-en.ts';

const MANAGER_FIRST = 'so a manager needs to look at it first.';

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
    policy: 'The card',
    library: 'Learning library',
  },

  common: {
    continue: 'Continue',
    change: 'Change',
    yes: 'Yes',
    notAnswered: 'Not answered',
    empty: 'None',
    theCard: 'The prompt card',
    system: 'Fail Forward',
    previous: 'Previous',
    next: 'Next',
    errorSummaryTitle: 'There is a problem',
  },

  teams: teamNames('en'),

  roles: { staff: 'staff', manager: 'manager', leader: 'leader', governance: 'information governance' },

  statuses: {
    assessing: 'Being checked',
    authorised: 'Authorised',
    escalated: 'With a manager',
    declined: 'Declined',
    testing: 'Testing',
    adopted: 'Adopted',
    abandoned: 'Stopped',
  },

  events: {
    submitted: 'Submitted',
    authorised: 'Authorised by the card',
    escalated: 'Sent to a manager',
    raisedToLeaders: 'Raised to leaders',
    approved: 'Approved',
    declined: 'Declined',
    cycleRecorded: 'Test recorded',
    reminded: 'Reminder sent',
    failed: 'Something went wrong',
    continued: 'Carried on automatically',
    redacted: 'Text removed by information governance',
  },

  eventDetails: {
    authorised: 'Every answer is inside the card.',
    raisedToLeaders: 'Nobody decided by the deadline, so a leader can now decide it.',
    failed: 'A step failed. The team that runs Fail Forward can see it and will put it right.',
  },

  amounts: {
    pounds: (formatted: string) => `£${formatted}`,
    people: (formatted: string, n: number) =>
      `${formatted} ${n === 1 ? 'person or family' : 'people or families'}`,
    weeks: (formatted: string, n: number) => `${formatted} ${n === 1 ? 'week' : 'weeks'}`,
    hours: (formatted: string, n: number) => `${formatted} ${n === 1 ? 'hour' : 'hours'}`,
  },

  card: {
    unrecognised: 'This answer is not one the card recognises, so a manager needs to look at it first.',
    safeguarding: {
      label: Q.safeguarding.label,
      short: 'Risk of harm',
      answers: Q.safeguarding.answerLabels,
      error: Q.safeguarding.errorMessage,
      reasons: {
        yes: `It could put a child, young person or adult at risk of harm, ${MANAGER_FIRST}`,
        unsure: `You are not sure whether it could put a child, young person or adult at risk of harm, ${MANAGER_FIRST}`,
      },
    },
    lawful: {
      label: Q.lawful.label,
      short: 'Legal and statutory duties',
      answers: Q.lawful.answerLabels,
      error: Q.lawful.errorMessage,
      reasons: {
        no: `You are not confident it is legal and keeps to our statutory duties, ${MANAGER_FIRST}`,
        unsure: `You are not sure whether it is legal and keeps to our statutory duties, ${MANAGER_FIRST}`,
      },
    },
    personalData: {
      label: Q.personalData.label,
      short: 'Personal information',
      answers: Q.personalData.answerLabels,
      error: Q.personalData.errorMessage,
      reasons: {
        yes: `It uses people's personal information in a new way, ${MANAGER_FIRST}`,
        unsure: `You are not sure whether it uses people's personal information in a new way, ${MANAGER_FIRST}`,
      },
    },
    consent: {
      label: Q.consent.label,
      short: 'Knowing and free to say no',
      answers: Q.consent.answerLabels,
      error: Q.consent.errorMessage,
      reasons: {
        no: `The people taking part will not know about it or will not be free to say no, ${MANAGER_FIRST}`,
      },
    },
    reversible: {
      label: Q.reversible.label,
      short: 'Can be stopped and put back',
      answers: Q.reversible.answerLabels,
      error: Q.reversible.errorMessage,
      reasons: {
        no: `It cannot be stopped quickly and put back if it goes wrong, ${MANAGER_FIRST}`,
      },
    },
    frontPage: {
      label: Q.frontPage.label,
      short: 'Comfortable explaining it',
      answers: Q.frontPage.answerLabels,
      error: Q.frontPage.errorMessage,
      reasons: {
        no: `You would not be comfortable explaining it to the families involved, your colleagues and the local paper, ${MANAGER_FIRST}`,
      },
    },
    extraCost: {
      label: T.extraCost.label,
      short: 'Extra money',
      prefix: '£',
      suffix: '',
      hint: (limit: string) => `Up to ${limit} is inside the card. Enter 0 if it needs no extra money.`,
      errors: T.extraCost.errors,
      reason: (answer: string, limit: string) =>
        `It needs ${answer} of extra money, above the card's limit of ${limit}.`,
    },
    peopleInvolved: {
      label: T.peopleInvolved.label,
      short: 'People or families',
      prefix: '',
      suffix: 'people or families',
      hint: (limit: string) => `Up to ${limit} is inside the card.`,
      errors: T.peopleInvolved.errors,
      reason: (answer: string, limit: string) => `It involves ${answer}, above the card's limit of ${limit}.`,
    },
    durationWeeks: {
      label: T.durationWeeks.label,
      short: 'Weeks before a review',
      prefix: '',
      suffix: 'weeks',
      hint: (limit: string) => `Up to ${limit} is inside the card.`,
      errors: T.durationWeeks.errors,
      reason: (answer: string, limit: string) =>
        `It runs for ${answer} before a review, above the card's limit of ${limit}.`,
    },
    staffHours: {
      label: T.staffHours.label,
      short: 'Extra staff hours',
      prefix: '',
      suffix: 'hours',
      hint: (limit: string) => `Up to ${limit} is inside the card. Enter 0 if it needs no extra time.`,
      errors: T.staffHours.errors,
      reason: (answer: string, limit: string) =>
        `It needs ${answer} of extra staff time, above the card's limit of ${limit}.`,
    },
    commitToShare: {
      label: COMMITMENT_QUESTION.label,
      short: 'Record what we learn',
      legend: 'Sharing what you learn',
      error: COMMITMENT_QUESTION.errorMessage,
      yes: 'Yes, I will record what we learn',
    },
  },

  fields: {
    title: {
      label: 'Give your idea a short title',
      hint: 'For example, "Evening calls to new referrals". Between 5 and 120 characters.',
      short: 'Title',
      errors: { enter: 'Enter a title between 5 and 120 characters' },
    },
    problem: {
      label: 'What is wrong today?',
      hint: 'Describe the problem the families or your team have now, in a few sentences.',
      short: 'The problem',
      errors: {
        enter: 'Enter the problem: what is wrong today',
        tooLong: 'The problem must be 2,000 characters or fewer',
      },
    },
    weBelieve: {
      label: 'We believe that',
      hint: 'The change you think will help. For example, "a short evening call the day a referral arrives".',
      short: 'We believe that',
      errors: {
        enter: 'Enter what you believe',
        tooLong: 'What you believe must be 1,000 characters or fewer',
      },
    },
    toTestIt: {
      label: 'To test it, we will',
      hint: 'What you will do, with whom, and for how long.',
      short: 'To test it, we will',
      errors: {
        enter: 'Enter how you will test it',
        tooLong: 'How you will test it must be 1,000 characters or fewer',
      },
    },
    measure: {
      label: 'And we will measure',
      hint: 'What you will count or look at to see whether it worked.',
      short: 'We will measure',
      errors: {
        enter: 'Enter what you will measure',
        tooLong: 'What you will measure must be 1,000 characters or fewer',
      },
    },
    rightIf: {
      label: 'We are right if',
      hint: 'The result that would show the idea works. For example, "seven of ten families take it up".',
      short: 'We are right if',
      errors: {
        enter: 'Enter how you will know you were right',
        tooLong: 'How you will know you were right must be 1,000 characters or fewer',
      },
    },
    outcome: {
      errors: { enter: 'Select whether you approve or decline this idea' },
    },
    reason: {
      errors: {
        enter: 'Enter the reason for declining this idea',
        tooLong: 'The reason must be 2,000 characters or fewer',
      },
    },
    conditions: {
      errors: {
        enter: 'Enter the conditions of your approval, or leave them out',
        tooLong: 'The conditions must be 2,000 characters or fewer',
      },
    },
    result: {
      errors: { enter: "Select whether it worked, didn't work or it is unclear" },
    },
    observed: {
      errors: {
        enter: 'Enter what you observed',
        tooLong: 'What you observed must be 2,000 characters or fewer',
      },
    },
    learned: {
      errors: {
        enter: 'Enter what you learned',
        tooLong: 'What you learned must be 2,000 characters or fewer',
      },
    },
    next: {
      errors: { enter: 'Select what happens next: adapt, adopt or abandon' },
    },
    decisionDeadlineDays: {
      errors: {
        enter: 'Enter the number of days a manager has to decide, from 1 to 60',
        precision: 'The number of days a manager has to decide must be a whole number',
      },
    },
    policyReason: {
      errors: { enter: 'Enter the reason for this change, between 5 and 2,000 characters' },
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
  },

  cycle: {
    title: 'Record what happened',
    link: 'Record what happened',
    intro: 'Write down what you saw and learned from this test, whether it worked or not.',
    resultLegend: 'Did it work?',
    results: { worked: 'It worked', didNotWork: 'It did not work', unclear: 'It is not clear yet' },
    observedLabel: 'What did you see?',
    observedHint: 'What happened, for the families and for your team. Numbers help.',
    learnedLabel: 'What did you learn?',
    learnedHint: 'What you would tell a colleague trying something similar.',
    nextLegend: 'What happens next?',
    nextSteps: {
      adapt: 'Change it and test again',
      adopt: 'Make it normal practice',
      abandon: 'Stop it and keep what we learned',
    },
    nextHints: {
      adapt: 'Run another test. You can change the answers on the card below.',
      adopt: 'The experiment ends here, as a success.',
      abandon: 'The experiment ends here. What you learned stays in the log.',
    },
    changesSummary: 'Change the answers on the card (only if you change it and test again)',
    changesIntro:
      'Only fill in what changes. If a changed answer is outside the card, a manager needs to look at it before the next test.',
    noChange: 'No change',
    currently: (answer: string) => `Now: ${answer}`,
    button: 'Save this test',
    recordedFlash: (n: string) => `Test ${n} is recorded.`,
    escalatedFlash:
      'Test recorded. The changes go outside the card, so a manager needs to look at them before the next test.',
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
    fromMonth: 'From month',
    toMonth: 'To month',
    monthHint: 'For example, 2025-03',
    apply: 'Apply filters',
    clear: 'Clear filters',
    monthError: 'Enter a real month, like 2025-03',
    orderError: 'The end month must be the same as or after the start month',
    figuresHeading: 'Headline figures',
    submitted: 'Ideas submitted',
    byCard: 'Authorised by the card',
    medianTime: 'Median time to authorisation',
    cycles: 'Tests per experiment',
    adopted: 'Adopted',
    abandoned: 'Stopped',
    testing: 'Testing now',
    noMedian: 'Not yet known',
    hours: (formatted: string, n: number) => `${formatted} ${n === 1 ? 'hour' : 'hours'}`,
    byMonthHeading: 'Ideas by month',
    byTeamHeading: 'Ideas by team',
    chartLegendCard: 'Authorised by the card',
    chartLegendManager: 'Went to a manager',
    tableMonth: 'Month',
    tableTeam: 'Team',
    tableSubmitted: 'Submitted',
    tableByCard: 'Authorised by the card',
    tableManager: 'Went to a manager',
    tableAdopted: 'Adopted',
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
    heading: 'Publish a new version of the card',
    intro:
      'Change the limits, then preview how past submissions would have been judged before you publish. The safety questions cannot be changed here.',
    deadlineLabel: 'Days a manager has to decide',
    deadlineSuffix: 'days',
    reasonLabel: 'Why are you changing the card?',
    reasonHint: 'Everyone can read this next to the new version.',
    preview: 'Preview the effect',
    previewTitle: (v: string) => `What version ${v} of the card would change`,
    previewSummary: (considered: string, authorised: string, escalated: string) =>
      `Of the last ${considered} ideas submitted, ${authorised} would be authorised by the card and ${escalated} would go to a manager.`,
    changedHeading: 'Ideas whose answer would change',
    noneChanged: 'No past idea would get a different answer.',
    columns: { idea: 'Idea', team: 'Team', was: 'Answer then', wouldBe: 'Answer with the draft' },
    decisions: { authorised: 'Authorised by the card', escalated: 'Went to a manager' },
    draftHeading: 'The draft',
    fromTo: (from: string, to: string) => (from === to ? `${to} (no change)` : `${from}, changing to ${to}`),
    publish: (v: string) => `Publish version ${v}`,
    edit: 'Change the draft',
    publishedFlash: (v: string) => `Version ${v} of the card is published. New ideas are checked against it.`,
    raceError: 'Someone published a new version of the card at the same moment. Check it and try again.',
    limitLabels: {
      extraCost: 'Most extra money inside the card',
      peopleInvolved: 'Most people or families inside the card',
      durationWeeks: 'Most weeks before a review inside the card',
      staffHours: 'Most extra staff hours inside the card',
    },
    limitErrors: {
      extraCost: {
        enter: 'Enter the extra money limit in pounds, from 0 to 1,000,000',
        precision: 'Enter the extra money limit in pounds and pence, like 500 or 500.50',
      },
      peopleInvolved: {
        enter: 'Enter the limit on people or families taking part, from 0 to 100,000',
        precision: 'The limit on people or families taking part must be a whole number',
      },
      durationWeeks: {
        enter: 'Enter the limit on weeks before a review, from 1 to 52',
        precision: 'The limit on weeks before a review must be a whole number',
      },
      staffHours: {
        enter: 'Enter the extra staff hours limit, from 0 to 10,000',
        precision: 'Enter the extra staff hours limit to no more than 2 decimal places, like 20 or 7.5',
      },
    },
  },

  start: {
    title: 'Try out a new idea with the prompt card',
    lead: "Fail Forward is Monmouthshire's Fail Fast Fail Forward prompt card, online.",
    p1: 'If you work with children, young people or families and have an idea for doing something better, you can often try it out straight away, without asking a manager first.',
    p2: 'The card asks a few questions about your idea. If every answer is inside the card, you can go ahead. If any answer is outside it, your manager looks at the idea and decides.',
    howTitle: 'How it works',
    steps: [
      'Describe your idea as a test: what you believe, how you will test it, what you will measure and how you will know you were right.',
      'Answer the questions on the card: about safety, the law, personal information, consent, and how much money, time and people it needs.',
      'Get the answer at once: either you can go ahead, or your manager needs to look at it and we tell you why.',
      'Run the test, then record what happened, whether it worked or not, so that everyone can learn from it.',
    ],
    limitsTitle: "The card's limits today",
    limitsIntro:
      'Your idea is inside the card if it is safe, legal, open and easy to undo, and needs no more than:',
    limitsDeadline: (days: string) => `If your manager needs to decide, they have ${days} to do it.`,
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
    intro: 'Tell us about your idea as a test, then answer the questions on the prompt card.',
    ideaHeading: 'Your idea',
    testCardHeading: 'Your test card',
    testCardIntro: 'Write your idea as something you can test and learn from.',
    cardHeading: 'The prompt card',
    cardIntro: (version: string) =>
      `Answer every question honestly. The answers are checked against version ${version} of the card.`,
    continue: 'Continue',
    preview: {
      title: 'Your card so far',
      intro: 'This shows which answers will need a manager. It changes as you answer.',
      inside: 'Inside the card',
      outside: 'Needs a manager',
      notAnswered: 'Not answered yet',
      allInside: 'So far every answer is inside the card.',
      someOutside: (count: string) =>
        count === '1'
          ? '1 answer so far means a manager needs to look at your idea.'
          : `${count} answers so far mean a manager needs to look at your idea.`,
    },
    alreadySubmitted:
      'You have already submitted this idea with different answers. Start a new idea if you want to submit it again.',
  },

  check: {
    title: 'Check your answers before submitting your idea',
    ideaHeading: 'Your idea',
    testCardHeading: 'Your test card',
    cardHeading: 'The prompt card',
    insideTitle: 'Every answer is inside the card',
    insideText: 'You can go ahead as soon as you submit your idea.',
    outsideTitle: 'A manager will need to look at this',
    outsideIntro: 'Your manager will decide, because:',
    outsideTag: 'Needs a manager',
    declaration:
      'By submitting this idea you confirm that your answers are true to the best of your knowledge.',
    submit: 'Submit your idea',
  },

  confirmation: {
    goAheadTitle: 'You can go ahead',
    goAheadBody: 'Every answer is inside the card.',
    reviewBy: (date: string) => `Review it by ${date}`,
    nextTitle: 'What happens next',
    goAheadNext:
      'Run your test. When it has run, record what happened, whether it worked or not, on the page for your experiment.',
    escalatedTitle: 'Your manager needs to look at this',
    escalatedIntro: 'Some of your answers are outside the card:',
    escalatedNext: (date: string) =>
      `A manager of your team will approve or decline it. If nobody decides by ${date}, it goes to a leader.`,
    assessingTitle: 'We are still checking your idea',
    assessingBody: 'This usually takes a few seconds.',
    checkAgain: 'Check again',
    failedTitle: 'Something went wrong while checking your idea',
    failedBody:
      'Your idea is saved. The team that runs Fail Forward can see the problem and will put it right.',
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
    policy: 'Card version',
    policyVersion: (v: string) => `Version ${v}`,
    reviewBy: 'Review by',
    authorisedBy: 'Authorised by',
    conditions: 'Conditions',
    decidedBy: 'Decided by',
    declineReason: 'Reason for declining',
    deadline: 'Decision due by',
    problemHeading: 'The problem',
    testCardHeading: 'Test card',
    cardHeading: 'Answers on the card',
    reasonsHeading: 'Why a manager needs to look at it',
    historyHeading: 'History',
    historyBy: (name: string) => `by ${name}`,
    waitingTitle: 'This idea is waiting for your decision',
    decideLink: 'Decide on this idea',
    raisedToLeaders: 'Nobody decided by the deadline, so it has been raised to leaders.',
    failureTitle: 'Something went wrong',
    cyclesHeading: 'Tests recorded',
    cycleTitle: (n: string) => `Test ${n}`,
    cycleResult: 'Did it work?',
    cycleObserved: 'What we saw',
    cycleLearned: 'What we learned',
    cycleNext: 'What happens next',
    cycleRecorded: 'Recorded',
    results: { worked: 'It worked', didNotWork: 'It did not work', unclear: 'It is not clear yet' },
    nextSteps: {
      adapt: 'Change it and test again',
      adopt: 'Make it normal practice',
      abandon: 'Stop it and keep what we learned',
    },
    cycleIncident: 'Did anything go wrong?',
    incidents: { none: 'Nothing went wrong', minor: 'Something minor', serious: 'Something serious' },
    incidentNotRecorded: 'Not recorded',
  },

  queue: {
    title: 'Ideas waiting for you',
    managerIntro:
      'These ideas from your team are outside the card, so they need a decision. The oldest is first.',
    leaderIntro: 'Nobody decided these ideas by their deadline, so a leader can now decide them.',
    empty: 'There are no ideas waiting for you.',
    caption: 'Ideas waiting for a decision, oldest first',
    idea: 'Idea',
    submittedBy: 'From',
    waiting: 'Waiting since',
    timeLeft: 'Time left',
    overdue: 'Deadline passed',
    raised: 'Raised to leaders',
    leftUntil: (relative: string, date: string) => `Due ${relative} (${date})`,
  },

  case: {
    captionFrom: (name: string, team: string) => `Idea from ${name}, ${team}`,
    reasonsHeading: 'Why it needs your decision',
    outsideTag: 'Outside the card',
    insideTag: 'Inside the card',
    answersHeading: 'Answers on the card',
    deadline: (date: string) => `Decide by ${date}. If nobody decides by then, it goes to a leader.`,
    decisionHeading: 'Your decision',
    legend: 'Do you approve this idea?',
    approve: 'Approve',
    approveHint: 'They can start the test, with any conditions you add.',
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
    dateHint: 'For example, 2025-03-31',
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
      date: 'Enter a real date, like 2025-03-31',
      order: 'The end date must be the same as or after the start date',
      q: 'Enter a word to search for, up to 100 characters',
    },
  },

  policy: {
    title: 'The card',
    intro: 'The prompt card has fixed safety questions and four limits. Leaders can change the limits.',
    currentHeading: (v: string) => `The card today (version ${v})`,
    deadline: 'Days a manager has to decide',
    publishedBy: 'Published by',
    publishedAt: 'Published',
    reason: 'Reason for the change',
    versionsHeading: 'Every version',
    versionsCaption: 'Every version of the card, newest first',
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
    teamReason: (field: string, answer: string, limit: string, team: string) =>
      `${field}: ${answer}, above the ${team} team's own limit of ${limit}.`,
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
      intro: 'Other teams have tried ideas like this. Read what they learned before you submit yours.',
      caseHeading: 'Ideas like this one',
      caseIntro: 'Other teams have tried ideas like this. What they learned may help you decide.',
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
    /** The card's allowance reason: the domain's own plain-English sentence, which names the full allowance. */
    reason: ({ message }: { message: string; left: string; year: string }) => message,
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
    /** A problem with a field: the domain's own plain-English message. */
    issue: (_path: string, message: string) => message,
    confirmTitle: (name: string, team: string) => `End cover by ${name} for ${team} now?`,
    confirmBody: "Their queue will no longer show your team's ideas. You can set cover again at any time.",
    confirmButton: 'End cover now',
    cancel: 'Cancel',
  },
};

export type Messages = typeof en;
