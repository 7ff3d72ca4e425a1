import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { KpiCardComponent } from '../../ui/kpi-card.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { agentStateTone } from '../../ui/tone.util';
import { FloorAlertsStore } from './floor-alerts.store';
import { formatClock } from './floor-alerts.util';
import { FloorStore } from './floor.store';

const CONNECTION_KEYS = {
  connected: 'floor.live.connected',
  connecting: 'floor.live.connecting',
  disconnected: 'floor.live.disconnected',
} as const satisfies Record<string, MessageKey>;

@Component({
  selector: 'rc-floor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [FloorStore],
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    MatTableModule,
    ChipComponent,
    IconComponent,
    KpiCardComponent,
    PageStateComponent,
  ],
  templateUrl: './floor.component.html',
  styleUrl: './floor.component.scss',
})
export class FloorComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(FloorStore);
  protected readonly alerts = inject(FloorAlertsStore);
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

  constructor() {
    this.store.load();
    this.alerts.connect();
  }

  /** The roster's name for the agent, or the one their transfer gave, for agents of another team. */
  protected agentName(agentId: string): string {
    return (
      this.rosterNames().get(agentId) ?? this.alerts.knownName(agentId) ?? this.t('floor.alerts.unknownAgent')
    );
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
}
