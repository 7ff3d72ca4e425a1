import { Injectable, computed, inject, signal } from '@angular/core';
import {
  hasBlockingProblems,
  validateScript,
  type ScriptProblem,
  type ScriptResponse,
  type ScriptVersionResponse,
} from '@recupera/shared';
import { toApiError, type ApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import {
  draftOf,
  latestVersion,
  newDraft,
  stepIdsOf,
  toValidatable,
  type DraftTemplate,
  type ScriptDraft,
} from './script-draft.util';
import { countBySeverity, locateProblems } from './script-problems.util';
import { ScriptsService } from './scripts.service';

interface ActionState {
  busy: boolean;
  error: ApiError | null;
}

const IDLE: ActionState = { busy: false, error: null };
const NAME_MAX = 120;

/** Problems the server attached to a refused publish (`details.problems`). */
function refusedProblems(error: ApiError): ScriptProblem[] | null {
  const details = error.details as { problems?: unknown } | undefined;
  return details && Array.isArray(details.problems) ? (details.problems as ScriptProblem[]) : null;
}

function byName(a: ScriptResponse, b: ScriptResponse): number {
  return a.name.localeCompare(b.name);
}

/**
 * The scripts and the one being edited. The draft lives here as a plain value that every edit
 * replaces, so validateScript (the same pure check the server runs) re-runs on each keystroke.
 */
@Injectable()
export class ScriptEditorStore {
  private readonly api = inject(ScriptsService);
  private readonly i18n = inject(I18nService);

  private readonly listState = signal<RequestState<ScriptResponse[]>>(idle());
  private readonly selectedId = signal<string | null>(null);
  private readonly draftState = signal<ScriptDraft | null>(null);
  /** The draft as last loaded or saved, to tell unsaved changes; null for a script never saved. */
  private readonly savedJson = signal<string | null>(null);
  private readonly serverProblemsState = signal<readonly ScriptProblem[]>([]);
  private readonly saveState = signal<ActionState>(IDLE);
  private readonly publishState = signal<ActionState>(IDLE);

  readonly scripts = computed(() => [...(this.listState().data ?? [])].sort(byName));
  readonly loading = computed(() => this.listState().loading);
  readonly ready = computed(() => this.listState().data !== null);
  readonly error = computed(() => this.i18n.error(this.listState().error));

  readonly selected = computed(() => this.scripts().find((s) => s.id === this.selectedId()) ?? null);
  readonly latest = computed(() => {
    const script = this.selected();
    return script ? latestVersion(script) : null;
  });
  readonly draft = this.draftState.asReadonly();
  readonly editing = computed(() => this.draftState() !== null);
  readonly isNew = computed(() => this.editing() && this.selectedId() === null);
  readonly dirty = computed(() => {
    const draft = this.draftState();
    return draft !== null && JSON.stringify(draft) !== this.savedJson();
  });
  readonly stepIds = computed(() => {
    const draft = this.draftState();
    return draft ? stepIdsOf(draft) : [];
  });

  /** Live: the shared validator on the draft as it is on screen. */
  readonly problems = computed<readonly ScriptProblem[]>(() => {
    const draft = this.draftState();
    return draft ? validateScript(toValidatable(draft)) : [];
  });
  readonly located = computed(() => locateProblems(this.draftState()?.steps ?? [], this.problems()));
  readonly counts = computed(() => countBySeverity(this.problems()));
  /** What the server found in the version it stored, as of the last load, save or refused publish. */
  readonly serverProblems = this.serverProblemsState.asReadonly();

  readonly nameValid = computed(() => {
    const name = this.draftState()?.name.trim() ?? '';
    return name.length > 0 && name.length <= NAME_MAX;
  });
  readonly saving = computed(() => this.saveState().busy);
  readonly saveError = computed(() => this.i18n.errorWithDetails(this.saveState().error));
  readonly canSave = computed(
    () => this.dirty() && this.nameValid() && this.draftState()?.startStepId.trim() !== '' && !this.saving(),
  );

  readonly publishing = computed(() => this.publishState().busy);
  readonly publishError = computed(() => this.i18n.error(this.publishState().error));
  /** Why publishing is not possible now, for the hint beside the button; null when it is. */
  readonly publishBlocker = computed<MessageKey | null>(() => {
    if (!this.editing()) return null;
    if (this.isNew() || this.dirty()) return 'scripts.publishBlocked.unsaved';
    if (hasBlockingProblems(this.problems())) return 'scripts.publishBlocked.problems';
    if (this.latest()?.status !== 'draft') return 'scripts.publishBlocked.published';
    return null;
  });
  readonly canPublish = computed(
    () => this.editing() && this.publishBlocker() === null && !this.publishing() && !this.saving(),
  );

  load(): void {
    this.listState.update(loading);
    this.api.list().subscribe({
      next: (scripts) => this.listState.set(loaded(scripts)),
      error: (error: unknown) => this.listState.update((state) => failed(state, toApiError(error))),
    });
  }

  /** Opens a script's newest version: its draft, or the published text a save turns into the next draft. */
  select(scriptId: string): void {
    const script = this.scripts().find((s) => s.id === scriptId);
    const version = script ? latestVersion(script) : null;
    if (!script || !version) return;
    this.selectedId.set(script.id);
    this.open(version);
  }

  startNew(template: DraftTemplate): void {
    this.selectedId.set(null);
    this.draftState.set(newDraft(template, this.i18n.locale()));
    this.savedJson.set(null);
    this.serverProblemsState.set([]);
    this.resetActions();
  }

  /** Applies one edit (the pure operations of script-draft.util and script-step.util). */
  update(change: (draft: ScriptDraft) => ScriptDraft): void {
    this.draftState.update((draft) => (draft ? change(draft) : draft));
  }

  /** Back to the stored version, or out of the editor for a script never saved. */
  discard(): void {
    const version = this.latest();
    if (version && !this.isNew()) this.open(version);
    else this.close();
  }

  close(): void {
    this.selectedId.set(null);
    this.draftState.set(null);
    this.savedJson.set(null);
    this.serverProblemsState.set([]);
    this.resetActions();
  }

  save(done: (saved: ScriptResponse) => void = () => undefined): void {
    const draft = this.draftState();
    if (!draft || !this.canSave()) return;
    const id = this.selectedId();
    this.saveState.set({ busy: true, error: null });
    (id === null ? this.api.create(draft) : this.api.saveDraft(id, draft)).subscribe({
      next: (saved) => {
        this.saveState.set(IDLE);
        this.upsert(saved);
        const version = latestVersion(saved);
        this.selectedId.set(saved.id);
        if (version) {
          const stored = draftOf(version);
          // Edits typed while the request was out stay on screen, and unsaved.
          if (this.draftState() === draft) this.draftState.set(stored);
          this.savedJson.set(JSON.stringify(stored));
          this.serverProblemsState.set(version.problems);
        }
        done(saved);
      },
      error: (error: unknown) => this.saveState.set({ busy: false, error: toApiError(error) }),
    });
  }

  publish(done: (published: ScriptVersionResponse) => void = () => undefined): void {
    const script = this.selected();
    if (!script || !this.canPublish()) return;
    this.publishState.set({ busy: true, error: null });
    this.api.publish(script.id).subscribe({
      next: (published) => {
        this.publishState.set(IDLE);
        this.replaceVersion(published);
        this.serverProblemsState.set(published.problems);
        done(published);
      },
      error: (error: unknown) => {
        const apiError = toApiError(error);
        const problems = refusedProblems(apiError);
        if (problems) this.serverProblemsState.set(problems);
        this.publishState.set({ busy: false, error: apiError });
      },
    });
  }

  private open(version: ScriptVersionResponse): void {
    const draft = draftOf(version);
    this.draftState.set(draft);
    this.savedJson.set(JSON.stringify(draft));
    this.serverProblemsState.set(version.problems);
    this.resetActions();
  }

  private resetActions(): void {
    this.saveState.set(IDLE);
    this.publishState.set(IDLE);
  }

  private upsert(script: ScriptResponse): void {
    this.listState.update((state) => {
      const list = state.data ?? [];
      const data = list.some((s) => s.id === script.id)
        ? list.map((s) => (s.id === script.id ? script : s))
        : [...list, script];
      return { ...state, data };
    });
  }

  private replaceVersion(version: ScriptVersionResponse): void {
    this.listState.update((state) => ({
      ...state,
      data: (state.data ?? []).map((s) =>
        s.id === version.scriptId
          ? { ...s, versions: s.versions.map((v) => (v.id === version.id ? version : v)) }
          : s,
      ),
    }));
  }
}
