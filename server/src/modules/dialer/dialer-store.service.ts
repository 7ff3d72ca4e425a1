import { Inject, Injectable } from '@nestjs/common';
import type {
  CallbackTarget,
  CampaignPlan,
  DialerStorePort,
  HopperEntry,
  StoredCallView,
} from '@recupera/dialer';
import {
  CALLBACK_MAX_DAYS,
  WrapUpError,
  type AgentStateView,
  type DispositionOption,
  type DialRequest,
  type ScriptPushed,
  type Verdict,
  type WrapUpRequest,
} from '@recupera/shared';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AccountsService } from '../accounts/accounts.service';
import { ComplianceGateService } from '../compliance/compliance-gate.service';
import { ScriptsService } from '../scripts/scripts.service';
import { DialerRepository, type DialerCampaignRow } from './dialer.repository';
import type { AttemptChanges } from '@recupera/dialer';

/** An account attempted within this long is not fresh: it comes back only through retry rules. */
const FRESH_AFTER_MS = 12 * 3_600_000;
/** Campaign rows are read on every call event; a pause or an edit reaches the dialer within this. */
const CAMPAIGN_CACHE_MS = 1_000;

/** The database side of the live dialer (DialerStorePort), with the compliance gate in front of every attempt. */
@Injectable()
export class DialerStoreService implements DialerStorePort {
  private readonly cache = new Map<string, { at: number; row: Promise<DialerCampaignRow | null> }>();
  private readonly teamCache = new Map<string, { at: number; ids: Promise<string[]> }>();

