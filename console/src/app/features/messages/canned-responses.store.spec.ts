import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ErrorCode, type CannedResponseView } from '@recupera/shared';
import { CannedResponsesStore } from './canned-responses.store';

const SALUDO: CannedResponseView = {
  id: 'cr-1',
  clientId: null,
  title: 'Saludo',
  body: 'Hola {{debtor.firstName}}, soy {{agent.firstName}}.',
};

describe(CannedResponsesStore.name, () => {
  let backend: HttpTestingController;
  let store: CannedResponsesStore;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), CannedResponsesStore],
    });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(CannedResponsesStore);
    store.load();
    backend.expectOne('/api/canned-responses').flush([SALUDO]);
    backend.expectOne('/api/clients').flush([{ id: 'cl-1', name: 'Banco Ejemplo' }]);
  });

  afterEach(() => backend.verify());

  it('creates a response with a preview of its fields', () => {
    store.startNew();
    store.patch({ title: ' Despedida ', body: 'Gracias, {{debtor.firstName}}.', clientId: 'cl-1' });
    expect(store.preview().text).toBe('Gracias, María Fernanda.');
    store.save();
    const request = backend.expectOne({ method: 'POST', url: '/api/canned-responses' });
    expect(request.request.body).toEqual({
      clientId: 'cl-1',
      title: 'Despedida',
      body: 'Gracias, {{debtor.firstName}}.',
    });
    request.flush({
      id: 'cr-2',
      clientId: 'cl-1',
      title: 'Despedida',
      body: 'Gracias, {{debtor.firstName}}.',
    });
    expect(store.responses().map((r) => r.id)).toEqual(['cr-1', 'cr-2']);
    expect(store.editing()).toBeNull();
  });

  it('does not save without a title or with a broken field', () => {
    store.startNew();
    store.patch({ body: 'Hola' });
    expect(store.canSave()).toBe(false);
    store.patch({ title: 'T', body: 'Hola {{debtor.' });
    expect(store.canSave()).toBe(false);
    store.patch({ body: 'Hola' });
    expect(store.canSave()).toBe(true);
  });

  it('edits and deletes, and shows a refusal', () => {
    store.edit(SALUDO);
    store.patch({ title: 'Saludo formal' });
    store.save();
    backend
      .expectOne({ method: 'PATCH', url: '/api/canned-responses/cr-1' })
      .flush({ ...SALUDO, title: 'Saludo formal' });
    expect(store.responses()[0]!.title).toBe('Saludo formal');

    store.remove(store.responses()[0]!);
    backend
      .expectOne({ method: 'DELETE', url: '/api/canned-responses/cr-1' })
      .flush({ code: ErrorCode.Forbidden, message: 'No' }, { status: 403, statusText: 'Forbidden' });
    expect(store.actionError()).toContain('No tienes permiso');
    expect(store.responses()).toHaveLength(1);

    store.remove(store.responses()[0]!);
    backend
      .expectOne({ method: 'DELETE', url: '/api/canned-responses/cr-1' })
      .flush(null, { status: 204, statusText: 'No Content' });
    expect(store.responses()).toEqual([]);
  });
});
