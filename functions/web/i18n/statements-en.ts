/**
 * The privacy notice, accessibility statement and cookies page in English. Their council-specific
 * parts (council name, contacts, dates, retention) are arguments, from settings (shared/config.ts
 * `statementsConfig`); cookie names come from the code that sets them. `statements-cy.ts` matches.
 */
export const statementsEn = {
  statements: {
    footerPrivacy: 'Privacy',
    footerAccessibility: 'Accessibility statement',
    footerCookies: 'Cookies',
    privacy: {
      title: 'Privacy notice',
      intro: (council: string) =>
        `${council} runs Fail Forward. This notice says what it holds about you when you use it, why, for how long, and what your rights are.`,
      controllerHeading: 'Who is responsible for your information',
      controller: (council: string) =>
        `${council} is the data controller for the information in Fail Forward.`,
      heldHeading: 'What we hold',
      held: [
        "Your name, user id, team and role, from the council's sign-in service.",
        'The ideas, test results and decisions you write, and the history of each experiment: who did what, and when.',
        'Your sessions: when you signed in and when you were last active, so that you are signed out after 30 minutes without using the service, or 8 hours after signing in.',
        'An audit trail of who signed in or out, decided, exported, erased or removed something, or was refused, and when. It holds user ids, not what anyone wrote.',
      ],
      describe:
        'Describe the families and people you work with, do not identify them. Fail Forward refuses email addresses, phone numbers, NHS numbers and National Insurance numbers in what you write, and asks you to check postcodes and dates of birth.',
      basisHeading: 'Why we hold it',
      basis:
        "We use this information to carry out the council's public tasks: improving its services, and keeping a record of the decisions it takes and why (UK GDPR Article 6(1)(e)). The prompt card assesses ideas, not people: no decision about you is made automatically.",
      retentionHeading: 'How long we keep it',
      retention: (months: string) =>
        `An experiment is kept for ${months} months after it closes (adopted, declined or abandoned). Then every name and user id in it is removed, and only its title and what was learned are kept.`,
      auditRetention: (months: string) =>
        `Audit trail entries are kept for ${months} months. They are not changed when an experiment is anonymised or a person's records are erased, so that the council can always show who did what.`,
      sessionRetention:
        'A session is deleted when you sign out, and at the latest 8 hours after you signed in.',
      sharingHeading: 'Who else sees it',
      sharing:
        "Managers and leaders see experiments as their role allows. Amazon Web Services hosts the service in the UK, with the information encrypted when stored and when sent. GOV.UK Notify sends the service's emails. Both act only on the council's instructions.",
      rightsHeading: 'Your rights',
      rightsIntro: 'You have the right to:',
      rights: [
        'ask for a copy of the information held about you (a subject access request)',
        'ask for information that is wrong to be corrected',
        'ask for your information to be erased, or its use restricted',
        'object to how your information is used',
      ],
      rightsHow:
        "The council's information governance team answers these requests. Erasing your records removes your name and user id from every experiment and ends your sessions. What you wrote stays, so the learning is kept, and the audit trail is kept for accountability.",
      contactHeading: 'Contact the data protection officer',
      contact: (council: string) => `Email the data protection officer of ${council}:`,
      complaintHeading: 'If you are not happy',
      complaint:
        "You can complain to the Information Commissioner's Office (ICO) at ico.org.uk or on 0303 123 1113.",
    },
    accessibility: {
      title: 'Accessibility statement for Fail Forward',
      intro: (council: string) => `This accessibility statement applies to Fail Forward, run by ${council}.`,
      useIntro:
        'We want as many people as possible to be able to use this service. For example, that means you should be able to:',
      use: [
        'change colours, contrast levels and fonts using browser or device settings',
        'zoom in up to 400% without the text spilling off the screen',
        'use the whole service with a keyboard alone',
        'use the service with a screen reader',
        'use the service in English or Welsh',
      ],
      howAccessibleHeading: 'How accessible this service is',
      howAccessible: 'We know some parts of this service may not be fully accessible:',
      known: [
        'the Welsh version is a draft translation, waiting for a professional edit, so some of its wording may be unclear',
        'the service has not yet been tested with screen readers or by disabled people, so there may be problems that our tests cannot find',
      ],
      feedbackHeading: 'Feedback and contact information',
      feedback:
        'If you find a problem that is not listed on this page, or need information in a different format, email:',
      reply: 'We will reply within 10 working days.',
      enforcementHeading: 'Enforcement procedure',
      enforcement:
        "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the 'accessibility regulations'). If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).",
      technicalHeading: "Technical information about this service's accessibility",
      technical: (council: string) =>
        `${council} is committed to making this service accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.`,
      complianceHeading: 'Compliance status',
      compliance:
        'This service is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard: our automated and keyboard tests pass, but it has not yet had a full audit by an accessibility specialist.',
      testingHeading: 'How we tested this service',
      tested: (date: string) =>
        `The service was last tested on ${date}. We tested the pages of every journey, in English and in Welsh, in the Chromium browser:`,
      testedHow: [
        "automatically with axe, using the rules GOV.UK Frontend is tested against (WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices)",
        'with a keyboard alone: submitting an idea, recording tests of it and deciding on one',
        'at 320 CSS pixels wide, the same as 400% zoom, checking that no page scrolls sideways',
      ],
      testedWhen: 'These tests run with every change to the service.',
      preparedHeading: 'Preparation of this accessibility statement',
      prepared: (date: string) => `This statement was prepared on ${date}. It was last reviewed on ${date}.`,
    },
    cookies: {
      title: 'Cookies',
      intro:
        'Fail Forward puts small files, known as cookies, on your device. Every one of them is essential: the service cannot work without them, so we do not ask for your consent to set them.',
      noOthers: 'We do not use analytics, advertising or any other cookies, so there is nothing to turn off.',
      caption: 'Cookies Fail Forward sets',
      name: 'Name',
      purpose: 'Purpose',
      expires: 'Expires',
      session: 'Keeps you signed in, and stops another website sending forms as you',
      sessionExpires:
        'When you close your browser. Your session ends after 30 minutes without using the service, or 8 hours after you signed in',
      flash: 'Carries a message to the next page, for example that your decision was saved',
      flashExpires: 'As soon as the message is shown, or when you close your browser',
      lang: 'Remembers whether you chose English or Welsh',
      langExpires: '1 year',
      auth: "Protects your sign-in with the council's account while it is under way",
      authExpires: '10 minutes',
    },
  },
};
