/**
 * The learning library in the page's language: the search form (a GET form, checked with the API's own
 * schema), the results with the words that matched, and one entry. Entries carry no person's name or id.
 */
import { HYPOTHESIS_FIELDS } from '#shared/domain/experiment.ts';
import { LIBRARY_STATUSES, type LibraryEntry, QUERY_TOO_LONG } from '#shared/domain/library-entry.ts';
import { type LibraryQuery, libraryQuerySchema } from '#shared/domain/library-schemas.ts';
import { REDACTED } from '#shared/domain/redaction.ts';
import { TEAM_IDS } from '#shared/domain/teams.ts';
import type { Highlights, LibraryItem, LibraryPage } from '#shared/services/library/library-items.ts';
import { errorCollector } from '../../form/issues.ts';
import { type Formatter, type Messages, teamName } from '../../i18n/index.ts';
import { multiline, statusTag } from '../../presenters.ts';
import { marked, type Piece } from './marks.ts';

export const PAGE_SIZE = 20;
const MAX_CURSOR = 2048;

export const libraryHref = (id: string): string => `/library/${encodeURIComponent(id)}`;

/** Text as the page shows it: governance's marker in the page's language, and "Not kept" for none. */
export const readable = (t: Messages, text: string | null | undefined): string =>
  text === REDACTED ? t.library.removed : text || t.library.notKept;

/** The search as typed, shown back on the form. */
export interface Filters {
  q: string;
  team: string;
  status: string;
}

export const readFilters = (query: URLSearchParams): Filters => ({
  q: query.get('q') ?? '',
  team: query.get('team') ?? '',
  status: query.get('status') ?? '',
});

/**
 * The query the library service takes, or what is wrong with the search, on its fields. The API's own
 * schema decides (200 characters at most, well-formed text, a real team and status); an empty filter is
 * no filter, and a cursor that cannot be one is ignored (the first page).
 */
export const checkFilters = (t: Messages, filters: Filters, cursor: string | null) => {
  const parsed = libraryQuerySchema.safeParse({
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.team ? { team: filters.team } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(cursor && cursor.length <= MAX_CURSOR ? { cursor } : {}),
    limit: PAGE_SIZE,
  });
  const errors = errorCollector();
  if (parsed.success) return { query: parsed.data, errors };
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field === 'q' && !errors.byKey.q)
      errors.add(
        'q',
        issue.message === QUERY_TOO_LONG ? t.library.errors.qTooLong : t.library.errors.qBroken,
      );
    if (field === 'team' && !errors.byKey.team) errors.add('team', t.library.errors.team);
    if (field === 'status' && !errors.byKey.status) errors.add('status', t.library.errors.status);
  }
  return { query: undefined, errors };
};

const teamItems = (t: Messages, chosen: string) => [
  { value: '', text: t.library.anyTeam },
  ...TEAM_IDS.map((id) => ({ value: id, text: teamName(t, id), selected: id === chosen })),
];

const statusItems = (t: Messages, chosen: string) => [
  { value: '', text: t.library.anyStatus },
  ...LIBRARY_STATUSES.map((status) => ({
    value: status,
    text: t.statuses[status],
    selected: status === chosen,
  })),
];

/**
 * The entry's lesson in one line: the newest cycle whose lesson has a matched word, else the newest
 * lesson, else why it was declined.
 */
export const lessonOf = (
  entry: LibraryEntry,
  highlights?: Highlights,
): { path: string; text: string } | undefined => {
  const lessons = entry.cycles.map((cycle, i) => ({ path: `cycles.${i + 1}.learned`, text: cycle.learned }));
  const matched = lessons.filter((lesson) => highlights?.[lesson.path]).at(-1);
  const lesson = matched ?? lessons.at(-1);
  if (lesson?.text) return lesson;
  return entry.declineReason ? { path: 'declineReason', text: entry.declineReason } : undefined;
};

/** Where else a search matched, shown as a snippet when neither the title nor the lesson has a matched word. */
const otherMatch = (t: Messages, entry: LibraryEntry, highlights: Highlights, shown: string[]) => {
  const path = Object.keys(highlights).find((p) => !shown.includes(p));
  if (!path) return undefined;
  const texts: Record<string, string | null | undefined> = {
    problem: entry.problem,
    ...Object.fromEntries(Object.entries(entry.hypothesis).map(([k, v]) => [`hypothesis.${k}`, v])),
    ...Object.fromEntries(entry.cycles.map((c, i) => [`cycles.${i + 1}.observed`, c.observed])),
    ...Object.fromEntries(entry.cycles.map((c, i) => [`cycles.${i + 1}.learned`, c.learned])),
  };
  const text = texts[path];
  if (!text) return undefined;
  return { label: placeName(t, path), pieces: marked(text, highlights, path, { line: true, snippet: true }) };
};

