import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { ErrorCode, type AgreementDecision, type AgreementResponse } from '@recupera/shared';
import { toApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import { SupervisorSocketService } from '../../core/realtime/supervisor-socket.service';
import { addApproval, reconcileApprovals, unknownPending } from './floor-approvals.util';
import { FloorLiveStore } from './floor-live.store';
import { FloorService } from './floor.service';

export interface ApprovalNotice {
  tone: 'info' | 'danger';
  text: string;
  detail: string | null;
}

interface ApprovalNoticeState {
  tone: ApprovalNotice['tone'];
  key: MessageKey;
  number: string;
  detail: string | null;
}

/**
 * Agreements waiting for the supervisor's approval (waivers beyond the agent's limit): read over
 * REST, kept current by `agreement.approval-requested` and by the snapshot's pending alerts, and
 * decided here.
 */
@Injectable()
export class FloorApprovalsStore {
  private readonly api = inject(FloorService);
  private readonly live = inject(FloorLiveStore);
  private readonly socket = inject(SupervisorSocketService);
  private readonly i18n = inject(I18nService);

  private readonly listState = signal<RequestState<AgreementResponse[]>>(idle());
  private readonly pendingState = signal<ReadonlyMap<string, AgreementDecision>>(new Map());
  private readonly noticeState = signal<ApprovalNoticeState | null>(null);
  /** Pending ids a reload was already asked for, so a lagging list does not reload every snapshot. */
  private readonly reloadedFor = new Set<string>();

  /** Oldest request first, without those decided here or (per the snapshot) elsewhere. */
  readonly agreements = computed(() => {
    const decided = this.live.decided();
    return reconcileApprovals(
      this.listState().data ?? [],
      this.live.pendingAgreementIds(),
      this.live.snapshot()?.at ?? null,
    ).filter((agreement) => !decided.has(agreement.id));
  });
  readonly loading = computed(() => this.listState().loading);
  readonly error = computed(() => this.i18n.error(this.listState().error));
  readonly notice = computed<ApprovalNotice | null>(() => {
    const notice = this.noticeState();
    return notice
      ? { tone: notice.tone, text: this.i18n.t(notice.key, { number: notice.number }), detail: notice.detail }
      : null;
  });

  constructor() {
    const off = this.socket.on('agreement.approval-requested', (agreement) => this.requested(agreement));
    inject(DestroyRef).onDestroy(off);
    // The snapshot names a pending agreement the list lacks (asked while the floor was closed).
    effect(() => {
      const pending = this.live.pendingAgreementIds();
      untracked(() => {
        const state = this.listState();
        if (!pending || state.loading || state.data === null) return;
        const missing = unknownPending(pending, state.data, this.live.decided()).filter(
          (id) => !this.reloadedFor.has(id),
        );
        if (missing.length === 0) return;
        missing.forEach((id) => this.reloadedFor.add(id));
        this.load();
      });
    });
  }

  load(): void {
    this.listState.update(loading);
    this.api.pendingAgreements().subscribe({
      next: (list) =>
        this.listState.set(loaded(list.reduce<AgreementResponse[]>((all, one) => addApproval(all, one), []))),
      error: (error: unknown) => this.listState.update((state) => failed(state, toApiError(error))),
    });
  }

  requested(agreement: AgreementResponse): void {
    this.listState.update((state) => ({ ...state, data: addApproval(state.data ?? [], agreement) }));
  }

  isDeciding(agreementId: string): boolean {
    return this.pendingState().has(agreementId);
  }

  decidingWith(agreementId: string): AgreementDecision | null {
    return this.pendingState().get(agreementId) ?? null;
  }

  decide(agreement: AgreementResponse, decision: AgreementDecision): void {
    if (this.isDeciding(agreement.id)) return;
    this.pendingState.update((pending) => new Map(pending).set(agreement.id, decision));
    this.noticeState.set(null);
    const number = agreement.accountNumber;
    this.api.decide(agreement.id, decision).subscribe({
      next: () => {
        this.settle(agreement.id);
        this.noticeState.set({
          tone: 'info',
          key: decision === 'approve' ? 'floor.approvals.approved' : 'floor.approvals.rejected',
          number,
          detail: null,
        });
      },
      error: (failure: unknown) => {
        this.pendingState.update((pending) => withoutKey(pending, agreement.id));
        const error = toApiError(failure);
        // Decided by someone else meanwhile, or no longer this supervisor's: it leaves the list.
        if (error.code === ErrorCode.Conflict || error.code === ErrorCode.NotFound) {
          this.settle(agreement.id);
          this.noticeState.set({ tone: 'info', key: 'floor.approvals.alreadyDecided', number, detail: null });
          return;
        }
        this.noticeState.set({
          tone: 'danger',
          key: 'floor.approvals.refused',
          number,
          detail: this.i18n.errorWithDetails(error),
        });
      },
    });
  }

  dismissNotice(): void {
    this.noticeState.set(null);
  }

  private settle(agreementId: string): void {
    this.pendingState.update((pending) => withoutKey(pending, agreementId));
    this.live.markDecided(agreementId);
    this.listState.update((state) => ({
      ...state,
      data: (state.data ?? []).filter((agreement) => agreement.id !== agreementId),
    }));
  }
}

function withoutKey<T>(map: ReadonlyMap<string, T>, id: string): Map<string, T> {
  const next = new Map(map);
  next.delete(id);
  return next;
}
