/**
 * The innovation allowance as the card and people use it: what an idea the card authorises draws
 * (checked against the balance read consistently, drawn in the assessment's own transaction), and what
 * each team has drawn and has left this financial year.
 */
import {
  type AllowanceCheck,
  type AssessmentWithAllowance,
  allowanceLeft,
  checkAllowance,
  financialYear,
  withAllowance,
} from '../domain/allowance.ts';
import type { Assessment } from '../domain/assess.ts';
import type { Policy } from '../domain/card.ts';
import type { AllowanceUse, Experiment } from '../domain/experiment.ts';
import { type AllowanceDraw, type AllowanceStore, toPence, toPounds } from '../store/allowance-store.ts';
import type { PolicyStore } from '../store/policy-store.ts';
import { requirePermission } from './rights.ts';
import type { User } from './user.ts';

/** `GET /api/allowance`: one row a team. `year` is the financial year's label, such as "2026–27". */
export interface AllowanceRow {
  team: string;
  year: string;
  allowance: number;
  drawn: number;
  left: number;
}

/** The card's assessment with the allowance applied, what it draws, and what the idea has used. */
export interface AllowanceOutcome {
  assessment: AssessmentWithAllowance;
  draw?: AllowanceDraw;
  /** Undefined when the policy gives the team no allowance and the idea never drew: nothing to record. */
  use?: AllowanceUse;
}

/** The team's allowance in a policy; own properties only, so no team slug reads Object's prototype. */
export const allowanceOf = (policy: Pick<Policy, 'allowance'>, team: string): number | undefined => {
  const value =
    policy.allowance && Object.hasOwn(policy.allowance, team) ? policy.allowance[team] : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

export interface AllowanceDeps {
  policies: Pick<PolicyStore, 'recent'>;
  balances: AllowanceStore;
  now: () => Date;
}

export const allowanceService = (deps: AllowanceDeps) => {
  const row = (team: string, allowance: number, drawnPence: number, at: Date): AllowanceRow => {
    const drawn = toPounds(drawnPence);
    return { team, year: financialYear(at).label, allowance, drawn, left: allowanceLeft(allowance, drawn) };
  };

  const forTeam = async (team: string): Promise<AllowanceRow | undefined> => {
    const at = deps.now();
    const allowance = allowanceOf(await deps.policies.recent(), team);
    if (allowance === undefined) return undefined;
    return row(team, allowance, await deps.balances.drawn(team, financialYear(at).key), at);
  };

  const all = async (): Promise<AllowanceRow[]> => {
    const at = deps.now();
    const policy = await deps.policies.recent();
    const drawn = await deps.balances.drawnByTeam(financialYear(at).key);
    return Object.keys(policy.allowance ?? {})
      .sort()
      .flatMap((team) => {
        const allowance = allowanceOf(policy, team);
        return allowance === undefined ? [] : [row(team, allowance, drawn.get(team) ?? 0, at)];
      });
  };

  return {
    /**
     * Applies the team's allowance to the card's assessment of an idea whose cost is `extraCost`, of
     * which `covered` was authorised before (0 for a new idea; an `adapt` draws only above it). Only
     * what the card authorises draws; the allowance comes from the current policy, the balance from a
     * consistent read at `at`.
     */
    async apply(input: {
      exp: Pick<Experiment, 'team' | 'allowance'>;
      extraCost: number;
      covered: number;
      assessment: Assessment;
      at: Date;
    }): Promise<AllowanceOutcome> {
      const { exp, extraCost, covered, at } = input;
      const allowance = allowanceOf(await deps.policies.recent(), exp.team);
      const year = financialYear(at);
      const drawnPence = allowance === undefined ? 0 : await deps.balances.drawn(exp.team, year.key);
      const check: AllowanceCheck = checkAllowance({
        allowance,
        drawn: toPounds(drawnPence),
        extraCost,
        alreadyDrawn: covered,
        at,
      });
      const applied = withAllowance(input.assessment, check);
      const authorised = applied.assessment.decision === 'authorised';
      const drawn = (exp.allowance?.drawn ?? 0) + applied.draw;
      const use =
        allowance === undefined && exp.allowance === undefined
          ? undefined
          : { drawn, covered: authorised ? Math.max(covered, extraCost) : covered };
      if (applied.draw === 0 || allowance === undefined)
        return { assessment: applied.assessment, ...(use ? { use } : {}) };
      const draw = {
        team: exp.team,
        year: year.key,
        pence: toPence(applied.draw),
        allowancePence: toPence(allowance),
      };
      return { assessment: applied.assessment, draw, ...(use ? { use } : {}) };
    },

    /** One team's row, for the form's hint; undefined when the team has no allowance. */
    forTeam,

    /** Every team's row, for the dashboard (whose own permission its caller checked). */
    all,

    /** `GET /api/allowance`: a manager's own team, or for a leader every team the current policy gives one. */
    async list(user: User): Promise<AllowanceRow[]> {
      requirePermission(user, 'seeAllowance');
      if (user.roles.includes('leader')) return all();
      const own = await forTeam(user.team);
      return own ? [own] : [];
    },
  };
};

export type AllowanceService = ReturnType<typeof allowanceService>;