  constructor(
    private readonly repository: DialerRepository,
    private readonly gateService: ComplianceGateService,
    private readonly scripts: ScriptsService,
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  runningCampaignIds(): Promise<string[]> {
    return this.repository.runningCampaignIds();
  }

  runningCampaignsOfTeam(teamId: string): Promise<string[]> {
    const cached = this.teamCache.get(teamId);
    if (cached && Date.now() - cached.at < CAMPAIGN_CACHE_MS) return cached.ids;
    const ids = this.repository.runningCampaignIdsOfTeam(teamId);
    this.teamCache.set(teamId, { at: Date.now(), ids });
    return ids;
  }

  async campaign(id: string): Promise<CampaignPlan | null> {
    const row = await this.row(id);
    return row ? this.toPlan(row) : null;
  }

  private row(id: string): Promise<DialerCampaignRow | null> {
    const cached = this.cache.get(id);
    if (cached && Date.now() - cached.at < CAMPAIGN_CACHE_MS) return cached.row;
    const row = this.repository.campaign(id);
    this.cache.set(id, { at: Date.now(), row });
    return row;
  }

  private toPlan(row: DialerCampaignRow): CampaignPlan {
    return {
      id: row.id,
      name: row.name,
      status: row.status,
      teamIds: row.teamIds,
      pacing: {
        mode: row.dialMode,
        linesPerAgent: row.linesPerAgent,
        maxLinesPerAgent: row.maxLinesPerAgent,
        abandonCap: row.abandonCapBp / 10_000,
        concurrentLineLimit: this.config.dialerMaxLines,
        callsPerSecondLimit: this.config.dialerCallsPerSecond,
      },
      ringTimeoutSeconds: row.ringTimeoutSeconds,
      machineAction: row.machineAction,
      abandonMessage: row.abandonMessage,
      wrapUpLimitSeconds: row.wrapUpLimitSeconds,
      wrapUpOverrun: row.wrapUpOverrun,
      retryRules: row.retryRules,
      schedule: row.schedule,
    };
  }

  async candidates(campaign: CampaignPlan, limit: number, now: Date): Promise<HopperEntry[]> {
    const row = await this.row(campaign.id);
    if (!row) return [];
    return this.repository.candidates(row, limit, now, new Date(now.getTime() - FRESH_AFTER_MS));
  }

  async retryCandidate(
    campaign: CampaignPlan,
    accountId: string,
    contactPointId: string,
  ): Promise<HopperEntry | null> {
    const row = await this.row(campaign.id);
    if (!row) return null;
    const [entry] = await this.repository.candidates(row, 1, new Date(), new Date(), {
      accountId,
      contactPointId,
    });
    return entry ?? null;
  }

  gate(campaign: CampaignPlan, entry: HopperEntry, now: Date, exceptCallId?: string): Promise<Verdict> {
    return this.gateService.check(
      {
        accountId: entry.accountId,
        contactPointId: entry.contactPointId,
        channel: 'voice',
        campaignId: campaign.id,
        exceptInteractionId: exceptCallId,
      },
      now,
    );
  }

  async createAttempt(campaign: CampaignPlan, entry: HopperEntry, now: Date): Promise<string | null> {
    const verdict = await this.gate(campaign, entry, now);
    if (!verdict.allowed) return null;
    return this.repository.insertAttempt(campaign.id, entry, now);
  }

  updateAttempt(callId: string, changes: AttemptChanges): Promise<void> {
    return this.repository.updateAttempt(callId, changes);
  }

  callView(callId: string): Promise<StoredCallView | null> {
    return this.repository.callView(callId);
  }

  recordAgentState(view: AgentStateView): Promise<void> {
    return this.repository.insertAgentState(view);
  }

  userName(userId: string): Promise<string> {
    return this.repository.userName(userId);
  }

  /** The disposition codes an interaction's wrap-up offers: its campaign's set, else the default one. */
  async dispositionsOf(interactionId: string): Promise<DispositionOption[]> {
    const context = await this.repository.wrapUpContext(interactionId);
    return context?.setId ? this.repository.dispositionsOfSet(context.setId) : [];
  }

  async recordWrapUp(
    agentId: string,
    request: WrapUpRequest,
    now: Date,
  ): Promise<{ refused: WrapUpError } | { callback: { id: string; dueAt: Date } | null }> {
    const context = await this.repository.wrapUpContext(request.callId);
    if (!context || context.agentId !== agentId || !context.setId)
      return { refused: WrapUpError.UnknownDisposition };
    const disposition = await this.repository.dispositionByCode(context.setId, request.dispositionCode);
    if (!disposition) return { refused: WrapUpError.UnknownDisposition };
    const callback = request.callback ? new Date(request.callback.at) : null;
    if (disposition.category === 'callback' && !callback) return { refused: WrapUpError.CallbackRequired };
    if (callback && (callback <= now || callback.getTime() - now.getTime() > CALLBACK_MAX_DAYS * 86_400_000))
      return { refused: WrapUpError.CallbackOutOfRange };
    if (disposition.category === 'promise' && !(await this.repository.hasAgreementOn(request.callId)))
      return { refused: WrapUpError.AgreementRequired };
    const callbackId = await this.repository.saveWrapUp(
      request.callId,
      context.accountId,
      disposition,
      request.notes?.trim() || null,
      callback && request.callback
        ? {
            dueAt: callback,
            agentId: request.callback.assignTo === 'me' ? agentId : null,
            teamId: context.teamId,
            createdBy: agentId,
          }
        : null,
    );
    return { callback: callbackId && callback ? { id: callbackId, dueAt: callback } : null };
  }

  async manualEntry(
    agentId: string,
    teamId: string | null,
    request: DialRequest,
  ): Promise<HopperEntry | null> {
    const agent: AuthUser = { id: agentId, role: 'agent', teamId };
    const reachable = await this.accounts.reachable(agent, request.accountId).catch(() => null);
    if (!reachable) return null;
    return this.repository.voiceContactPoint(request.accountId, request.contactPointId);
  }

  async createManualAttempt(
    agentId: string,
    teamId: string | null,
    entry: HopperEntry,
    now: Date,
  ): Promise<{ callId: string } | { refused: string }> {
    const verdict = await this.gateService.check(
      {
        accountId: entry.accountId,
        contactPointId: entry.contactPointId,
        channel: 'voice',
        teamId: teamId ?? undefined,
      },
      now,
    );
    if (!verdict.allowed) return { refused: verdict.reason };
    return { callId: await this.repository.insertAttempt(null, entry, now, agentId) };
  }

  scriptFor(callId: string): Promise<ScriptPushed | null> {
    return this.scripts.forCall(callId);
  }

  callbackQueued(callbackId: string): Promise<void> {
    return this.repository.markCallbackQueued(callbackId);
  }

  callbackTarget(callbackId: string): Promise<CallbackTarget | null> {
    return this.repository.callbackTarget(callbackId);
  }
}
