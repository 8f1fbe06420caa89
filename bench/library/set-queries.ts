/**
 * Search queries with the entries a worker typing them would want to see, graded as the drafts are
 * (set-labels.ts): 2 an entry on the very subject, 1 a related one worth reading. Each has at least
 * three relevant entries, so that precision at 3 can reach 1 for every query.
 */
import type { LabelledQuery } from './set-types.ts';

export const QUERIES: LabelledQuery[] = [
  {
    id: 'q-evening-calls',
    q: 'calls to parents in the evening',
    kind: 'plain',
    relevant: {
      'eh-evening-calls': 2,
      'cy-galwadau-nos': 1,
      'eh-police-callback': 1,
      'sa-wake-up-calls': 1,
      'ed-night-carer-call': 1,
      'cy-galwadau-aros': 1,
    },
  },
  {
    id: 'q-calling',
    q: 'calling',
    kind: 'stemming',
    relevant: {
      'eh-evening-calls': 2,
      'eh-police-callback': 2,
      'da-24h-call': 2,
      'sa-wake-up-calls': 2,
      'ed-night-carer-call': 2,
      'fc-text-back': 1,
    },
  },
  {
    id: 'q-parent-buddies',
    q: 'parent buddies',
    kind: 'stemming',
    relevant: { 'fs-parent-buddy': 2, 'send-diagnosis-buddy': 2, 'fs-peer-group-declined': 1 },
  },
  {
    id: 'q-fathers',
    q: 'father',
    kind: 'stemming',
    relevant: { 'fs-dads-group': 2, 'pp-dads-football': 2, 'eh-ask-about-dad': 2 },
  },
  {
    id: 'q-transitions',
    q: 'transitions',
    kind: 'stemming',
    relevant: { 'send-passport': 2, 'send-video-tour': 2, 'send-adult-review': 2, 'send-college-travel': 1 },
  },
  {
    id: 'q-fostr',
    q: 'fostr carers',
    kind: 'typo',
    relevant: {
      'fc-cafe-evening': 2,
      'fc-text-back': 2,
      'fc-school-gate-stories': 2,
      'fc-county-show': 2,
      'ed-night-carer-call': 1,
    },
  },
  {
    id: 'q-reparaton',
    q: 'reparaton',
    kind: 'typo',
    relevant: {
      'yj-garden-reparation': 2,
      'yj-bike-workshop': 2,
      'yj-remote-reparation': 2,
      'yj-victim-letter': 1,
    },
  },
  {
    id: 'q-homwork',
    q: 'homwork club',
    kind: 'typo',
    relevant: { 'yc-homework-club': 2, 'fs-hostel-homework': 2, 'cy-clwb-gofalwyr-ifanc': 1 },
  },
  {
    id: 'q-gofalwyr',
    q: 'gofalwyr ifanc',
    kind: 'welsh',
    relevant: {
      'cy-clwb-gofalwyr-ifanc': 2,
      'yc-school-card': 1,
      'yc-homework-club': 1,
      'yc-respite-trips': 1,
      'yc-sibling-walking-bus': 1,
    },
  },
  {
    id: 'q-rhianta',
    q: 'rhianta',
    kind: 'welsh',
    relevant: { 'cy-rhianta-cymraeg': 2, 'pp-evening-course': 1, 'pp-dads-football': 1 },
  },
  {
    id: 'q-galwadau',
    q: 'galwadau ff\u00f4n i deuluoedd',
    kind: 'welsh',
    relevant: { 'cy-galwadau-nos': 2, 'cy-galwadau-aros': 2, 'eh-evening-calls': 1 },
  },
  {
    id: 'q-tenantiaeth',
    q: 'tenantiaeth',
    kind: 'welsh',
    relevant: { 'cy-fflat-prawf': 2, 'cy-cymorth-tenantiaeth': 2, 'cl-taster-flat': 1 },
  },
  {
    id: 'q-safety-planning',
    q: 'safety planning',
    kind: 'plain',
    relevant: { 'da-own-words-plan': 2, 'da-school-gate': 2, 'da-24h-call': 1 },
  },
  {
    id: 'q-walking-bus',
    q: 'walking bus',
    kind: 'plain',
    relevant: { 'sa-walking-bus': 2, 'yc-sibling-walking-bus': 2, 'cy-bws-cerdded': 1 },
  },
  {
    id: 'q-out-of-hours',
    q: 'out of hours handover',
    kind: 'plain',
    relevant: { 'ed-handover-summary': 2, 'ed-shared-notes': 1, 'ed-night-carer-call': 1 },
  },
  {
    id: 'q-rent-arrears',
    q: 'rent arrears',
    kind: 'plain',
    relevant: {
      'cl-budget-sessions': 2,
      'cl-taster-flat': 1,
      'cy-fflat-prawf': 1,
      'cy-cymorth-tenantiaeth': 1,
    },
  },
  {
    id: 'q-texting',
    q: 'texting parents',
    kind: 'stemming',
    relevant: {
      'dc-text-reminders': 2,
      'eh-text-before-visit': 2,
      'eh-evening-calls': 1,
      'cy-galwadau-nos': 1,
      'fc-text-back': 1,
      'yc-text-assessment': 1,
      'dc-voice-notes': 1,
    },
  },
  {
    id: 'q-abuse-children',
    q: 'children who witnessed domestic abuse',
    kind: 'plain',
    relevant: { 'da-children-group': 2, 'da-own-words-plan': 1, 'da-24h-call': 1, 'da-school-gate': 1 },
  },
  {
    id: 'q-atendance',
    q: 'atendance letters',
    kind: 'typo',
    relevant: {
      'sa-plain-letters': 2,
      'sa-home-visit-not-fine': 1,
      'sa-wake-up-calls': 1,
      'dc-voice-notes': 1,
    },
  },
  {
    id: 'q-gadael-gofal',
    q: 'gadael gofal',
    kind: 'welsh',
    relevant: {
      'cy-fflat-prawf': 2,
      'cy-cymorth-tenantiaeth': 2,
      'cl-taster-flat': 1,
      'cl-budget-sessions': 1,
      'cl-housing-at-17': 1,
      'cl-guarantor': 1,
    },
  },
  {
    id: 'q-parenting-courses',
    q: 'parenting courses',
    kind: 'stemming',
    relevant: {
      'pp-evening-course': 2,
      'pp-short-version': 2,
      'pp-online-course': 2,
      'pp-dads-football': 2,
      'cy-rhianta-cymraeg': 1,
    },
  },
  {
    id: 'q-video-calls',
    q: 'video calls',
    kind: 'plain',
    relevant: { 'dc-video-family-time': 2, 'pp-online-course': 2, 'yj-remote-reparation': 1 },
  },
];
