import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  validateScript,
  type ScriptDraftRequest,
  type ScriptResponse,
  type ScriptVersionResponse,
} from '@recupera/shared';
import { Subject, of, throwError, type Observable } from 'rxjs';
import { replaceStep, toValidatable } from './script-draft.util';
import { ScriptEditorStore } from './script-editor.store';
import { renderedScript, scriptResponse, versionResponse } from './script-response.factory';
import { ScriptsService } from './scripts.service';

@Component({
  selector: 'rc-host',
  template: '',
  providers: [ScriptEditorStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly store = inject(ScriptEditorStore);
}

/** Stands in for the HTTP service; each call answers with what the test queued. */
class FakeScriptsService {
  scripts: ScriptResponse[] = [];
  readonly saves = new Subject<ScriptResponse>();
  list = jest.fn((): Observable<ScriptResponse[]> => of(this.scripts));
  create = jest.fn((_draft: ScriptDraftRequest): Observable<ScriptResponse> => this.saves);
  saveDraft = jest.fn((_id: string, _draft: ScriptDraftRequest): Observable<ScriptResponse> => this.saves);
  publish = jest.fn(
    (_id: string): Observable<ScriptVersionResponse> =>
      of(versionResponse({ status: 'published', publishedAt: '2026-03-02T10:00:00.000Z' })),
  );
  preview = jest.fn(() => of(renderedScript()));
}

const PUBLISHED = versionResponse({
  id: 'v1',
  status: 'published',
  publishedAt: '2026-03-02T10:00:00.000Z',
});

describe(ScriptEditorStore.name, () => {
  let api: FakeScriptsService;
  let store: ScriptEditorStore;

  beforeEach(() => {
    localStorage.clear();
    api = new FakeScriptsService();
    api.scripts = [
      scriptResponse({ id: 's2', name: 'Zeta', versions: [PUBLISHED] }),
      scriptResponse({ id: 's1', name: 'Alfa' }),
    ];
    TestBed.configureTestingModule({ providers: [{ provide: ScriptsService, useValue: api }] });
    store = TestBed.createComponent(HostComponent).componentInstance.store;
    store.load();
  });

  function editText(text: string): void {
    store.update((draft) => replaceStep(draft, 0, { ...draft.steps[0], text }));
  }

  it('lists the scripts by name and opens the newest version as a clean draft', () => {
    expect(store.scripts().map((s) => s.name)).toEqual(['Alfa', 'Zeta']);
    store.select('s1');
    expect(store.draft()?.steps.map((s) => s.id)).toEqual(['saludo', 'cierre']);
    expect(store.dirty()).toBe(false);
    expect(store.problems()).toEqual([]);
    expect(store.canPublish()).toBe(true);
  });

  it('validates the draft as it is typed, with the shared validator', () => {
    store.select('s1');
    editText('Hola {{debtor.nombre}}');
    expect(store.dirty()).toBe(true);
    expect(store.problems().map((p) => p.code)).toEqual(['unknown_field']);
    expect(store.located().steps[0].areas.text).toHaveLength(1);
    expect(store.publishBlocker()).toBe('scripts.publishBlocked.unsaved');
  });

  it('saves the draft, then shows the server’s problems and allows publishing once clean', () => {
    store.select('s1');
    editText('Buenos días, {{debtor.firstName}}.');
    store.save();
    expect(store.saving()).toBe(true);
    expect(api.saveDraft).toHaveBeenCalledWith('s1', store.draft());

    const saved = versionResponse({ steps: store.draft()!.steps });
    api.saves.next(scriptResponse({ id: 's1', name: 'Alfa', versions: [saved] }));
    expect(store.saving()).toBe(false);
    expect(store.dirty()).toBe(false);
    expect(store.serverProblems()).toEqual([]);
    expect(store.canPublish()).toBe(true);
  });

  it('keeps the server’s problems of a saved draft, and blocks publishing on errors', () => {
    store.select('s1');
    editText('Hola {{debtor.nombre}}');
    store.save();
    const steps = store.draft()!.steps;
    const problems = validateScript(toValidatable(store.draft()!));
    api.saves.next(scriptResponse({ id: 's1', versions: [versionResponse({ steps, problems })] }));
    expect(store.serverProblems().map((p) => p.code)).toEqual(['unknown_field']);
    expect(store.publishBlocker()).toBe('scripts.publishBlocked.problems');
    expect(store.canPublish()).toBe(false);
  });

  it('keeps edits typed while the save was in flight as unsaved', () => {
    store.select('s1');
    editText('Primero');
    store.save();
    editText('Segundo');
    const stored = versionResponse();
    api.saves.next(
      scriptResponse({
        versions: [{ ...stored, steps: [{ ...stored.steps[0], text: 'Primero' }, stored.steps[1]] }],
      }),
    );
    expect(store.draft()?.steps[0].text).toBe('Segundo');
    expect(store.dirty()).toBe(true);
  });

  it('creates a new script with POST and then edits it like any other', () => {
    store.startNew('blank');
    expect(store.isNew()).toBe(true);
    expect(store.canSave()).toBe(false);
    store.update((draft) => ({ ...draft, name: 'Nuevo' }));
    editText('Hola');
    expect(store.canSave()).toBe(true);
    store.save();
    expect(api.create).toHaveBeenCalledWith(expect.objectContaining({ name: 'Nuevo' }));
    api.saves.next(
      scriptResponse({ id: 's3', name: 'Nuevo', versions: [versionResponse({ id: 'v9', scriptId: 's3' })] }),
    );
    expect(store.isNew()).toBe(false);
    expect(store.selected()?.id).toBe('s3');
    expect(store.scripts().map((s) => s.id)).toContain('s3');
  });

  it('publishes the saved draft and marks the version published', () => {
    store.select('s1');
    const done = jest.fn();
    store.publish(done);
    expect(api.publish).toHaveBeenCalledWith('s1');
    expect(done).toHaveBeenCalled();
    expect(store.latest()?.status).toBe('published');
    expect(store.publishBlocker()).toBe('scripts.publishBlocked.published');
  });

  it('shows the problems the server gives for a refused publish', () => {
    store.select('s1');
    const problem = validateScript({ ...toValidatable(store.draft()!), startStepId: 'x' })[0];
    api.publish.mockReturnValueOnce(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 400,
            error: { code: 'validation_failed', message: 'problems', details: { problems: [problem] } },
          }),
      ),
    );
    store.publish();
    expect(store.publishError()).toBe('Algunos datos no son válidos.');
    expect(store.serverProblems()).toEqual([problem]);
  });

  it('edits a published version into the next draft', () => {
    store.select('s2');
    expect(store.publishBlocker()).toBe('scripts.publishBlocked.published');
    editText('Otra versión');
    store.save();
    expect(api.saveDraft).toHaveBeenCalledWith('s2', expect.anything());
  });

  it('discards the changes back to the stored version', () => {
    store.select('s1');
    editText('Borrador perdido');
    store.discard();
    expect(store.dirty()).toBe(false);
    expect(store.draft()?.steps[0].text).toBe('Hola, {{debtor.firstName}}.');
  });

  it('says why the list could not load', () => {
    api.list.mockReturnValueOnce(throwError(() => new HttpErrorResponse({ status: 0 })));
    store.load();
    expect(store.error()).toBe('No hay conexión con el servidor.');
    expect(store.ready()).toBe(true);
  });
});
