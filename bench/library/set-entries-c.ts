/** Labelled entries: foster carer recruitment, emergency duty out of hours, parenting programmes, digital contact. */
import { entry } from './set-types.ts';

export const ENTRIES_C = [
  entry({
    id: 'fc-school-gate-stories',
    team: 'fostering',
    status: 'abandoned',
    created: '2025-02-17',
    title: 'Foster carers telling their story at school gates to recruit new carers',
    problem: 'Our adverts bring few enquiries. People say they did not know anyone who fostered.',
    hypothesis: [
      'hearing from a real local foster carer will persuade more parents to enquire about fostering',
      'foster carers hand out leaflets and chat at six primary school gates over a month',
      'fostering enquiries from those areas',
      'twice as many enquiries as the month before',
    ],
    cycles: [
      [
        'didNotWork',
        'Two enquiries in a month. Parents at the gate were in a hurry and some carers felt exposed.',
        'School gates are the wrong moment for a big decision. Carers\u2019 stories work better at relaxed events.',
        'abandon',
      ],
    ],
  }),
  entry({
    id: 'fc-cafe-evening',
    team: 'fostering',
    status: 'adopted',
    created: '2025-04-07',
    title: 'Fostering information evenings in a café instead of the council office',
    problem:
      'People interested in fostering do not come to information sessions in the council office. It feels formal and they worry about being judged.',
    hypothesis: [
      'an informal evening in a local café, with foster carers there to talk, will bring more would-be foster carers to an information session',
      'hold monthly café evenings for three months',
      'people attending and going on to an initial visit',
      'attendance doubles and more go on to an initial visit',
    ],
    cycles: [
      [
        'worked',
        'Attendance went from an average of three to eleven. Six households booked an initial visit.',
        'Informal places and real foster carers lower the barrier to enquiring about fostering.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'fc-text-back',
    team: 'fostering',
    status: 'adopted',
    created: '2025-08-11',
    title: 'Replying to fostering enquiries within an hour by text or call',
    problem:
      'Fostering enquiries from our website wait days for a reply. Many have already gone to an independent fostering agency.',
    hypothesis: [
      'replying within an hour will keep more enquirers with the council service',
      'a recruitment worker answers every web enquiry within an hour by text or phone call during the working day, for six weeks',
      'enquiries that go on to an initial visit',
      'conversion to initial visits doubles',
    ],
    cycles: [
      [
        'worked',
        'Conversion to initial visits went from 12 to 27 percent. Enquirers said a quick call showed we cared.',
        'Speed of first contact matters for foster carer recruitment. The hour target needs a named worker each day.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'fc-county-show',
    team: 'fostering',
    status: 'abandoned',
    created: '2025-07-21',
    title: 'A fostering recruitment stall at the county show',
    problem: 'We reach few people in rural areas where we need more foster carers for sibling groups.',
    hypothesis: [
      'a stall at the county show will bring enquiries from rural households',
      'staff a stall for three days with foster carers',
      'enquiries traced to the show',
      'at least ten enquiries',
    ],
    cycles: [
      [
        'didNotWork',
        'Many conversations but one enquiry. The cost in staff time over a weekend was high.',
        'Big events give awareness, not enquiries. Follow-up by text to people who left details might have helped.',
        'abandon',
      ],
    ],
  }),
  entry({
    id: 'ed-handover-summary',
    team: 'emergency-duty',
    status: 'adopted',
    created: '2025-01-27',
    title: 'A handover summary from the out-of-hours team to day teams by 8am',
    problem:
      'Day teams find out about overnight emergency placements or police protection hours late. Families are called by the wrong person or not at all.',
    hypothesis: [
      'a short structured handover sent to each day team by 8am will mean families are followed up the same morning',
      'the emergency duty team sends a one-page summary per case for a month',
      'overnight cases followed up by the day team before noon',
      'nearly all followed up before noon',
    ],
    cycles: [
      [
        'worked',
        'Follow-up before noon rose from about half to 95 percent. Day managers asked for the same format every day.',
        'A fixed handover template at a fixed time closes the gap between the out-of-hours service and day teams.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'ed-night-carer-call',
    team: 'emergency-duty',
    status: 'testing',
    created: '2026-01-07',
    title: 'Out-of-hours worker calls the foster carer the morning after an emergency placement at night',
    problem:
      'Foster carers who take a child in the middle of the night hear nothing until the day team catches up, sometimes days later.',
    hypothesis: [
      'a call from the emergency duty worker before they go off shift will support foster carers after a night placement',
      'call every carer who took an emergency placement overnight, for six weeks',
      'carers\u2019 rating of support and placements that break down in the first week',
      'carers feel supported and no early breakdowns',
    ],
    cycles: [
      [
        'worked',
        'Carers valued the call. One placement ended early for reasons the call could not change.',
        'Foster carers need to hear from someone after a night placement. Add the child\u2019s known needs to the call.',
        'adapt',
      ],
    ],
  }),
  entry({
    id: 'ed-shared-notes',
    team: 'emergency-duty',
    status: 'declined',
    created: '2025-10-20',
    title: 'Shared weekend notes about families open to day teams for the emergency duty service',
    problem:
      'Out-of-hours workers cannot see what day teams know about families, so they make decisions without history at weekends.',
    hypothesis: [
      'a shared document of key notes about open families will help the emergency duty team make safer decisions',
      'day teams write weekend notes for families at risk each Friday',
      'weekend decisions that needed information not available',
      'fewer decisions made without history',
    ],
    declineReason:
      'A shared document outside the case record is a data protection risk and duplicates the record. Ask for out-of-hours access to the case management system instead; IT can do that.',
  }),
  entry({
    id: 'pp-evening-course',
    team: 'parenting',
    status: 'adopted',
    created: '2025-03-24',
    title: 'The parenting programme in the evenings with a crèche',
    problem:
      'Our parenting programme runs in school hours, so working parents and parents of toddlers cannot come.',
    hypothesis: [
      'running the parenting course in the evening with free childcare will let more parents complete it',
      'run one ten-week course on Tuesday evenings with a crèche',
      'parents who complete the course',
      'completion above 70 percent',
    ],
    cycles: [
      [
        'worked',
        'Fourteen of eighteen completed, our best ever. The crèche was the reason most gave for coming.',
        'Childcare and timing decide whether parents can finish a parenting programme. Keep one evening course every term.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'pp-short-version',
    team: 'parenting',
    status: 'testing',
    created: '2026-02-02',
    title: 'A three-session taster of the parenting programme',
    problem: 'Parents drop out of the ten-week parenting course by week three.',
    hypothesis: [
      'a short three-session version will give parents a quick win and lead them on to the full course',
      'run the taster twice this term',
      'parents completing the taster and joining the full course',
      'most complete and half join the full course',
    ],
    cycles: [
      [
        'unclear',
        'Most completed the taster but few joined the full programme.',
        'The taster may be enough for some parents. Measure change in the strengths and difficulties score instead of sign-ups.',
        'adapt',
      ],
    ],
  }),
  entry({
    id: 'pp-online-course',
    team: 'parenting',
    status: 'abandoned',
    created: '2025-09-08',
    title: 'The parenting course delivered online by video call',
    problem: 'Rural parents cannot travel to the parenting course venue.',
    hypothesis: [
      'an online parenting course will reach parents who cannot travel',
      'run one course by video call for ten weeks',
      'completion and parent ratings',
      'completion as high as the face-to-face course',
    ],
    cycles: [
      [
        'didNotWork',
        'Parents joined with children around them, cameras off, and half stopped coming. Poor broadband in the villages cut calls.',
        'Video works for single check-ins, not a group course. Fund transport to a venue instead.',
        'abandon',
      ],
    ],
  }),
  entry({
    id: 'pp-dads-football',
    team: 'parenting',
    status: 'adopted',
    created: '2025-05-05',
    title: 'A parenting course for dads at the local football club',
    problem: 'Very few fathers come to our parenting courses, which are held in children\u2019s centres.',
    hypothesis: [
      'holding a parenting course for fathers at the football club will bring dads in',
      'run a six-week course with the club\u2019s community trust',
      'fathers attending and completing',
      'at least eight dads complete',
    ],
    cycles: [
      [
        'worked',
        'Eleven fathers completed. Several said they would not have gone to a children\u2019s centre.',
        'The venue tells fathers whether a parenting course is for them. Partner with places dads already go.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'dc-text-reminders',
    team: 'contact',
    status: 'adopted',
    created: '2025-02-03',
    title: 'Text message reminders the day before appointments and meetings',
    problem: 'Parents miss child in need meetings and appointments because letters arrive late or get lost.',
    hypothesis: [
      'a text reminder the day before will cut missed appointments',
      'send text reminders for all meetings in two teams for a month',
      'meetings where parents attend',
      'attendance rises by a fifth',
    ],
    cycles: [
      [
        'worked',
        'Missed meetings fell from 28 to 11 percent. Some parents replied asking to move the time.',
        'Reminders by text are cheap and work. Replies need someone to read them the same day.',
        'adopt',
      ],
    ],
  }),
  entry({
    id: 'dc-video-family-time',
    team: 'contact',
    status: 'testing',
    created: '2026-01-12',
    title: 'Video calls between face-to-face family time for children in care',
    problem:
      'Children in care see their parents once a fortnight at the contact centre. Between visits they lose touch and worry.',
    hypothesis: [
      'a short supervised video call between visits will help children keep in touch with parents',
      'offer a weekly fifteen-minute video call to eight families',
      'children\u2019s and carers\u2019 views, and how visits go',
      'children want to continue and visits go more calmly',
    ],
    cycles: [
      [
        'unclear',
        'Older children liked the calls; younger ones lost interest after a few minutes.',
        'Video contact suits older children. For little ones, a shared story read on the call works better.',
        'adapt',
      ],
    ],
  }),
  entry({
    id: 'dc-teen-chat',
    team: 'contact',
    status: 'declined',
    created: '2025-11-03',
    title: 'An evening chat line for teenagers open to children\u2019s services',
    problem:
      'Teenagers do not answer calls but message all evening. They cannot reach their worker when things go wrong.',
    hypothesis: [
      'an evening online chat with a duty worker will let teenagers get help when they need it',
      'open a chat from 6pm to 10pm for four weeks',
      'teenagers using it and what for',
      'teenagers use it and issues are picked up earlier',
    ],
    declineReason:
      'An evening chat service would take safeguarding disclosures outside office hours without the emergency duty team knowing. It needs a safeguarding protocol and out-of-hours cover first.',
  }),
  entry({
    id: 'dc-voice-notes',
    team: 'contact',
    status: 'abandoned',
    created: '2025-07-14',
    title: 'Voice notes instead of letters for parents who struggle to read',
    problem: 'Some parents cannot read our letters about plans and meetings, and are embarrassed to say so.',
    hypothesis: [
      'sending a voice note explaining the letter will help parents who struggle to read understand their plan',
      'send voice notes alongside letters for parents who ask, for six weeks',
      'parents who understand their plan when asked',
      'understanding improves',
    ],
    cycles: [
      [
        'didNotWork',
        'Few parents asked for it, and phones were shared or changed so notes went astray.',
        'Asking parents to admit they cannot read does not work. Read plans aloud at visits as routine for everyone.',
        'abandon',
      ],
    ],
  }),
];
