import { Inject, Injectable } from '@nestjs/common';
import { STAT_WINDOWS, type DialerEngine } from '@recupera/dialer';
import type { CampaignLiveResponse, PacingExplanationView } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { CampaignsService } from '../campaigns/campaigns.service';
import { DIALER_ENGINE } from '../dialer/dialer.constant';

function rate(flags: readonly boolean[]): number | null {
  return flags.length === 0 ? null : flags.filter(Boolean).length / flags.length;
}

/** A running campaign as the dialer measures it, for the people allowed to see that campaign. */
@Injectable()
export class FloorService {
  constructor(
    private readonly campaigns: CampaignsService,
    @Inject(DIALER_ENGINE) private readonly engine: DialerEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async campaignLive(user: AuthUser, id: string): Promise<CampaignLiveResponse> {
    const campaign = await this.campaigns.get(user, id);
    const { live, agents } = this.engine.ctx;
    const now = Date.now();
    const [hopperSize, lines, measured, controller, decision, counts] = await Promise.all([
      live.hopperSize(id),
      live.lineCounts(id, now, 1_000),
      live.measurements(id, now),
      live.controller(id),
      live.lastDecision<PacingExplanationView>(id),
      agents.countsByState(campaign.teams.map((t) => t.id)),
    ]);
    return {
      campaignId: id,
      carrier: this.config.carrier,
      hopperSize,
      linesInFlight: lines.campaignLines,
      answeredWaiting: lines.waiting,
      agents: counts,
      answerRate: rate(measured.outcomes.slice(0, STAT_WINDOWS.outcome)),
      abandonRate: rate(measured.abandons),
      abandonCapBp: campaign.abandonCapBp,
      offset: controller?.offset ?? 0,
      lastDecision: decision,
    };
  }
}
