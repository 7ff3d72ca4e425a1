import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { ChatOffer } from '@recupera/shared';
import { ChatOfferCardComponent } from './chat-offer-card.component';

const OFFER: ChatOffer = {
  conversationId: 'cv-1',
  channel: 'whatsapp',
  queue: 'cobranza',
  account: {
    accountId: 'acc-1',
    accountNumber: '100234',
    debtorName: 'María López',
    balance: { amountMinor: 1_250_000, currency: 'COP' },
    daysPastDue: 47,
  },
  preview: 'Hola, quiero pagar',
  waitingSince: '2026-03-09T16:00:00.000Z',
  expiresAt: '2026-03-09T16:00:30.000Z',
};

describe(ChatOfferCardComponent.name, () => {
  let fixture: ComponentFixture<ChatOfferCardComponent>;
  let answers: string[];

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ imports: [ChatOfferCardComponent] });
    fixture = TestBed.createComponent(ChatOfferCardComponent);
    fixture.componentRef.setInput('offer', OFFER);
    fixture.componentRef.setInput('secondsLeft', 24);
    answers = [];
    fixture.componentInstance.accept.subscribe(() => answers.push('accept'));
    fixture.componentInstance.decline.subscribe(() => answers.push('decline'));
    await fixture.whenStable();
  });

  function byTestId(id: string): HTMLElement {
    const element = (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(
      `[data-testid="${id}"]`,
    );
    if (!element) throw new Error(`no ${id}`);
    return element;
  }

  it('shows who writes, what they wrote, and the time left', () => {
    expect(byTestId('chat-offer').dataset['conversationId']).toBe('cv-1');
    expect(byTestId('chat-offer-debtor').textContent?.trim()).toBe('María López');
    expect(byTestId('chat-offer-preview').textContent?.trim()).toBe('Hola, quiero pagar');
    expect(byTestId('chat-offer-countdown').textContent?.trim()).toBe('Quedan 24 s para aceptarlo');
    expect(byTestId('chat-offer').textContent).toContain('WhatsApp');
    expect(byTestId('chat-offer').textContent).toContain('100234');
  });

  it('names an unknown number as such', async () => {
    fixture.componentRef.setInput('offer', { ...OFFER, account: null, preview: '' });
    await fixture.whenStable();
    expect(byTestId('chat-offer-debtor').textContent?.trim()).toBe('Número sin cuenta asociada');
    expect(byTestId('chat-offer-preview').textContent?.trim()).toBe('Todavía no escribió nada.');
  });

  it('answers with accept or decline, and not while busy or once lapsed', async () => {
    byTestId('chat-offer-accept').click();
    byTestId('chat-offer-decline').click();
    expect(answers).toEqual(['accept', 'decline']);

    fixture.componentRef.setInput('busy', true);
    await fixture.whenStable();
    expect((byTestId('chat-offer-accept') as HTMLButtonElement).disabled).toBe(true);
    expect((byTestId('chat-offer-decline') as HTMLButtonElement).disabled).toBe(true);

    fixture.componentRef.setInput('busy', false);
    fixture.componentRef.setInput('secondsLeft', 0);
    await fixture.whenStable();
    expect((byTestId('chat-offer-accept') as HTMLButtonElement).disabled).toBe(true);
    expect((byTestId('chat-offer-decline') as HTMLButtonElement).disabled).toBe(false);
  });
});
