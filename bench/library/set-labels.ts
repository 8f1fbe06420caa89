/**
 * Drafts with the entries a frontline worker would want to see for each, graded:
 * 2 the same idea (tried before), 1 a related idea worth reading. Welsh entries are labelled
 * relevant to English drafts on the same idea too, because they are, even though the index does not
 * translate (docs/architecture.md says so).
 */
import type { LabelledDraft } from './set-types.ts';

export const DRAFTS: LabelledDraft[] = [
  {
    id: 'd-phone-after-work',
    title: 'Ring new referrals after work hours',
    problem: 'Parents do not pick up when we ring them during the day, so first contact takes weeks.',
    hypothesis: 'If we phone at teatime more parents will answer and the wait for a first chat will shrink.',
    relevant: {
      'eh-evening-calls': 2,
      'cy-galwadau-nos': 2,
      'eh-police-callback': 1,
      'eh-text-before-visit': 1,
      'sa-wake-up-calls': 1,
      'cy-galwadau-aros': 1,
    },
  },
  {
    id: 'd-choose-reparation',
    title: 'Young people pick their own reparation project',
    problem: 'Litter picking feels like a punishment and young people on orders do not turn up.',
    relevant: {
      'yj-garden-reparation': 2,
      'yj-bike-workshop': 2,
      'yj-remote-reparation': 1,
      'yj-victim-letter': 1,
    },
  },
  {
    id: 'd-peer-mentor-parents',
    title: 'Peer mentors for parents starting with family support',
    problem: 'Parents feel judged by workers and stop engaging early on.',
    hypothesis: 'A parent who has been through it could mentor them and keep them involved.',
    relevant: {
      'fs-parent-buddy': 2,
      'fs-peer-group-declined': 2,
      'send-diagnosis-buddy': 2,
      'fs-family-link': 1,
      'fs-dads-group': 1,
    },
  },
  {
    id: 'd-text-before-knock',
    title: 'Send a text to the family before we knock on the door',
    problem: 'Nobody answers the door on a first visit, families do not know who we are.',
    relevant: {
      'eh-text-before-visit': 2,
      'dc-text-reminders': 2,
      'eh-evening-calls': 1,
      'cy-galwadau-nos': 1,
      'fc-text-back': 1,
    },
  },
  {
    id: 'd-absent-pupils-mornings',
    title: 'Getting persistently absent pupils out of bed and into school',
    problem: 'Some teenagers miss most mornings, letters home make no difference.',
    relevant: {
      'sa-wake-up-calls': 2,
      'sa-walking-bus': 2,
      'cy-bws-cerdded': 1,
      'sa-plain-letters': 1,
      'sa-home-visit-not-fine': 1,
      'yc-sibling-walking-bus': 1,
    },
  },
  {
    id: 'd-young-carers-homework',
    title: 'Help young carers keep up with homework',
    problem: 'Young carers get detentions for missing homework because they are caring every evening.',
    relevant: {
      'yc-homework-club': 2,
      'yc-school-card': 2,
      'cy-clwb-gofalwyr-ifanc': 1,
      'yc-respite-trips': 1,
      'fs-hostel-homework': 1,
      'yc-sibling-walking-bus': 1,
    },
  },
  {
    id: 'd-practice-flat',
    title: 'Trial run of living alone for care leavers',
    problem: 'Care leavers lose their first flat within months, mostly arrears and unwanted visitors.',
    hypothesis: 'A practice stay with support first would prepare them for their own tenancy.',
    relevant: {
      'cl-taster-flat': 2,
      'cy-fflat-prawf': 2,
      'cl-budget-sessions': 1,
      'cl-housing-at-17': 1,
      'cl-guarantor': 1,
      'cy-cymorth-tenantiaeth': 1,
    },
  },
  {
    id: 'd-safety-plan-memorable',
    title: 'Safety plans survivors can actually remember',
    problem: 'Our domestic abuse safety plans are long and in our words, not theirs.',
    relevant: { 'da-own-words-plan': 2, 'da-24h-call': 1, 'da-school-gate': 1, 'da-children-group': 1 },
  },
  {
    id: 'd-ehcp-secondary',
    title: 'Helping pupils with an EHCP settle into secondary school',
    problem: 'Children with SEND struggle in the first weeks at the new school; staff do not know them.',
    relevant: { 'send-passport': 2, 'send-video-tour': 2, 'send-college-travel': 1, 'send-adult-review': 1 },
  },
  {
    id: 'd-foster-informal',
    title: 'Recruit more foster carers through relaxed local events',
    problem: 'Formal fostering information sessions at county hall get hardly anyone.',
    relevant: {
      'fc-cafe-evening': 2,
      'fc-school-gate-stories': 2,
      'fc-county-show': 2,
      'fc-text-back': 1,
    },
  },
  {
    id: 'd-overnight-handover',
    title: 'Telling day teams what happened overnight',
    problem: 'Day teams hear late about children placed or families seen by the out of hours service.',
    relevant: { 'ed-handover-summary': 2, 'ed-shared-notes': 1, 'ed-night-carer-call': 1 },
  },
  {
    id: 'd-parenting-times',
    title: 'Parenting course at a time working parents can make',
    problem: 'Our course is in the daytime and parents who work or have toddlers at home cannot come.',
    relevant: {
      'pp-evening-course': 2,
      'cy-rhianta-cymraeg': 1,
      'pp-online-course': 1,
      'pp-short-version': 1,
      'pp-dads-football': 1,
    },
  },
  {
    id: 'd-involve-dads',
    title: 'Getting dads involved in parenting support',
    problem: 'Hardly any fathers come to our groups or courses.',
    relevant: { 'pp-dads-football': 2, 'fs-dads-group': 2, 'pp-evening-course': 1, 'eh-ask-about-dad': 1 },
  },
  {
    id: 'd-video-children-care',
    title: 'Video calls so children in care can see mum and dad between visits',
    problem: 'Children in care only see their parents every two weeks and get upset in between.',
    relevant: {
      'dc-video-family-time': 2,
      'pp-online-course': 1,
      'dc-teen-chat': 1,
      'dc-voice-notes': 1,
    },
  },
  {
    id: 'd-rural-reparation',
    title: 'Reparation for young people in rural villages with no transport',
    problem: 'Young people in the villages cannot get to reparation sessions and their orders overrun.',
    relevant: {
      'yj-remote-reparation': 2,
      'yj-garden-reparation': 1,
      'yj-bike-workshop': 1,
      'pp-online-course': 1,
    },
  },
  {
    id: 'd-cy-cwrs-rhianta',
    title: 'Cwrs rhianta yn Gymraeg',
    problem: 'Mae rhieni eisiau siarad am eu plant yn Gymraeg, ond mae\u2019r cwrs yn Saesneg.',
    relevant: {
      'cy-rhianta-cymraeg': 2,
      'pp-evening-course': 1,
      'pp-dads-football': 1,
      'pp-short-version': 1,
    },
  },
  {
    id: 'd-cy-gofalwyr-ysgol',
    title: 'Cefnogaeth i ofalwyr ifanc yn yr ysgol',
    problem: 'Mae gofalwyr ifanc yn blino ac yn hwyr i\u2019r ysgol achos maen nhw\u2019n gofalu am riant.',
    relevant: {
      'cy-clwb-gofalwyr-ifanc': 2,
      'yc-school-card': 1,
      'yc-homework-club': 1,
      'yc-sibling-walking-bus': 1,
    },
  },
  {
    id: 'd-young-carer-breaks',
    title: 'Breaks for young carers in the summer holidays',
    problem: 'Young carers never get time off from caring and miss out on what friends do.',
    relevant: {
      'yc-respite-trips': 2,
      'cy-clwb-gofalwyr-ifanc': 1,
      'yc-homework-club': 1,
      'yc-school-card': 1,
      'yc-sibling-walking-bus': 1,
    },
  },
  {
    id: 'd-children-after-abuse',
    title: 'Support for children after domestic abuse at home',
    problem: 'Children who have seen violence at home act out at school and get excluded.',
    relevant: { 'da-children-group': 2, 'da-own-words-plan': 1, 'da-24h-call': 1, 'da-school-gate': 1 },
  },
  {
    id: 'd-care-leaver-arrears',
    title: 'Help care leavers avoid rent arrears',
    problem: 'Care leavers get into arrears and council tax debt in their first tenancy.',
    hypothesis: 'Budgeting practice before they move in will prevent debt.',
    relevant: {
      'cl-budget-sessions': 2,
      'cl-taster-flat': 1,
      'cy-fflat-prawf': 1,
      'cl-housing-at-17': 1,
      'cl-guarantor': 1,
      'cy-cymorth-tenantiaeth': 1,
    },
  },
  {
    id: 'd-fostering-enquiry-speed',
    title: 'Answer fostering enquiries the same day',
    problem: 'Web enquiries about fostering wait days and people go to agencies instead.',
    relevant: { 'fc-text-back': 2, 'fc-cafe-evening': 1, 'fc-county-show': 1, 'fc-school-gate-stories': 1 },
  },
  {
    id: 'd-after-police',
    title: 'Contact families straight after the police have been involved',
    problem: 'After a police notification we take a week to get in touch and the family has moved on.',
    relevant: { 'eh-police-callback': 2, 'da-24h-call': 2, 'eh-evening-calls': 1, 'ed-handover-summary': 1 },
  },
  {
    id: 'd-friendly-absence-letters',
    title: 'Friendlier letters to parents about school absence',
    problem: 'Parents feel threatened by our legal letters about attendance and stop talking to school.',
    relevant: {
      'sa-plain-letters': 2,
      'sa-home-visit-not-fine': 1,
      'sa-wake-up-calls': 1,
      'dc-voice-notes': 1,
    },
  },
  {
    id: 'd-teen-evening-help',
    title: 'Somewhere teenagers can get help in the evening',
    problem: 'Teenagers open to us message at night but their worker is not available.',
    relevant: { 'dc-teen-chat': 2, 'ed-night-carer-call': 1, 'ed-handover-summary': 1, 'ed-shared-notes': 1 },
  },
  {
    id: 'd-send-college',
    title: 'Preparing young people with SEND for college',
    problem: 'Young people with EHCPs start college in September and drop out before Christmas.',
    relevant: { 'send-college-travel': 2, 'send-adult-review': 1, 'send-passport': 1, 'send-video-tour': 1 },
  },
];
