import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ErrorCode, type MessageCampaignView } from '@recupera/shared';
import { MessageCampaignsStore } from './message-campaigns.store';
import { campaignProgress, toAudience } from './messages-form.util';

function campaign(patch: Partial<MessageCampaignView> = {}): MessageCampaignView {
  return {
    id: 'mc-1',
    name: 'Vencen en 3 días',
    templateId: 'tpl-1',
    templateName: 'Recordatorio',
    channel: 'sms',
    portfolioId: 'pf-1',
    audience: { kind: 'due_in_days', days: 3 },
    status: 'draft',
    counts: { selected: 0, sent: 0, blocked: 0, failed: 0, delivered: 0 },
    createdAt: '2026-03-09T12:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    ...patch,
  };
}

describe(MessageCampaignsStore.name, () => {
  let backend: HttpTestingController;
  let store: MessageCampaignsStore;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), MessageCampaignsStore],
    });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(MessageCampaignsStore);
    store.load();
    backend.expectOne('/api/message-campaigns').flush([campaign()]);
    backend.expectOne('/api/message-templates').flush([
      { id: 'tpl-1', active: true, name: 'Recordatorio', channel: 'sms' },
      { id: 'tpl-2', active: false, name: 'Viejo', channel: 'sms' },
    ]);
    backend.expectOne('/api/portfolios').flush([{ id: 'pf-1', name: 'Tarjetas', clientCode: 'BAN' }]);
  });

  afterEach(() => backend.verify());

  it('offers only active templates and creates a campaign from a valid draft', () => {
    expect(store.templates().map((t) => t.id)).toEqual(['tpl-1']);
    store.startNew();
    expect(store.canCreate()).toBe(false);
    store.patch({ name: '  Mora temprana ', templateId: 'tpl-1', portfolioId: 'pf-1' });
    store.patchAudience({ kind: 'past_due', days: '31', maxDays: '60' });
    expect(store.canCreate()).toBe(true);

    let created: MessageCampaignView | null = null;
    store.create((c) => (created = c));
    const request = backend.expectOne({ method: 'POST', url: '/api/message-campaigns' });
    expect(request.request.body).toEqual({
      name: 'Mora temprana',
      templateId: 'tpl-1',
      portfolioId: 'pf-1',
      audience: { kind: 'past_due', minDaysPastDue: 31, maxDaysPastDue: 60 },
    });
    request.flush(campaign({ id: 'mc-2', name: 'Mora temprana' }));
    expect(created).not.toBeNull();
    expect(store.campaigns().map((c) => c.id)).toEqual(['mc-2', 'mc-1']);
    expect(store.creating()).toBe(false);
  });

  it('starts a campaign and shows the refusal of another, then the latest list', () => {
    store.act(campaign(), 'start');
    expect(store.pendingId()).toBe('mc-1');
    backend.expectOne({ method: 'POST', url: '/api/message-campaigns/mc-1/start' }).flush(
      campaign({
        status: 'running',
        counts: { selected: 10, sent: 4, blocked: 1, failed: 0, delivered: 2 },
      }),
    );
    expect(store.campaigns()[0]!.status).toBe('running');
    expect(store.anyRunning()).toBe(true);

    store.act(store.campaigns()[0]!, 'cancel');
    backend
      .expectOne({ method: 'POST', url: '/api/message-campaigns/mc-1/cancel' })
      .flush(
        { code: ErrorCode.Conflict, message: 'The campaign is done' },
        { status: 409, statusText: 'Conflict' },
      );
    expect(store.actionError()).toContain('The campaign is done');
    backend.expectOne('/api/message-campaigns').flush([campaign({ status: 'done' })]);
    expect(store.campaigns()[0]!.status).toBe('done');
    expect(store.anyRunning()).toBe(false);
  });

  it('reads audiences and progress', () => {
    expect(toAudience({ kind: 'due_in_days', days: '3', maxDays: '' })).toEqual({
      kind: 'due_in_days',
      days: 3,
    });
    expect(toAudience({ kind: 'due_in_days', days: '-1', maxDays: '' })).toBeNull();
    expect(toAudience({ kind: 'installment_due_in_days', days: '400', maxDays: '' })).toBeNull();
    expect(toAudience({ kind: 'broken_agreements', days: '', maxDays: '' })).toEqual({
      kind: 'broken_agreements',
    });
    expect(toAudience({ kind: 'past_due', days: '90', maxDays: '' })).toEqual({
      kind: 'past_due',
      minDaysPastDue: 90,
    });
    expect(toAudience({ kind: 'past_due', days: '90', maxDays: '30' })).toBeNull();

    expect(campaignProgress({ selected: 10, sent: 4, blocked: 1, failed: 0, delivered: 2 })).toEqual({
      handled: 0.5,
      delivered: 0.5,
    });
    expect(campaignProgress({ selected: 0, sent: 0, blocked: 0, failed: 0, delivered: 0 })).toEqual({
      handled: 0,
      delivered: null,
    });
  });
});
