import { Injectable } from '@nestjs/common';
import { evaluateAttempt, type Verdict } from '@recupera/shared';
import { AppException } from '../../common/errors/app.exception';
import { AttemptContextRepository } from './attempt-context.repository';
import { historySince, needsContactPoint, toAttemptInput } from './attempt-input.util';
import type { GateRequest, TeamVisibility } from './compliance-gate.type';
import { ComplianceRefusalsRepository } from './compliance-refusals.repository';
import { ComplianceRulesService } from './compliance-rules.service';

/** A verdict with what it was reached on. */
export interface GateEvaluation {
  verdict: Verdict;
  /** The profile applied: the debtor's jurisdiction. */
  profile: string;
  timeZone: string;
  /** The team the attempt is for (the request's, else the account's). */
  teamId: string | null;
}

/**
 * The compliance gate (DESIGN.md §5): every attempt on every channel asks `check` first, and the
 * dialer has no other way to dial. Reads the debtor, the contact point and the recent history in two
 * queries, applies the pure rules of shared/compliance with the caller's `now`, and records every
 * refusal with its reason.
 */
@Injectable()
export class ComplianceGateService {
  constructor(
    private readonly rules: ComplianceRulesService,
    private readonly contexts: AttemptContextRepository,
    private readonly refusals: ComplianceRefusalsRepository,
  ) {}

  /** May this attempt be made at `now`? A refusal is recorded before it is returned. */
  async check(request: GateRequest, now: Date): Promise<Verdict> {
    const evaluation = await this.evaluate('all', request, now);
    const { verdict } = evaluation;
    if (!verdict.allowed) {
      await this.refusals.insert({
        accountId: request.accountId,
        contactPointId: request.contactPointId ?? null,
        campaignId: request.campaignId ?? null,
        teamId: evaluation.teamId,
        channel: request.channel,
        reason: verdict.reason,
        retryAt: verdict.retryAt ?? null,
        at: now,
      });
    }
    return verdict;
  }

  /**
   * The verdict without recording it (a preview is not an attempt), for an account within
   * `visibility`; an account outside it answers like a missing one.
   */
  async evaluate(visibility: TeamVisibility, request: GateRequest, now: Date): Promise<GateEvaluation> {
    const contactPointId = request.contactPointId ?? null;
    if (contactPointId === null && needsContactPoint(request.channel)) {
      throw AppException.invalid(`A ${request.channel} attempt needs a contactPointId`);
    }
    const context = await this.contexts.findContext(
      visibility,
      request.accountId,
      contactPointId,
      request.channel,
    );
    if (!context) throw AppException.notFound('Account');
    if (contactPointId !== null && !context.contactPoint) throw AppException.notFound('Contact point');
    const profile = await this.rules.profile(context.jurisdiction);
    // No profile means no rules to prove the attempt lawful: that must never read as "allowed".
    if (!profile)
      throw AppException.invalid(`No compliance profile for jurisdiction ${context.jurisdiction}`);
    const [holidays, history] = await Promise.all([
      this.rules.holidaysOf(context.jurisdiction),
      this.contexts.history(
        profile.frequencyScope === 'debt' ? { accountId: context.accountId } : { debtorId: context.debtorId },
        historySince(profile, now),
        request.exceptInteractionId,
      ),
    ]);
    const verdict = evaluateAttempt(
      toAttemptInput(context, profile, holidays, request.channel, history),
      now,
    );
    return {
      verdict,
      profile: context.jurisdiction,
      timeZone: context.timeZone,
      teamId: request.teamId ?? context.assignedTeamId,
    };
  }
}