/** A text's place in an entry in the page's words: "The problem", "Test 2: What we saw". */
const placeName = (t: Messages, path: string): string => {
  const [head = '', part = '', field = ''] = path.split('.');
  if (head === 'problem') return t.experiment.problemHeading;
  // The short names of the test plan's parts are questions; the page writes "<place>: <text>".
  if (head === 'hypothesis') return isHypothesisField(part) ? t.fields[part].short.replace(/\?$/, '') : part;
  const what = field === 'observed' ? t.experiment.cycleObserved : t.experiment.cycleLearned;
  return `${t.experiment.cycleTitle(part)}: ${what}`;
};

const isHypothesisField = (field: string): field is (typeof HYPOTHESIS_FIELDS)[number] =>
  (HYPOTHESIS_FIELDS as readonly string[]).includes(field);

export interface ResultModel {
  href: string;
  title: Piece[];
  team: string;
  status: { text: string; classes: string };
  lesson?: Piece[];
  also?: { label: string; pieces: Piece[] };
}

export const resultModel = (t: Messages, item: LibraryItem): ResultModel => {
  const { entry, highlights } = item;
  const lesson = lessonOf(entry, highlights);
  const shown = ['title', ...(lesson ? [lesson.path] : [])];
  const lessonMatched = lesson ? Boolean(highlights?.[lesson.path]) : false;
  return {
    href: libraryHref(entry.id),
    title: marked(readable(t, entry.title), highlights, 'title'),
    team: teamName(t, entry.team),
    status: statusTag(t, entry.status),
    ...(lesson
      ? { lesson: marked(readable(t, lesson.text), highlights, lesson.path, { line: true, snippet: true }) }
      : {}),
    ...(highlights && !highlights.title && !lessonMatched
      ? { also: otherMatch(t, entry, highlights, shown) }
      : {}),
  };
};

/** The address of the next page, with the same search. */
const nextHref = (filters: Filters, next: string | null): string | undefined => {
  if (!next) return undefined;
  const kept = Object.entries(filters).filter(([, value]) => value !== '');
  return `/library?${new URLSearchParams([...kept, ['cursor', next]])}`;
};

/** The search page: the form with its choices and errors, how many matched, and this page's results. */
export const searchModel = (
  t: Messages,
  fmt: Formatter,
  filters: Filters,
  errors: ReturnType<typeof errorCollector>,
  found: { query?: LibraryQuery; page?: LibraryPage },
) => ({
  filters,
  errorList: errors.list,
  errors: errors.byKey,
  teamItems: teamItems(t, filters.team),
  statusItems: statusItems(t, filters.status),
  searched: found.page !== undefined,
  count: found.page ? t.library.count(found.page.total, fmt.number(found.page.total)) : undefined,
  order: found.query?.q ? t.library.relevance : t.library.newest,
  results: (found.page?.items ?? []).map((item) => resultModel(t, item)),
  next: found.page ? nextHref(filters, found.page.next) : undefined,
});

const row = (key: string, value: { text: string } | { html: string }) => ({ key: { text: key }, value });

const shownText = (t: Messages, text: string | null | undefined) => multiline(readable(t, text));

/** One entry: what was tried, by which team, and what each test found. */
export const entryModel = (t: Messages, fmt: Formatter, entry: LibraryEntry) => ({
  entry,
  tag: statusTag(t, entry.status),
  details: [
    row(t.experiment.team, { text: teamName(t, entry.team) }),
    row(t.experiment.status, { text: t.statuses[entry.status] }),
    row(t.library.started, { text: fmt.date(entry.createdAt) }),
    ...(entry.closedAt ? [row(t.library.closed, { text: fmt.date(entry.closedAt) })] : []),
    ...(entry.status === 'declined' ? [row(t.library.declineReason, shownText(t, entry.declineReason))] : []),
  ],
  title: readable(t, entry.title),
  problem: readable(t, entry.problem),
  testCard: HYPOTHESIS_FIELDS.map((field) =>
    row(t.fields[field].short, shownText(t, entry.hypothesis[field])),
  ),
  cycles: entry.cycles.map((cycle, i) => ({
    title: t.experiment.cycleTitle(fmt.number(i + 1)),
    rows: [
      row(t.experiment.cycleRecorded, { text: fmt.date(cycle.at) }),
      row(t.experiment.cycleResult, { text: t.experiment.results[cycle.result] }),
      row(t.experiment.cycleObserved, shownText(t, cycle.observed)),
      row(t.experiment.cycleLearned, shownText(t, cycle.learned)),
      row(t.experiment.cycleNext, { text: t.experiment.nextSteps[cycle.next] }),
    ],
  })),
});
