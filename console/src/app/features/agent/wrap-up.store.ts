import { Injectable, computed, inject, linkedSignal } from '@angular/core';
import { CALLBACK_MAX_DAYS, WRAP_UP_NOTES_MAX, assertNever } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import { AgreementBuilderStore } from './agreement-builder.store';
import { localDateTime } from './agreement-draft.util';
import { readCallDraft, removeCallDrafts, writeCallDraft } from './call-draft-storage.util';
import { PreviewStore } from './preview.store';
import { SoftphoneStore } from './softphone.store';
import {
  EMPTY_WRAP_UP,
  groupDispositions,
  parseWrapUpDraft,
  toWrapUpBody,
  type WrapUpDraft,
  type WrapUpProblem,
} from './wrap-up-draft.util';

interface WrapUpSession {
  draft: WrapUpDraft;
  /** The agent pressed "finish" once: from then on the form says what is missing. */
  attempted: boolean;
  /** The agent was warned that a promise without an agreement will be refused, and may insist. */
  confirmingPromise: boolean;
}

const DAY_MS = 86_400_000;

function problemKey(problem: WrapUpProblem): MessageKey {
  switch (problem) {
    case 'disposition_required':
      return 'softphone.wrapUp.problem.disposition_required';
    case 'callback_required':
      return 'softphone.wrapUp.problem.callback_required';
    case 'callback_out_of_range':
      return 'softphone.wrapUp.problem.callback_out_of_range';
    case 'notes_too_long':
      return 'softphone.wrapUp.problem.notes_too_long';
    default:
      return assertNever(problem);
  }
}

function openSession(callId: string | null): WrapUpSession {
  const stored = callId ? parseWrapUpDraft(readCallDraft('wrapUp', callId)) : null;
  return { draft: stored ?? EMPTY_WRAP_UP, attempted: false, confirmingPromise: false };
}

/**
 * The wrap-up form of the call the agent just finished: its disposition (one of the campaign's),
 * notes and, for a "call back" disposition, when and for whom. The draft belongs to the call, so a
 * refused wrap-up, a trip to the account page, a dropped line or a reload keep everything the agent
 * typed (it is kept in the tab's storage until the wrap-up is accepted or expires).
 */
@Injectable({ providedIn: 'root' })
export class WrapUpStore {
  private readonly softphone = inject(SoftphoneStore);
  private readonly builder = inject(AgreementBuilderStore);
  private readonly i18n = inject(I18nService);

  private readonly call = this.softphone.activeCall;
  /** A script may suggest the disposition while the account is previewed: the draft starts there. */
  private readonly work = inject(PreviewStore).workItem;
  private readonly callId = computed(() => this.work()?.callId ?? null);
  private readonly session = linkedSignal<string | null, WrapUpSession>({
    source: this.callId,
    computation: openSession,
  });

  readonly notesMax = WRAP_UP_NOTES_MAX;
  readonly draft = computed(() => this.session().draft);
  readonly groups = computed(() => groupDispositions(this.call()?.dispositions ?? [], this.i18n.locale()));
  readonly hasDispositions = computed(() => this.groups().length > 0);
  readonly selected = computed(() => {
    const code = this.session().draft.dispositionCode;
    return this.call()?.dispositions.find((d) => d.code === code) ?? null;
  });
  readonly needsCallback = computed(() => this.selected()?.category === 'callback');
  /** A promise is recorded only with the agreement made on the call; the server refuses it otherwise. */
  readonly promiseWithoutAgreement = computed(
    () => this.selected()?.category === 'promise' && !this.builder.agreementMade(),
  );
  readonly confirmingPromise = computed(() => this.session().confirmingPromise);
  /** Sending waits for the line (a dropped one keeps the form as typed until it is back). */
  readonly canFinish = this.softphone.canFinishWrapUp;
  readonly outcome = computed(() =>
    toWrapUpBody(this.session().draft, this.selected(), this.softphone.now()),
  );
  readonly problems = computed<string[]>(() => {
    const outcome = this.outcome();
    if (outcome.ok || !this.session().attempted) return [];
    return outcome.problems.map((p) =>
      this.i18n.t(problemKey(p), { days: CALLBACK_MAX_DAYS, max: WRAP_UP_NOTES_MAX }),
    );
  });
  /** The range the callback picker offers, from now to CALLBACK_MAX_DAYS ahead. */
  readonly callbackBounds = computed(() => {
    const now = this.softphone.now();
    // Minute precision: the input's own granularity, so the bounds do not churn every second.
    const minute = now - (now % 60_000);
    return {
      min: localDateTime(new Date(minute + 60_000)),
      max: localDateTime(new Date(minute + CALLBACK_MAX_DAYS * DAY_MS)),
    };
  });

  patch(change: Partial<WrapUpDraft>): void {
    this.session.update((s) => ({
      ...s,
      draft: { ...s.draft, ...change },
      // Another disposition is another decision: the warning about the previous one does not carry over.
      confirmingPromise: change.dispositionCode === undefined ? s.confirmingPromise : false,
    }));
    const callId = this.callId();
    if (callId) writeCallDraft('wrapUp', callId, this.session().draft);
  }

  /** Leaves the warning about a promise without an agreement, to create the agreement first. */
  cancelPromise(): void {
    this.session.update((s) => ({ ...s, confirmingPromise: false }));
  }

  /**
   * Sends the wrap-up. Missing pieces are shown instead of sent; a promise without an agreement made
   * on the call is sent only once the agent, warned, asks again.
   */
  async finish(): Promise<void> {
    if (!this.softphone.canFinishWrapUp()) return;
    this.session.update((s) => ({ ...s, attempted: true }));
    const outcome = this.outcome();
    if (!outcome.ok) return;
    if (this.promiseWithoutAgreement() && !this.session().confirmingPromise) {
      this.session.update((s) => ({ ...s, confirmingPromise: true }));
      return;
    }
    const callId = this.callId();
    const accepted = await this.softphone.finishWrapUp(outcome.body);
    // The call is closed: what was typed for it (here and in the agreement builder) is done with.
    if (accepted && callId) removeCallDrafts(callId);
  }
}
