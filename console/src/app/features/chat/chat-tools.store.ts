import { Injectable, computed, inject, signal } from '@angular/core';
import type { AccountListItem, AgentSummaryState, RenderedCannedResponse } from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { toApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { AccountsService } from '../accounts/accounts.service';
import { ChatsService } from './chats.service';

/** Accounts the match search lists: enough to pick one, the agent narrows the search otherwise. */
export const MATCH_RESULTS = 8;

/**
 * What the chat tools read over REST: the canned responses rendered for a chat, the agent's own
 * accounts to match an unknown number against, and their teammates to transfer a chat to.
 */
@Injectable()
export class ChatToolsStore {
  private readonly api = inject(ChatsService);
  private readonly accounts = inject(AccountsService);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);

  private readonly cannedFor = signal<string | null>(null);
  private readonly cannedState = signal<RequestState<RenderedCannedResponse[]>>(idle());
  private readonly matchQuery = signal('');
  private readonly matchState = signal<RequestState<AccountListItem[]>>(idle());
  private readonly teamState = signal<RequestState<AgentSummaryState[]>>(idle());

  readonly canned = computed(() => this.cannedState().data ?? []);
  readonly cannedLoading = computed(() => this.cannedState().loading);
  readonly cannedError = computed(() => this.i18n.error(this.cannedState().error));
  readonly matches = computed(() => this.matchState().data ?? []);
  readonly matchLoading = computed(() => this.matchState().loading);
  readonly matchError = computed(() => this.i18n.error(this.matchState().error));
  /** Active teammates, without the agent themself. */
  readonly teammates = computed(() => {
    const me = this.auth.user()?.id;
    return (this.teamState().data ?? []).filter((agent) => agent.active && agent.id !== me);
  });
  readonly teamLoading = computed(() => this.teamState().loading);
  readonly teamError = computed(() => this.i18n.error(this.teamState().error));

  /** The canned responses filled in for this chat's account (asked again when the chat changes). */
  loadCanned(conversationId: string): void {
    if (this.cannedFor() === conversationId && this.cannedState().data) return;
    this.cannedFor.set(conversationId);
    this.cannedState.set(loading(idle()));
    this.api.cannedResponses(conversationId).subscribe({
      next: (responses) => {
        if (this.cannedFor() === conversationId) this.cannedState.set(loaded(responses));
      },
      error: (error: unknown) => {
        if (this.cannedFor() === conversationId)
          this.cannedState.update((state) => failed(state, toApiError(error)));
      },
    });
  }

  /** The agent's accounts matching the text (the API scopes the search to their assignments). */
  searchAccounts(text: string): void {
    const q = text.trim();
    this.matchQuery.set(q);
    if (q.length < 2) {
      this.matchState.set(idle());
      return;
    }
    this.matchState.update(loading);
    this.accounts.search({ q, pageSize: MATCH_RESULTS }).subscribe({
      next: (page) => {
        if (this.matchQuery() === q) this.matchState.set(loaded(page.items));
      },
      error: (error: unknown) => {
        if (this.matchQuery() === q) this.matchState.update((state) => failed(state, toApiError(error)));
      },
    });
  }

  loadTeam(): void {
    const teamId = this.auth.user()?.teamId;
    if (!teamId || this.teamState().data || this.teamState().loading) return;
    this.teamState.update(loading);
    this.api.roster(teamId).subscribe({
      next: (roster) => this.teamState.set(loaded(roster.agents)),
      error: (error: unknown) => this.teamState.update((state) => failed(state, toApiError(error))),
    });
  }
}
