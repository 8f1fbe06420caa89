/** The people a local sign-in offers: staff in two teams, a manager of each, and a leader. */
export const DEMO_USERS = [
  {
    label: 'Sam Patel, early help (staff)',
    claims: { sub: 'sam', name: 'Sam Patel', groups: ['staff'], team: 'early-help' },
  },
  {
    label: 'Rhys Evans, youth justice (staff)',
    claims: { sub: 'rhys', name: 'Rhys Evans', groups: ['staff'], team: 'youth-justice' },
  },
  {
    label: 'Megan Jones, early help (manager)',
    claims: { sub: 'megan', name: 'Megan Jones', groups: ['staff', 'manager'], team: 'early-help' },
  },
  {
    label: 'Owen Price, youth justice (manager)',
    claims: { sub: 'owen', name: 'Owen Price', groups: ['staff', 'manager'], team: 'youth-justice' },
  },
  {
    label: 'Carys Morgan, director (leader)',
    claims: { sub: 'carys', name: 'Carys Morgan', groups: ['leader'], team: 'children-services' },
  },
] as const;
