import {
  minorToMajorString,
  type AckResult,
  type ChatMessageView,
  type ChatOffer,
  type ConversationDetail,
  type DispositionOption,
  type SeededRandom,
} from '@recupera/shared';
import { DEMO_AGENT_CLOSING, DEMO_AGENT_GREETING, DEMO_AGENT_REPLIES } from './demo-chat-lines.constant';
import { fallbackDisposition } from './demo-agent-plan.util';

/** A bot holds at most this many chats at once (besides its calls). */
const MAX_CHATS = 2;
/** Unscaled waits, in milliseconds: reading an offer, then writing an answer. */
const ACCEPT_MS: readonly [number, number] = [1_500, 5_000];
const REPLY_MS: readonly [number, number] = [4_000, 12_000];

/** What the desk needs of the bot that hosts it: its socket calls and its guarded, scaled timers. */
export interface DemoChatHost {
  emit(
    event: 'chat.accept-requested' | 'chat.decline-requested',
    request: { conversationId: string },
  ): Promise<AckResult>;
  send(conversationId: string, body: string): Promise<void>;
  wrapUp(conversationId: string, dispositionCode: string, notes: string): Promise<AckResult>;
  later(ms: number, task: () => Promise<void> | void): void;
  readonly rng: SeededRandom;
}

interface HeldChat {
  id: string;
  dispositions: DispositionOption[];
  balance: string | null;
  /** How many lines the debtor has written, and how many of them the bot has answered. */
  debtorLines: number;
  answered: number;
  closing: boolean;
}

/**
 * A demo agent's chats: it accepts what it has room for, greets, answers each of the debtor's lines
 * from DEMO_AGENT_REPLIES with the account's balance, and after the third closes the chat with a
 * contact disposition. Calls and chats run side by side, as the team's blending rules let them.
 */
export class DemoChatDesk {
  private readonly chats = new Map<string, HeldChat>();
  private wrapUps = 0;

  constructor(private readonly host: DemoChatHost) {}

  get held(): number {
    return this.chats.size;
  }

  get wrappedUp(): number {
    return this.wrapUps;
  }

  offered(offer: ChatOffer): void {
    const room = this.chats.size < MAX_CHATS;
    this.host.later(this.host.rng.int(...ACCEPT_MS), async () => {
      await this.host.emit(room ? 'chat.accept-requested' : 'chat.decline-requested', {
        conversationId: offer.conversationId,
      });
    });
  }

  /** A chat accepted or transferred here, or found in a snapshot: carried on from where it is. */
  assigned(detail: ConversationDetail): void {
    if (this.chats.has(detail.id) || detail.status === 'closed') return;
    const debtorLines = detail.messages.filter((m) => m.author === 'debtor').length;
    const agentLines = detail.messages.filter((m) => m.author === 'agent').length;
    const balance = detail.account
      ? `${minorToMajorString(detail.account.balance.amountMinor, detail.account.balance.currency)} ${detail.account.balance.currency}`
      : null;
    const chat: HeldChat = {
      id: detail.id,
      dispositions: detail.dispositions,
      balance,
      debtorLines,
      answered: Math.min(debtorLines, Math.max(0, agentLines - 1)),
      closing: false,
    };
    this.chats.set(chat.id, chat);
    if (agentLines === 0)
      this.host.later(this.host.rng.int(...ACCEPT_MS), () => this.host.send(chat.id, DEMO_AGENT_GREETING));
    this.answerSoon(chat);
  }

  /** A snapshot's chats replace what the desk held: the ones closed meanwhile are let go. */
  resume(chats: readonly ConversationDetail[]): void {
    const present = new Set(chats.map((c) => c.id));
    for (const id of [...this.chats.keys()]) if (!present.has(id)) this.chats.delete(id);
    for (const chat of chats) this.assigned(chat);
  }

  message(message: ChatMessageView): void {
    const chat = this.chats.get(message.conversationId);
    if (!chat || message.author !== 'debtor') return;
    chat.debtorLines++;
    this.answerSoon(chat);
  }

  closed(conversationId: string): void {
    this.chats.delete(conversationId);
  }

  /** The chats still held when the bot leaves: each wrapped up at once. */
  async leave(): Promise<void> {
    for (const chat of [...this.chats.values()]) await this.close(chat, false);
  }

  private answerSoon(chat: HeldChat): void {
    if (chat.closing || chat.answered >= chat.debtorLines) return;
    this.host.later(this.host.rng.int(...REPLY_MS), async () => {
      if (!this.chats.has(chat.id) || chat.closing || chat.answered >= chat.debtorLines) return;
      const reply = DEMO_AGENT_REPLIES[chat.answered];
      chat.answered = chat.debtorLines;
      if (reply) await this.host.send(chat.id, reply.replace('{balance}', chat.balance ?? 'el indicado'));
      else await this.close(chat, true);
    });
  }

  private async close(chat: HeldChat, sayGoodbye: boolean): Promise<void> {
    if (chat.closing) return;
    chat.closing = true;
    if (sayGoodbye) await this.host.send(chat.id, DEMO_AGENT_CLOSING);
    const disposition = fallbackDisposition(chat.dispositions, 'promise');
    if (!disposition) return;
    const result = await this.host.wrapUp(chat.id, disposition.code, 'Atendido por chat.');
    if (result.ok) {
      this.wrapUps++;
      this.chats.delete(chat.id);
    } else chat.closing = false;
  }
}
