/**
 * "Ideas like yours": the library's entries most like an idea, each with its outcome and what it
 * learned in one line, for the check-your-answers page (the draft) and a manager's case page (the case).
 * The library service leaves out the caller's own experiments and anything the library must not show;
 * the case's own experiment is left out here too, in case it was in the library a moment ago.
 */
import type { DraftRequest } from '#shared/domain/library-schemas.ts';
import type { LibraryItem } from '#shared/services/library/library-items.ts';
import type { PageContext } from '../../context.ts';
import { signedIn } from '../../context.ts';
import { type Messages, teamName } from '../../i18n/index.ts';
import { statusTag } from '../../presenters.ts';
import { pieces } from './marks.ts';
import { lessonOf, libraryHref, readable } from './presenter.ts';

/** An idea as the library compares it: its title, problem and test card. */
export type IdeaText = { title: string; problem?: string | null; hypothesis?: DraftRequest['hypothesis'] };

export interface IdeasLikeYours {
  heading: string;
  intro: string;
  /** On the check page the entries open in a new tab, so the answers typed so far stay where they are. */
  newTab: boolean;
  items: {
    href: string;
    title: string;
    team: string;
    outcome: { text: string; classes: string };
    lesson?: string;
  }[];
}

/** The block's words and entries; undefined when there is nothing like it, so the page shows no block. */
export const ideasLikeYoursModel = (
  t: Messages,
  items: readonly LibraryItem[],
  opts: { on: 'check' | 'case'; excludeId?: string },
): IdeasLikeYours | undefined => {
  const shown = items.filter((item) => item.entry.id !== opts.excludeId);
  if (shown.length === 0) return undefined;
  const words = t.library.similar;
  return {
    // The spec names the block "Ideas like yours" on both pages; only the intro differs.
    heading: words.heading,
    intro: opts.on === 'check' ? words.intro : words.caseIntro,
    newTab: opts.on === 'check',
    items: shown.map(({ entry }) => {
      const lesson = lessonOf(entry);
      return {
        href: libraryHref(entry.id),
        title: readable(t, entry.title),
        team: teamName(t, entry.team),
        outcome: statusTag(t, entry.status),
        ...(lesson
          ? {
              lesson: pieces(readable(t, lesson.text), [], { line: true })
                .map((p) => p.text)
                .join(''),
            }
          : {}),
      };
    }),
  };
};

/** The entries most like `idea` for the person on this page, as the block shows them. */
export const ideasLikeYours = async (
  ctx: PageContext,
  idea: IdeaText,
  opts: { on: 'check' | 'case'; excludeId?: string },
): Promise<IdeasLikeYours | undefined> => {
  const items = await ctx.services.library.similar(signedIn(ctx), {
    title: idea.title,
    problem: idea.problem ?? null,
    hypothesis: idea.hypothesis ?? null,
  });
  return ideasLikeYoursModel(ctx.t, items, opts);
};
