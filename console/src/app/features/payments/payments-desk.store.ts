import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  DailyBalanceResponse,
  PaymentAccountLookup,
  PaymentResponse,
  PostPaymentRequest,
} from '@recupera/shared';
import { firstValueFrom } from 'rxjs';
import { errorMessageKey, toApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { PaymentsService } from './payments.service';

/** The cashier's desk: find the account, take the payment, see where it went; the day's balance. */
@Injectable()
export class PaymentsDeskStore {
  private readonly api = inject(PaymentsService);
  private readonly i18n = inject(I18nService);

  readonly matches = signal<RequestState<PaymentAccountLookup[]>>(idle());
  readonly selected = signal<PaymentAccountLookup | null>(null);
  readonly history = signal<PaymentResponse[]>([]);
  readonly posting = signal(false);
  readonly result = signal<PaymentResponse | null>(null);
  readonly error = signal<string | null>(null);
  readonly balance = signal<RequestState<DailyBalanceResponse>>(idle());
  readonly searched = computed(() => this.matches().data !== null);

  async search(accountNumber: string): Promise<void> {
    const number = accountNumber.trim();
    if (!number) return;
    this.matches.update(loading);
    this.selected.set(null);
    this.result.set(null);
    try {
      const found = await firstValueFrom(this.api.lookup(number));
      this.matches.set(loaded(found));
      if (found.length === 1) await this.select(found[0]);
    } catch (error) {
      this.matches.update((s) => failed(s, toApiError(error)));
    }
  }

  async select(account: PaymentAccountLookup): Promise<void> {
    this.selected.set(account);
    this.error.set(null);
    this.history.set(await firstValueFrom(this.api.forAccount(account.accountId)));
  }

  async post(request: PostPaymentRequest): Promise<boolean> {
    this.posting.set(true);
    this.error.set(null);
    try {
      const payment = await firstValueFrom(this.api.post(request));
      this.result.set(payment);
      await this.refreshSelected();
      return true;
    } catch (error) {
      this.error.set(this.messageOf(error));
      return false;
    } finally {
      this.posting.set(false);
    }
  }

  async reverse(paymentId: string, reason: string): Promise<void> {
    this.error.set(null);
    try {
      this.result.set(await firstValueFrom(this.api.reverse(paymentId, reason)));
      await this.refreshSelected();
    } catch (error) {
      this.error.set(this.messageOf(error));
    }
  }

  async loadBalance(date: string): Promise<void> {
    this.balance.update(loading);
    try {
      this.balance.set(loaded(await firstValueFrom(this.api.dailyBalance(date))));
    } catch (error) {
      this.balance.update((s) => failed(s, toApiError(error)));
    }
  }

  async signOff(date: string): Promise<void> {
    try {
      this.balance.set(loaded(await firstValueFrom(this.api.signOff(date))));
    } catch (error) {
      this.balance.update((s) => failed(s, toApiError(error)));
    }
  }

  private async refreshSelected(): Promise<void> {
    const current = this.selected();
    if (!current) return;
    const [fresh] = (await firstValueFrom(this.api.lookup(current.accountNumber))).filter(
      (a) => a.accountId === current.accountId,
    );
    if (fresh) this.selected.set(fresh);
    this.history.set(await firstValueFrom(this.api.forAccount(current.accountId)));
  }

  private messageOf(error: unknown): string {
    const api = toApiError(error);
    return `${this.i18n.t(errorMessageKey(api.code))} ${api.message}`.trim();
  }
}
