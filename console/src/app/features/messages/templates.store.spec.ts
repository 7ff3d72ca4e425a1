import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ErrorCode, type MessageTemplateView } from '@recupera/shared';
import { TemplatesStore } from './templates.store';

function template(patch: Partial<MessageTemplateView> = {}): MessageTemplateView {
  return {
    id: 'tpl-1',
    clientId: null,
    name: 'Recordatorio 3 días',
    channel: 'sms',
    purpose: 'preventive',
    language: 'es',
    body: 'Hola {{debtor.firstName}}, su cuota vence pronto.',
    whatsappContentSid: null,
    active: true,
    createdAt: '2026-03-01T12:00:00.000Z',
    ...patch,
  };
}

describe(TemplatesStore.name, () => {
  let backend: HttpTestingController;
  let store: TemplatesStore;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), TemplatesStore],
    });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(TemplatesStore);
    store.load();
    backend.expectOne('/api/message-templates').flush([template()]);
    backend.expectOne('/api/clients').flush([]);
  });

  afterEach(() => backend.verify());

  it('previews the body on the example account as it is typed', () => {
    store.startNew();
    store.patch({ name: 'Aviso', body: 'Hola {{debtor.firstName}}, debe {{account.balance | money}}.' });
    expect(store.preview().text).toMatch(/^Hola María Fernanda, debe .*12,345\.67.*\.$/);
    expect(store.preview().problems).toEqual([]);
    expect(store.canSave()).toBe(true);
  });

  it('names a broken field and does not save it', () => {
    store.startNew();
    store.patch({ name: 'Aviso', body: 'Hola {{debtor.apodo}}' });
    expect(store.preview().problems).toHaveLength(1);
    expect(store.preview().problems[0]).toContain('debtor.apodo');
    expect(store.canSave()).toBe(false);
  });

  it('checks the WhatsApp content SID and sends it only for WhatsApp', () => {
    store.startNew();
    store.patch({ name: 'WA', body: 'Hola', channel: 'whatsapp', whatsappContentSid: 'HX123' });
    expect(store.sidInvalid()).toBe(true);
    expect(store.canSave()).toBe(false);
    store.patch({ whatsappContentSid: 'HX' + 'a'.repeat(32) });
    expect(store.canSave()).toBe(true);
    store.patch({ channel: 'sms' });
    store.save();
    const request = backend.expectOne({ method: 'POST', url: '/api/message-templates' });
    expect(request.request.body).toEqual(
      expect.objectContaining({ channel: 'sms', whatsappContentSid: null }),
    );
    request.flush(template({ id: 'tpl-2', name: 'WA' }));
    expect(store.templates().map((t) => t.id)).toEqual(['tpl-2', 'tpl-1']);
    expect(store.editing()).toBeNull();
  });

  it('updates an edited template in place and shows a refusal', () => {
    store.edit(template());
    store.patch({ name: 'Recordatorio 2 días' });
    store.save();
    backend
      .expectOne({ method: 'PATCH', url: '/api/message-templates/tpl-1' })
      .flush(
        { code: ErrorCode.Conflict, message: 'A template with that name exists' },
        { status: 409, statusText: 'Conflict' },
      );
    expect(store.saveError()).toContain('A template with that name exists');
    expect(store.editing()).toBe('tpl-1');

    store.save();
    backend
      .expectOne({ method: 'PATCH', url: '/api/message-templates/tpl-1' })
      .flush(template({ name: 'Recordatorio 2 días' }));
    expect(store.templates().map((t) => t.name)).toEqual(['Recordatorio 2 días']);
  });
});
