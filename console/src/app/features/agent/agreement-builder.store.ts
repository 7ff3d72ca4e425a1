import {
  DestroyRef,
  Injectable,
  InjectionToken,
  computed,
  inject,
  linkedSignal,
  type Signal,
} from '@angular/core';
import {
  AgreementError,
  DEFAULT_AGREEMENT_RULES,
  ErrorCode,
  WAIVER_LIMIT_BP,
  planAgreement,
  type AgreementPlan,
  type AgreementResponse,
  type AgreementRules,
  type CreateAgreementRequest,
  type IsoDate,
} from '@recupera/shared';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { toApiError, type ApiError } from '../../core/http/api-error.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { AgentSocketService } from '../../core/realtime/agent-socket.service';
import {
  agreementProblemKey,
  defaultDraft,
  invalidFieldKey,
  localIsoDate,
  parseStoredAgreement,
  toPlanRequest,
  type AgreementDraft,
  type StoredAgreement,
} from './agreement-draft.util';
import { AgreementsService } from './agreements.service';
import { readCallDraft, writeCallDraft } from './call-draft-storage.util';
import { SoftphoneStore } from './softphone.store';

/**
 * What an agreement is made in: a call (its id is the interaction's) or a chat's interaction, with
 * the account's balance the plan starts from.
 */
export interface AgreementSubject {
  interactionId: string;
  accountId: string;
  balanceMinor: number;
  currency: string;
  /** A call's draft survives a reload in the tab's storage; a chat's lives in memory for the session. */
  keep: 'tab' | 'memory';
}

/** The builder follows the softphone's call unless a chat workspace provides its own subject. */
export const AGREEMENT_SUBJECT = new InjectionToken<Signal<AgreementSubject | null>>('AGREEMENT_SUBJECT', {
  providedIn: 'root',
  factory: () => {
    const call = inject(SoftphoneStore).activeCall;
    return computed(() => {
      const active = call();
      return active
        ? {
            interactionId: active.callId,
            accountId: active.accountId,
            balanceMinor: active.balanceMinor,
            currency: active.currency,
            keep: 'tab',
          }
        : null;
    });
  },
});

/** Everything the builder knows about the agreement of one call; a new call starts a new one. */
interface BuilderSession {
  callId: string | null;
  /** The agreement's start (the down payment's date), fixed when the call popped. */
  today: IsoDate;
  draft: AgreementDraft;
  saving: boolean;
  created: AgreementResponse | null;
  /** An agreement was made on this call, even if a supervisor rejected it and another is drafted. */
  madeOnCall: boolean;
  /** The rules the server found broken (the balance may have moved since the call popped). */
  serverProblems: AgreementError[];
  error: ApiError | null;
}

export interface AgreementPreview {
  /** The schedule, when the draft makes a valid plan. */
  plan: AgreementPlan | null;
  /** Why it does not, in the agent's language. */
  problems: string[];
}

const AGREEMENT_ERRORS = new Set<string>(Object.values(AgreementError));

function problemsOf(details: unknown): AgreementError[] {
  if (typeof details !== 'object' || details === null) return [];
  const problems = (details as { problems?: unknown }).problems;
  return Array.isArray(problems)
    ? problems.filter((p): p is AgreementError => typeof p === 'string' && AGREEMENT_ERRORS.has(p))
    : [];
}

function freshSession(callId: string | null, today: IsoDate): BuilderSession {
  return {
    callId,
    today,
    draft: defaultDraft(today),
    saving: false,
    created: null,
    madeOnCall: false,
    serverProblems: [],
    error: null,
  };
}

/** The call's builder as the agent left it (a dropped line, a reload), or a new one. */
function openSession(callId: string | null, kept: StoredAgreement | null): BuilderSession {
  const stored = kept ?? (callId ? parseStoredAgreement(readCallDraft('agreement', callId)) : null);
  const fresh = freshSession(callId, stored?.today ?? localIsoDate(new Date()));
  return stored ? { ...fresh, ...stored } : fresh;
}

/**
 * The agreement builder of the softphone: the plan the agent drafts with the debtor on the call (and
 * still during the wrap-up), previewed as they type with the same `planAgreement` the server runs,
 * then created against the call's account with the call as its interaction. The chat workspace
 * provides its own instance, with the focused chat as AGREEMENT_SUBJECT.
 */
