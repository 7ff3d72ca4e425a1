import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import type {
  AgentSnapshot,
  AgentStateView,
  CallEndedView,
  CallOutcome,
  DispositionOption,
  PreviewSkipReason,
  PreviewView,
} from '@recupera/shared';
import { AgentSocketService } from '../../core/realtime/agent-socket.service';
import { SoftphoneStore } from './softphone.store';

/** The agent's dial that nobody answered (no answer, busy…): they are free again, and told so. */
export interface DialOutcome {
  callId: string;
  outcome: CallOutcome;
}

/** What the script and the wrap-up's draft belong to: the call worked on, or the account previewed. */
export interface WorkItem {
  callId: string;
  dispositions: readonly DispositionOption[];
}

/**
 * Preview mode: the account the dialer reserved for the agent, shown before anything rings, and
 * their decision — dial it (through the contact gate again) or skip it with a reason. While the dial
 * rings (reserved) the account stays on screen; the call that connects takes its place.
 */
@Injectable({ providedIn: 'root' })
export class PreviewStore {
  private readonly softphone = inject(SoftphoneStore);
  private readonly previewState = signal<PreviewView | null>(null);
  private readonly outcomeState = signal<DialOutcome | null>(null);

  readonly preview = this.previewState.asReadonly();
  readonly dialOutcome = this.outcomeState.asReadonly();
  /** The previewed account was dialled and rings. */
  readonly dialling = computed(
    () =>
      this.softphone.state() === 'reserved' &&
      this.previewState() !== null &&
      this.previewState()?.callId === this.softphone.stateCallId(),
  );
  readonly shown = computed(
    () => this.previewState() !== null && (this.softphone.state() === 'preview' || this.dialling()),
  );
  private readonly deciding = computed(
    () => this.softphone.canAct() && this.softphone.state() === 'preview' && this.previewState() !== null,
  );
  readonly canDial = this.deciding;
  readonly canSkip = this.deciding;
  /** The call or previewed account the script and the wrap-up's draft go with. */
  readonly workItem = computed<WorkItem | null>(() => {
    const preview = this.previewState();
    // The last call stays the active one after its wrap-up: an account previewed since comes first.
    if (preview && this.shown()) return { callId: preview.callId, dispositions: preview.dispositions };
    const call = this.softphone.activeCall();
    return call ? { callId: call.callId, dispositions: call.dispositions } : null;
  });

  constructor() {
    const socket = inject(AgentSocketService);
    const off = [
      socket.on('agent.snapshot', (snapshot) => this.restore(snapshot)),
      socket.on('preview.offered', (preview) => this.offered(preview)),
      socket.on('agent.state-changed', (view) => this.stateChanged(view)),
      socket.on('call.connected', () => this.previewState.set(null)),
      socket.on('call.ended', (ended) => this.callEnded(ended)),
    ];
    inject(DestroyRef).onDestroy(() => off.forEach((unsubscribe) => unsubscribe()));
    // The softphone forgets the agent's line at sign-out; the preview goes with it.
    effect(() => {
      if (this.softphone.ready()) return;
      untracked(() => {
        this.previewState.set(null);
        this.outcomeState.set(null);
      });
    });
  }

  offered(preview: PreviewView): void {
    this.previewState.set(preview);
    this.outcomeState.set(null);
    this.softphone.dismissWrapUpExpired();
  }

  /** The snapshot's preview; a dial of the preview still ringing keeps the account on screen. */
  restore(snapshot: AgentSnapshot): void {
    const current = this.previewState();
    const { state, callId } = snapshot.state;
    const ringing = state === 'reserved' && current !== null && current.callId === callId;
    this.previewState.set(snapshot.preview ?? (ringing ? current : null));
  }

  stateChanged(view: AgentStateView): void {
    const current = this.previewState();
    if (!current || view.state === 'preview') return;
    if (view.state === 'reserved' && view.callId === current.callId) return;
    this.previewState.set(null);
  }

  callEnded(ended: CallEndedView): void {
    if (ended.outcome) this.outcomeState.set({ callId: ended.callId, outcome: ended.outcome });
    if (this.previewState()?.callId === ended.callId) this.previewState.set(null);
  }

  /** Dials the previewed account; a refusal of the gate names its reason (and frees the agent). */
  async dial(): Promise<void> {
    const preview = this.previewState();
    if (!preview || !this.canDial()) return;
    this.outcomeState.set(null);
    await this.softphone.perform('preview-dial', 'preview.dial-requested', { callId: preview.callId });
  }

  async skip(reason: PreviewSkipReason): Promise<void> {
    const preview = this.previewState();
    if (!preview || !this.canSkip()) return;
    await this.softphone.perform('preview-skip', 'preview.skip-requested', {
      callId: preview.callId,
      reason,
    });
  }

  dismissDialOutcome(): void {
    this.outcomeState.set(null);
  }
}
