import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ComplianceError, type MessageCampaignSendView } from '@recupera/shared';
import { MessageCampaignDetailStore } from './message-campaign-detail.store';
import { sendReason } from './messages-form.util';

function send(patch: Partial<MessageCampaignSendView> = {}): MessageCampaignSendView {
  return {
    accountId: 'acc-1',
    accountNumber: '100234',
    to: '+573001112233',
    outcome: 'blocked',
    reason: ComplianceError.OutsideWindow,
    messageId: null,
    at: '2026-03-09T12:00:00.000Z',
    ...patch,
  };
}

describe(MessageCampaignDetailStore.name, () => {
  let backend: HttpTestingController;
  let store: MessageCampaignDetailStore;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), MessageCampaignDetailStore],
    });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(MessageCampaignDetailStore);
  });

  afterEach(() => backend.verify());

  it('loads the campaign and its sends, filtered by outcome and paged', () => {
    store.load('mc-1');
    backend.expectOne('/api/message-campaigns/mc-1').flush({ id: 'mc-1', name: 'X', status: 'running' });
    backend.expectOne('/api/message-campaigns/mc-1/sends?page=1&pageSize=25').flush({
      items: [send(), send({ accountId: 'acc-2', outcome: 'sent', reason: null })],
      total: 2,
      page: 1,
      pageSize: 25,
    });
    expect(store.campaign()?.name).toBe('X');
    expect(store.sends()).toHaveLength(2);

    store.filter('blocked');
    backend
      .expectOne('/api/message-campaigns/mc-1/sends?page=1&pageSize=25&outcome=blocked')
      .flush({ items: [send()], total: 41, page: 1, pageSize: 25 });
    expect(store.sendsTotal()).toBe(41);

    store.page(1, 25);
    backend
      .expectOne('/api/message-campaigns/mc-1/sends?page=2&pageSize=25&outcome=blocked')
      .flush({ items: [send({ accountId: 'acc-30' })], total: 41, page: 2, pageSize: 25 });
    expect(store.sends().map((s) => s.accountId)).toEqual(['acc-30']);

    store.filter(null);
    backend
      .expectOne('/api/message-campaigns/mc-1/sends?page=1&pageSize=25')
      .flush({ items: [], total: 0, page: 1, pageSize: 25 });
    expect(store.query().outcome).toBeUndefined();
  });

  it('drops an answer for a page it no longer shows', () => {
    store.load('mc-1');
    backend.expectOne('/api/message-campaigns/mc-1').flush({ id: 'mc-1' });
    const first = backend.expectOne('/api/message-campaigns/mc-1/sends?page=1&pageSize=25');
    store.filter('failed');
    const second = backend.expectOne('/api/message-campaigns/mc-1/sends?page=1&pageSize=25&outcome=failed');
    second.flush({
      items: [send({ outcome: 'failed', reason: 'carrier_error' })],
      total: 1,
      page: 1,
      pageSize: 25,
    });
    first.flush({ items: [send(), send(), send()], total: 3, page: 1, pageSize: 25 });
    expect(store.sends().map((s) => s.outcome)).toEqual(['failed']);
  });

  it("words the gate's reasons, its own, and keeps unknown ones as given", () => {
    expect(sendReason('outside_window')).toEqual({ kind: 'compliance', code: ComplianceError.OutsideWindow });
    expect(sendReason('template_required')).toEqual({
      kind: 'known',
      key: 'messages.sendReason.template_required',
    });
    expect(sendReason('21610')).toEqual({ kind: 'raw', text: '21610' });
  });
});
