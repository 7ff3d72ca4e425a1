import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import {
  ErrorCode,
  type AgentStateView,
  type BreakReason,
  type CallProgress,
  type FloorAlert,
  type FloorSnapshot,
} from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessageKey } from '../../core/http/api-error.util';
import { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import { SupervisorSocketService } from '../../core/realtime/supervisor-socket.service';
import { liveDismissals, mergeAlerts, type FloorAlertItem } from './floor-alert-list.util';
import { FloorAlertsStore } from './floor-alerts.store';
import { secondsSince } from './floor-alerts.util';
import {
  NO_AGENT_FILTER,
  filterAgents,
  floorRows,
  isAgentSortKey,
  pruneLiveStates,
  rememberCall,
  sortAgents,
  type AgentFilter,
  type AgentSort,
  type FloorAgentRow,
  type HeardCall,
} from './floor-agents.util';

export type ForcedState = 'break' | 'offline';

/** The outcome of the last thing asked of an agent, for the agents panel. */
export interface ForceNotice {
  tone: 'info' | 'danger';
  text: string;
  /** The translated reason of a refusal. */
  detail: string | null;
  /** The server's own words for a refusal, shown as they came. */
  reason: string | null;
}

interface ForceNoticeState {
  tone: ForceNotice['tone'];
  key: MessageKey;
  agent: string;
  code: ErrorCode | null;
  reason: string | null;
}

/** The header a MatSort change carries: the column and '' once the sort is cleared. */
export interface SortChange {
  active: string;
  direction: 'asc' | 'desc' | '';
}

const TICK_MS = 1_000;

/**
 * The live floor from `/supervisor`: the snapshot the server pushes every couple of seconds, with
 * the agents' state changes applied the moment they arrive (the newer of the two wins), a local
 * clock for the time in each state, and the merged alerts. It lives for the session, like the
 * transfers, so coming back to the floor shows the last picture at once.
 */
@Injectable({ providedIn: 'root' })
export class FloorLiveStore {
  private readonly socket = inject(SupervisorSocketService);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);
  private readonly transfers = inject(FloorAlertsStore);

  private readonly snapshotState = signal<FloorSnapshot | null>(null);
  private readonly liveStatesState = signal<ReadonlyMap<string, AgentStateView>>(new Map());
  private readonly callsState = signal<ReadonlyMap<string, HeardCall>>(new Map());
  private readonly nowState = signal(Date.now());
  /** How far the browser's clock runs ahead of the server's (ms). */
  private readonly skewState = signal(0);
  private readonly filterState = signal<AgentFilter>(NO_AGENT_FILTER);
  private readonly sortState = signal<AgentSort | null>(null);
  private readonly forcingState = signal<ReadonlySet<string>>(new Set());
  private readonly noticeState = signal<ForceNoticeState | null>(null);
  private readonly dismissedState = signal<ReadonlySet<string>>(new Set());
  private readonly decidedState = signal<ReadonlySet<string>>(new Set());
  private ticker: ReturnType<typeof setInterval> | null = null;

  readonly connection = this.socket.status;
  readonly snapshot = this.snapshotState.asReadonly();
  /** The first snapshot arrived: the tables have something to show. */
  readonly ready = computed(() => this.snapshotState() !== null);
  readonly currency = computed(() => this.snapshotState()?.currency ?? null);
  /** The snapshot's instant on the server's clock (ms), 0 before the first. */
  readonly snapshotAtMs = computed(() => {
    const at = this.snapshotState()?.at;
    return at ? Date.parse(at) : 0;
  });
  readonly now = this.nowState.asReadonly();
  readonly filter = this.filterState.asReadonly();
  readonly sort = this.sortState.asReadonly();
  readonly rows = computed<FloorAgentRow[]>(() =>
    floorRows(this.snapshotState()?.agents ?? [], this.liveStatesState(), this.callsState()),
  );
  /** The agents table: filtered, then sorted. */
  readonly visibleRows = computed(() =>
    sortAgents(filterAgents(this.rows(), this.filterState()), this.sortState(), this.i18n.locale()),
  );
  readonly campaigns = computed(() => this.snapshotState()?.campaigns ?? []);
  readonly chatQueues = computed(() => this.snapshotState()?.chatQueues ?? []);
  readonly alerts = computed<FloorAlertItem[]>(() =>
    mergeAlerts({
      snapshot: this.snapshotState()?.alerts ?? [],
      overdue: this.transfers.overdue(),
      stateOf: (agentId) => this.stateOf(agentId),
      dismissed: this.dismissedState(),
      decided: this.decidedState(),
    }),
  );
  /** Agreements the last snapshot says await approval; null before the first snapshot. */
  readonly pendingAgreementIds = computed<ReadonlySet<string> | null>(
    () => {
      const snapshot = this.snapshotState();
      if (!snapshot) return null;
      return new Set(pendingIds(snapshot.alerts));
    },
    { equal: sameIds },
  );
  readonly decided = this.decidedState.asReadonly();
  readonly notice = computed<ForceNotice | null>(() => {
    const notice = this.noticeState();
    if (!notice) return null;
    return {
      tone: notice.tone,
      text: this.i18n.t(notice.key, { agent: notice.agent }),
      detail: notice.code ? this.i18n.t(refusalKey(notice.code)) : null,
      reason: notice.reason,
    };
  });
  private readonly rowsById = computed(() => new Map(this.rows().map((row) => [row.agentId, row])));

  constructor() {
    const off = [
      this.socket.on('floor.snapshot', (snapshot) => this.snapshotReceived(snapshot)),
      this.socket.on('agent.state-changed', (view) => this.agentStateChanged(view)),
      this.socket.on('call.progressed', (progress) => this.callProgressed(progress)),
    ];
    // Signing out forgets the floor; the next supervisor on this browser starts from nothing.
    let wasSignedIn = untracked(() => this.auth.isAuthenticated());
    effect(() => {
      const signedIn = this.auth.isAuthenticated();
      if (wasSignedIn && !signedIn) untracked(() => this.reset());
      wasSignedIn = signedIn;
    });
    inject(DestroyRef).onDestroy(() => {
      off.forEach((unsubscribe) => unsubscribe());
      this.stopTicking();
    });
  }

  /** Opens the floor's line (idempotent) with the transfers; the server sends a snapshot on joining. */
  connect(): void {
    this.transfers.connect();
    this.startTicking();
  }

  snapshotReceived(snapshot: FloorSnapshot): void {
    this.adoptSkew(snapshot.at);
    this.liveStatesState.update((live) => pruneLiveStates(live, snapshot.agents));
    this.dismissedState.update((dismissed) =>
      liveDismissals(dismissed, snapshot.alerts, this.transfers.overdue()),
    );
    // A decision made here is forgotten once a snapshot no longer lists the agreement as pending.
    const pending = new Set(pendingIds(snapshot.alerts));
    this.decidedState.update((decided) => new Set([...decided].filter((id) => pending.has(id))));
    this.snapshotState.set(snapshot);
  }

  agentStateChanged(view: AgentStateView): void {
    this.adoptSkew(view.since);
    this.liveStatesState.update((live) => new Map(live).set(view.agentId, view));
  }

  callProgressed(progress: CallProgress): void {
    this.callsState.update((calls) => rememberCall(calls, progress));
  }

  /** The newest state the floor knows for an agent (snapshot or live); null until it heard of them. */
  stateOf(agentId: string): AgentStateView | null {
    return this.rowsById().get(agentId)?.state ?? this.liveStatesState().get(agentId) ?? null;
  }

  /** Seconds in the current state; null until the floor heard of the agent or if they never signed in. */
  secondsInState(agentId: string): number | null {
    const view = this.stateOf(agentId);
    return view && hasStarted(view) ? this.secondsSince(view.since) : null;
  }

  /** Whole seconds since a server instant, on the local ticking clock. */
  secondsSince(iso: string | null): number {
    return secondsSince(iso, this.nowState(), this.skewState());
  }

  /** The server's clock now, as well as the floor can tell (ms). */
  serverNow(): number {
    return Date.now() - this.skewState();
  }

  nameOf(agentId: string): string | null {
    return this.rowsById().get(agentId)?.name ?? this.transfers.knownName(agentId);
  }

  setFilterText(text: string): void {
    this.filterState.update((filter) => ({ ...filter, text }));
  }

  setFilterState(state: AgentFilter['state']): void {
    this.filterState.update((filter) => ({ ...filter, state }));
  }

  clearFilter(): void {
    this.filterState.set(NO_AGENT_FILTER);
  }

  setSort(change: SortChange): void {
    this.sortState.set(
      change.direction && isAgentSortKey(change.active)
        ? { key: change.active, direction: change.direction }
        : null,
    );
  }

  isForcing(agentId: string): boolean {
    return this.forcingState().has(agentId);
  }

  /**
   * Sends an agent of the team on a break or logs them out. The state change itself arrives as
   * `agent.state-changed`; a refusal (an agent on a call, say) is shown with the server's words.
   */
  async forceState(agentId: string, state: ForcedState, breakReason?: BreakReason): Promise<boolean> {
    if (this.isForcing(agentId)) return false;
    const agent = this.nameOf(agentId) ?? this.i18n.t('floor.alerts.unknownAgent');
    this.forcingState.update((set) => new Set(set).add(agentId));
    this.noticeState.set(null);
    try {
      const result = await this.socket.request(
        'agent.force-state',
        state === 'break' ? { agentId, state, breakReason: breakReason ?? 'rest' } : { agentId, state },
      );
      this.noticeState.set(
        result.ok
          ? {
              tone: 'info',
              key: state === 'break' ? 'floor.agents.breakSent' : 'floor.agents.logoutSent',
              agent,
              code: null,
              reason: null,
            }
          : {
              tone: 'danger',
              key: state === 'break' ? 'floor.agents.breakRefused' : 'floor.agents.logoutRefused',
              agent,
              code: result.code,
              // Our own "not connected" or "no answer in time" is not the server's word.
              reason: result.code === ErrorCode.ServiceUnavailable ? null : result.message || null,
            },
      );
      return result.ok;
    } finally {
      this.forcingState.update((set) => {
        const next = new Set(set);
        next.delete(agentId);
        return next;
      });
    }
  }

  dismissNotice(): void {
    this.noticeState.set(null);
  }

  /** Hides an alert until its situation ends (a wrap-up alert also clears the live overdue one). */
  dismissAlert(item: FloorAlertItem): void {
    if (item.kind === 'wrap_up_overdue') this.transfers.dismissOverdue(item.subjectId);
    this.dismissedState.update((dismissed) => new Set(dismissed).add(item.key));
  }

  /** An agreement decided on this floor: its pending alert goes before the next snapshot says so. */
  markDecided(agreementId: string): void {
    this.decidedState.update((decided) => new Set(decided).add(agreementId));
  }

  private adoptSkew(iso: string): void {
    const at = Date.parse(iso);
    if (Number.isNaN(at)) return;
    const now = Date.now();
    this.skewState.set(now - at);
    this.nowState.set(now);
  }

  private startTicking(): void {
    if (this.ticker) return;
    this.nowState.set(Date.now());
    this.ticker = setInterval(() => this.nowState.set(Date.now()), TICK_MS);
  }

  private stopTicking(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  private reset(): void {
    this.stopTicking();
    this.snapshotState.set(null);
    this.liveStatesState.set(new Map());
    this.callsState.set(new Map());
    this.skewState.set(0);
    this.filterState.set(NO_AGENT_FILTER);
    this.sortState.set(null);
    this.forcingState.set(new Set());
    this.noticeState.set(null);
    this.dismissedState.set(new Set());
    this.decidedState.set(new Set());
  }
}

/** A conflict is the agent's situation (on a call, wrapping up); other codes read as anywhere else. */
function refusalKey(code: ErrorCode): MessageKey {
  return code === ErrorCode.Conflict ? 'floor.agents.stateRefused' : errorMessageKey(code);
}

/** The dialer reports an agent it never saw as offline since the epoch: there is no time to count. */
function hasStarted(view: AgentStateView): boolean {
  return Date.parse(view.since) > 0;
}

function pendingIds(alerts: readonly FloorAlert[]): string[] {
  return alerts.filter((alert) => alert.kind === 'agreement_pending').map((alert) => alert.subjectId);
}

function sameIds(a: ReadonlySet<string> | null, b: ReadonlySet<string> | null): boolean {
  if (a === null || b === null) return a === b;
  return a.size === b.size && [...a].every((id) => b.has(id));
}
