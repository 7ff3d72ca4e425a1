import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { AGENT_STATES, BREAK_REASONS, type AgentState, type BreakReason } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { agentStateTone } from '../../ui/tone.util';
import { formatHoursMinutes, type FloorAgentRow } from './floor-agents.util';
import { formatClock } from './floor-alerts.util';
import { FloorLiveStore, type ForcedState } from './floor-live.store';

/** The action the supervisor picked from a row's menu, waiting for their confirmation. */
interface ForceAsk {
  agentId: string;
  name: string;
  state: ForcedState;
}

/**
 * The live agents table: who is doing what and since when (ticking), the account they are on and
 * their day so far; sortable, filterable, with a menu to send an agent on a break or log them out.
 */
@Component({
  selector: 'rc-floor-agents',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatMenuModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
    ChipComponent,
    IconComponent,
  ],
  templateUrl: './floor-agents.component.html',
  styleUrl: './floor-agents.component.scss',
})
export class FloorAgentsComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(FloorLiveStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly number = this.i18n.number;
  protected readonly minor = this.i18n.minor;
  protected readonly clock = formatClock;
  protected readonly hm = formatHoursMinutes;
  protected readonly stateTone = agentStateTone;
  protected readonly states = AGENT_STATES;
  protected readonly breakReasons = BREAK_REASONS;
  protected readonly columns = [
    'name',
    'state',
    'timeInState',
    'account',
    'chats',
    'talk',
    'wrap',
    'idle',
    'break',
    'calls',
    'contacts',
    'promises',
    'promised',
    'actions',
  ];
  protected readonly ask = signal<ForceAsk | null>(null);
  protected readonly breakReason = signal<BreakReason>('rest');

  /** The ticking time in the state; a dash for an agent the floor never saw sign in. */
  protected timeInState(agentId: string): string {
    const seconds = this.store.secondsInState(agentId);
    return seconds === null ? '—' : this.clock(seconds);
  }

  protected search(event: Event): void {
    this.store.setFilterText((event.target as HTMLInputElement).value);
  }

  protected filterState(state: AgentState | null): void {
    this.store.setFilterState(state);
  }

  protected askForce(row: FloorAgentRow, state: ForcedState): void {
    this.breakReason.set(row.state.breakReason ?? 'rest');
    this.ask.set({ agentId: row.agentId, name: row.name, state });
  }

  protected cancelForce(): void {
    this.ask.set(null);
  }

  protected confirmForce(): void {
    const ask = this.ask();
    if (!ask) return;
    this.ask.set(null);
    void this.store.forceState(
      ask.agentId,
      ask.state,
      ask.state === 'break' ? this.breakReason() : undefined,
    );
  }

  protected trackRow = (_: number, row: FloorAgentRow): string => row.agentId;
}