@Injectable({ providedIn: 'root' })
export class AgreementBuilderStore {
  private readonly softphone = inject(SoftphoneStore);
  private readonly api = inject(AgreementsService);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);

  /** What the agreement is for: the call on the line or in its wrap-up, or a chat. */
  readonly subject = inject(AGREEMENT_SUBJECT);
  private readonly callId = computed(() => this.subject()?.interactionId ?? null);
  /** Chats' builders, kept while the agent switches between chats (never written to storage). */
  private readonly inMemory = new Map<string, StoredAgreement>();
  private readonly session = linkedSignal<string | null, BuilderSession>({
    source: this.callId,
    computation: (id) => openSession(id, id ? (this.inMemory.get(id) ?? null) : null),
  });

  readonly rules = computed<AgreementRules>(() => ({
    ...DEFAULT_AGREEMENT_RULES,
    waiverLimitBp: WAIVER_LIMIT_BP[this.auth.role() ?? 'agent'],
  }));
  readonly draft = computed(() => this.session().draft);
  readonly today = computed(() => this.session().today);
  readonly saving = computed(() => this.session().saving);
  readonly created = computed(() => this.session().created);
  /** Whether an agreement was made on this call (a promise disposition needs one). */
  readonly agreementMade = computed(() => this.session().madeOnCall);

  readonly preview = computed<AgreementPreview>(() => {
    const call = this.subject();
    if (!call) return { plan: null, problems: [] };
    const { draft, today, serverProblems } = this.session();
    const parsed = toPlanRequest(draft, call, today);
    if (!parsed.ok)
      return { plan: null, problems: parsed.invalid.map((f) => this.i18n.t(invalidFieldKey(f))) };
    const result = planAgreement(parsed.request, this.rules());
    if (!result.ok) return { plan: null, problems: result.problems.map((p) => this.problemText(p)) };
    return { plan: result.plan, problems: serverProblems.map((p) => this.problemText(p)) };
  });
  /** The waiver is beyond the agent's own limit: the agreement will wait for their supervisor. */
  readonly needsApproval = computed(() => this.preview().plan?.requiresApproval ?? false);
  readonly waiverLimit = computed(() => this.i18n.percent(this.rules().waiverLimitBp / 10_000));
  readonly error = computed<string | null>(() => {
    const error = this.session().error;
    if (!error) return null;
    if (error.code === ErrorCode.Conflict) return this.i18n.t('agreementBuilder.conflict');
    return this.i18n.errorWithDetails(error);
  });
  readonly canCreate = computed(
    () =>
      this.subject() !== null &&
      this.preview().plan !== null &&
      this.preview().problems.length === 0 &&
      !this.session().saving &&
      this.session().created === null &&
      // An agreement is made on the call: not while the agent's line is down.
      this.softphone.connection() === 'connected',
  );

  constructor() {
    const off = inject(AgentSocketService).on('agreement.decided', (agreement) => this.decided(agreement));
    inject(DestroyRef).onDestroy(off);
  }

  patch(change: Partial<AgreementDraft>): void {
    this.session.update((s) => ({ ...s, draft: { ...s.draft, ...change }, serverProblems: [], error: null }));
    this.persist();
  }

  async create(): Promise<void> {
    const call = this.subject();
    if (!call || !this.canCreate()) return;
    const { draft, today } = this.session();
    const parsed = toPlanRequest(draft, call, today);
    if (!parsed.ok) return;
    const { waiverMinor, downPaymentMinor, installments, frequency, firstDueDate } = parsed.request;
    const request: CreateAgreementRequest = {
      waiverMinor,
      downPaymentMinor,
      installments,
      frequency,
      firstDueDate,
      interactionId: call.interactionId,
    };
    this.update(call.interactionId, { saving: true, error: null, serverProblems: [] });
    try {
      const created = await firstValueFrom(this.api.create(call.accountId, request));
      this.update(call.interactionId, { saving: false, created, madeOnCall: true });
    } catch (failure: unknown) {
      const error = toApiError(failure);
      const problems = problemsOf(error.details);
      this.update(call.interactionId, {
        saving: false,
        serverProblems: problems,
        error: problems.length > 0 ? null : error,
      });
    }
  }

  /** A supervisor approved or rejected the agreement that was waiting for them. */
  decided(agreement: AgreementResponse): void {
    for (const [id, kept] of this.inMemory)
      if (kept.created?.id === agreement.id) this.inMemory.set(id, { ...kept, created: agreement });
    this.session.update((s) => (s.created?.id === agreement.id ? { ...s, created: agreement } : s));
    this.persist();
  }

  /** After a rejection the agent may propose another plan on the same call, starting from the last draft. */
  proposeAnother(): void {
    this.session.update((s) => (s.created?.status === 'rejected' ? { ...s, created: null } : s));
    this.persist();
  }

  private problemText(problem: AgreementError): string {
    const rules = this.rules();
    return this.i18n.t(agreementProblemKey(problem), {
      max: rules.maxInstallments,
      days: rules.maxDaysToFirstDue,
    });
  }

  /** Changes the session only if it is still the one of that call (the answer may come after it). */
  private update(callId: string, change: Partial<BuilderSession>): void {
    const kept = this.inMemory.get(callId);
    // The agent moved to another chat meanwhile: the agreement still belongs to the one it was made in.
    if (kept && this.session().callId !== callId) {
      const { created = kept.created, madeOnCall = kept.madeOnCall } = change;
      this.inMemory.set(callId, { ...kept, created, madeOnCall });
      return;
    }
    this.session.update((s) => (s.callId === callId ? { ...s, ...change } : s));
    this.persist();
  }

  /** Keeps what survives a reload: the draft, its start date, and the agreement made on the call. */
  private persist(): void {
    const { callId, today, draft, created, madeOnCall } = this.session();
    if (!callId) return;
    const stored: StoredAgreement = { today, draft, created, madeOnCall };
    if (this.subject()?.keep === 'memory') this.inMemory.set(callId, stored);
    else writeCallDraft('agreement', callId, stored);
  }
}
