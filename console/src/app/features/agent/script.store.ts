import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { DispositionOption, RenderedStep, ScriptAction, ScriptPushed } from '@recupera/shared';
import { AgentSocketService } from '../../core/realtime/agent-socket.service';
import { PreviewStore } from './preview.store';
import { WrapUpStore } from './wrap-up.store';

/** The pushed script of one call and the steps the agent walked through it, the current one last. */
interface ScriptSession {
  pushed: ScriptPushed;
  path: readonly string[];
}

/**
 * A script's `set_disposition` names a disposition category (DISPOSITION_CATEGORIES) or, in a script
 * written for one campaign, one of its codes: the first of the campaign's dispositions that matches.
 */
export function dispositionFor(
  action: ScriptAction,
  dispositions: readonly DispositionOption[],
): DispositionOption | null {
  if (action.type !== 'set_disposition') return null;
  const code = action.code.toLowerCase();
  return (
    dispositions.find((d) => d.code.toLowerCase() === code) ??
    dispositions.find((d) => d.category === code) ??
    null
  );
}

/**
 * The script of the call the agent works on, pushed by the server when it connects, walked one step
 * at a time. Each step is recorded as shown when the agent reaches it and as completed when they
 * leave it forward, so adherence counts a required step that was shown but skipped.
 */
@Injectable({ providedIn: 'root' })
export class ScriptStore {
  private readonly socket = inject(AgentSocketService);
  /** The call worked on, or the account previewed before dialling: both have a script. */
  private readonly work = inject(PreviewStore).workItem;
  private readonly wrapUp = inject(WrapUpStore);

  private readonly session = signal<ScriptSession | null>(null);
  private readonly failedState = signal(false);
  /** The disposition the script last put in the wrap-up form; one the agent chose is never replaced. */
  private suggestedCode: string | null = null;
  /** The server appends each record to the call's path: one at a time, in the order they happened. */
  private queue: Promise<void> = Promise.resolve();

  /** The script of the call on the line, in wrap-up or previewed; a script of another call is not shown. */
  private readonly active = computed(() => {
    const session = this.session();
    const callId = this.work()?.callId;
    return session && session.pushed.callId === callId ? session : null;
  });
  private readonly steps = computed(
    () => new Map((this.active()?.pushed.script.steps ?? []).map((step) => [step.id, step])),
  );

  readonly script = computed(() => this.active()?.pushed.script ?? null);
  /** The steps taken so far, the current one last. */
  readonly trail = computed<RenderedStep[]>(() => {
    const steps = this.steps();
    return (this.active()?.path ?? []).flatMap((id) => steps.get(id) ?? []);
  });
  readonly current = computed<RenderedStep | null>(() => this.trail().at(-1) ?? null);
  readonly canGoBack = computed(() => this.trail().length > 1);
  /** A step with neither a question nor a next step ends the script. */
  readonly atEnd = computed(() => {
    const step = this.current();
    return step !== null && step.question === null && step.next === null;
  });
  /** The call's disposition each of the current step's `set_disposition` actions stands for. */
  readonly dispositions = computed(() => {
    const options = this.work()?.dispositions ?? [];
    return (this.current()?.actions ?? []).flatMap((action) =>
      action.type === 'set_disposition'
        ? [{ code: action.code, option: dispositionFor(action, options) }]
        : [],
    );
  });
  /** A step could not be recorded (the line dropped, the server refused it). */
  readonly recordFailed = this.failedState.asReadonly();

  constructor() {
    const off = [
      this.socket.on('script.pushed', (pushed) => this.load(pushed)),
      this.socket.on('agent.snapshot', (snapshot) => this.restore(snapshot.script)),
    ];
    inject(DestroyRef).onDestroy(() => off.forEach((unsubscribe) => unsubscribe()));
  }

  /** A call's script as pushed: it starts over at its first step. */
  load(pushed: ScriptPushed): void {
    this.suggestedCode = null;
    this.failedState.set(false);
    this.session.set({ pushed, path: [] });
    this.enter(pushed.script.startStepId);
  }

  /**
   * The script in a (re)connection's snapshot. The same call's script keeps the agent's place (a
   * dropped socket must not send them back to the greeting); another one starts over.
   */
  restore(pushed: ScriptPushed | null): void {
    if (!pushed) {
      this.session.set(null);
      return;
    }
    const session = this.session();
    if (session?.pushed.callId === pushed.callId && session.pushed.versionId === pushed.versionId) {
      this.session.set({ ...session, pushed });
      return;
    }
    this.load(pushed);
  }

  /** The debtor's answer to the current step's question: the step is done, the answer picks the next. */
  answer(answerId: string): Promise<void> {
    const step = this.current();
    const answer = step?.question?.answers.find((a) => a.id === answerId);
    if (!step || !answer) return Promise.resolve();
    const recorded = this.record(step.id, true, answerId);
    this.enter(answer.next);
    return recorded;
  }

  /** The current step read, on to the one after it. */
  next(): Promise<void> {
    const step = this.current();
    if (!step?.next || step.question) return Promise.resolve();
    const recorded = this.record(step.id, true);
    this.enter(step.next);
    return recorded;
  }

  /** Back to the previous step, to take another answer; nothing is recorded until the agent moves on. */
  back(): void {
    if (!this.canGoBack()) return;
    this.session.update((s) => (s ? { ...s, path: s.path.slice(0, -1) } : s));
  }

  private enter(stepId: string): void {
    const session = this.session();
    if (!session) return;
    this.session.set({ ...session, path: [...session.path, stepId] });
    const step = this.steps().get(stepId);
    if (!step) return;
    void this.record(stepId, false);
    this.suggestDisposition(step);
  }

  /** Preselects the step's disposition in the wrap-up form, unless the agent already chose another. */
  private suggestDisposition(step: RenderedStep): void {
    const options = this.work()?.dispositions ?? [];
    const option = step.actions.map((action) => dispositionFor(action, options)).find((o) => o !== null);
    if (!option) return;
    const chosen = this.wrapUp.draft().dispositionCode;
    if (chosen !== '' && chosen !== this.suggestedCode) return;
    this.suggestedCode = option.code;
    this.wrapUp.patch({ dispositionCode: option.code });
  }

  private record(stepId: string, completed: boolean, answerId?: string): Promise<void> {
    const callId = this.session()?.pushed.callId;
    if (!callId) return Promise.resolve();
    const payload = { callId, stepId, completed, ...(answerId ? { answerId } : {}) };
    this.queue = this.queue.then(async () => {
      const result = await this.socket.request('script.step-recorded', payload);
      this.failedState.set(!result.ok);
    });
    return this.queue;
  }
}
