import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { assertNever } from '@recupera/shared';
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { KpiCardComponent } from '../../ui/kpi-card.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { agentStateTone, type Tone } from '../../ui/tone.util';
import type { FloorAlertItem } from './floor-alert-list.util';
import { ChatQueuesComponent } from '../chat/chat-queues.component';
import { FloorAgentsComponent } from './floor-agents.component';
import { FloorAlertsStore } from './floor-alerts.store';
import { formatClock } from './floor-alerts.util';
import { FloorApprovalsComponent } from './floor-approvals.component';
import { FloorApprovalsStore } from './floor-approvals.store';
import { FloorCampaignComponent } from './floor-campaign.component';
import { FloorCampaignsStore } from './floor-campaigns.store';
import { capLevel } from './floor-campaigns.util';
import { FloorLiveStore } from './floor-live.store';
import { FloorStore } from './floor.store';

const CONNECTION_KEYS = {
  connected: 'floor.live.connected',
  connecting: 'floor.live.connecting',
  disconnected: 'floor.live.disconnected',
} as const satisfies Record<string, MessageKey>;

@Component({
  selector: 'rc-floor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [FloorStore, FloorCampaignsStore, FloorApprovalsStore],
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    MatTableModule,
    RouterLink,
    ChipComponent,
    IconComponent,
    KpiCardComponent,
    PageStateComponent,
    ChatQueuesComponent,
    FloorAgentsComponent,
    FloorApprovalsComponent,
    FloorCampaignComponent,
  ],
  templateUrl: './floor.component.html',
  styleUrl: './floor.component.scss',
})
export class FloorComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(FloorStore);
  protected readonly alerts = inject(FloorAlertsStore);
  protected readonly live = inject(FloorLiveStore);
  protected readonly campaigns = inject(FloorCampaignsStore);
  private readonly approvals = inject(FloorApprovalsStore);
  private readonly approvalsPanel = viewChild(FloorApprovalsComponent);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly number = this.i18n.number;
  protected readonly minor = this.i18n.minor;
  protected readonly dateTime = this.i18n.dateTime;
  protected readonly clock = formatClock;
  protected readonly stateTone = agentStateTone;
  protected readonly columns = [
    'fullName',
    'email',
    'liveState',
    'active',
    'assignedAccounts',
    'lastLoginAt',
  ];
  protected readonly connectionText = computed(() => this.t(CONNECTION_KEYS[this.alerts.connection()]));
  private readonly rosterNames = computed(
    () => new Map(this.store.agents().map((agent) => [agent.id, agent.fullName])),
  );
  private readonly capsById = computed(
    () => new Map(this.campaigns.campaigns().map((campaign) => [campaign.campaignId, campaign.abandonCapBp])),
  );

  constructor() {
    this.store.load();
    this.live.connect();
    this.approvals.load();
  }

  /** The roster and the approvals list come over REST; the rest of the floor is live already. */
  protected refresh(): void {
    this.store.retry();
    this.approvals.load();
  }

  /** The roster's name for the agent, or the one the floor heard, for agents of another team. */
  protected agentName(agentId: string): string {
    return (
      this.rosterNames().get(agentId) ?? this.live.nameOf(agentId) ?? this.t('floor.alerts.unknownAgent')
    );
  }

  protected rosterTime(agentId: string): string {
    const seconds = this.live.secondsInState(agentId);
    return seconds === null ? '—' : this.clock(seconds);
  }

  protected isPending(action: 'take' | 'hang-up', callId: string): boolean {
    const pending = this.alerts.pending();
    return pending?.action === action && pending.callId === callId;
  }

  protected take(callId: string): void {
    void this.alerts.take(callId);
  }

  protected hangUp(): void {
    void this.alerts.hangUp();
  }

  /** Who or what an alert is about: an agent's name, a campaign's, an account's number. */
  protected alertSubject(item: FloorAlertItem): string {
    switch (item.kind) {
      case 'wrap_up_overdue':
      case 'wrap_up_long':
      case 'break_long':
        return this.rosterNames().get(item.subjectId) ?? item.subject ?? this.agentName(item.subjectId);
      case 'abandon_near_cap':
      case 'hopper_empty':
        return item.subject ?? item.subjectId;
      case 'agreement_pending':
      case 'agreement_broken':
        return this.t('floor.transfers.account', { number: item.subject ?? item.subjectId });
      default:
        return assertNever(item.kind);
    }
  }

  protected alertText(item: FloorAlertItem): string {
    switch (item.kind) {
      case 'wrap_up_overdue':
        return item.overdue
          ? this.t('floor.alerts.wrapUpOverdue', {
              elapsed: this.clock(this.alerts.secondsInWrapUp(item.overdue)),
              limit: this.clock(item.overdue.limitSeconds),
            })
          : '';
      case 'wrap_up_long':
        return this.t('floor.alerts.wrapUpLong', { elapsed: this.clock(this.live.secondsSince(item.since)) });
      case 'break_long': {
        const reason = this.live.stateOf(item.subjectId)?.breakReason;
        return this.t('floor.alerts.breakLong', {
          elapsed: this.clock(this.live.secondsSince(item.since)),
          reason: reason ? this.label('breakReason', reason) : this.label('agentState', 'break'),
        });
      }
      case 'abandon_near_cap': {
        const capBp = this.capsById().get(item.subjectId) ?? null;
        const params = {
          rate: this.i18n.percent(item.value, 2),
          cap: capBp === null ? '—' : this.i18n.percent(capBp / 10_000, 2),
        };
        return capBp !== null && capLevel(item.value, capBp) === 'over'
          ? this.t('floor.alerts.abandonOverCap', params)
          : this.t('floor.alerts.abandonNearCap', params);
      }
      case 'hopper_empty':
        return this.t('floor.alerts.hopperEmpty');
      case 'agreement_pending':
        return this.t('floor.alerts.agreementPending');
      case 'agreement_broken':
        return this.t('promises.floorAlert.broken');
      default:
        return assertNever(item.kind);
    }
  }

  protected alertSince(item: FloorAlertItem): string | null {
    if (!item.since) return null;
    const time = this.dateTime(item.since);
    switch (item.kind) {
      case 'wrap_up_overdue':
      case 'wrap_up_long':
        return this.t('floor.alerts.since', { time });
      case 'break_long':
        return this.t('floor.alerts.breakSince', { time });
      case 'agreement_pending':
        return this.t('floor.alerts.requestedAt', { time });
      case 'agreement_broken':
        return this.t('promises.floorAlert.brokenAt', { time });
      case 'abandon_near_cap':
      case 'hopper_empty':
        return null;
      default:
        return assertNever(item.kind);
    }
  }

  protected alertTone(item: FloorAlertItem): Tone {
    if (item.kind === 'agreement_pending' || item.kind === 'hopper_empty') return 'info';
    if (item.kind === 'abandon_near_cap') {
      const capBp = this.capsById().get(item.subjectId);
      return capBp !== undefined && capLevel(item.value, capBp) === 'over' ? 'danger' : 'warning';
    }
    return 'warning';
  }

  protected reviewApprovals(): void {
    this.approvalsPanel()?.reveal();
  }
}
