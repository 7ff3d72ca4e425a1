import { Inject, Injectable, Logger } from '@nestjs/common';
import { SeededRandom } from '@recupera/shared';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { MessagingWebhooksService } from '../messaging/messaging-webhooks.service';
import { DEMO_DEBTOR_FOLLOW_UPS, DEMO_DEBTOR_OPENINGS } from './demo-chat-lines.constant';
import { DemoRepository } from './demo.repository';

/** Unscaled: how often the debtors' side looks for agents' answers, and the gap between new chats. */
const POLL_MS = 2_000;
const NEW_CHAT_MS: readonly [number, number] = [60_000, 180_000];
/** How long a debtor takes to answer an agent. */
const ANSWER_MS: readonly [number, number] = [10_000, 25_000];
/** Demo debtors writing at once, at most. */
const MAX_OPEN = 3;

export interface DemoDebtorsRun {
  teamIds: readonly string[];
  timeScale: number;
  seed: number;
}

interface DemoChat {
  phone: string;
  conversationId: string;
  lastSeenId: string;
  followUps: readonly string[];
  answerAt: number | null;
}

/**
 * The other end of the demo's chats: now and then a debtor of the demo teams texts in (an SMS
 * through the same inbound path a Twilio webhook takes, minus the signature), and answers the
 * agent a couple of times, so the floor's chat queues and the bots' chats move as calls do.
 */
@Injectable()
export class DemoDebtorsService {
  private readonly logger = new Logger('DemoDebtors');
  private readonly chats: DemoChat[] = [];
  private timer: NodeJS.Timeout | null = null;
  private run: DemoDebtorsRun | null = null;
  private rng = new SeededRandom(1);
  private nextChatAt = 0;
  private busy = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly inbound: MessagingWebhooksService,
    private readonly repository: DemoRepository,
  ) {}

  get open(): number {
    return this.chats.length;
  }

  start(run: DemoDebtorsRun): void {
    this.stop();
    this.run = run;
    this.rng = new SeededRandom(run.seed);
    this.nextChatAt = Date.now() + this.scaled(this.rng.int(...NEW_CHAT_MS) / 4);
    this.timer = setInterval(() => void this.tick(), this.scaled(POLL_MS));
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.run = null;
    this.chats.length = 0;
  }

  private scaled(ms: number): number {
    return Math.max(1, Math.round(ms * (this.run?.timeScale ?? 1)));
  }

  private async tick(): Promise<void> {
    if (this.busy || !this.run) return;
    this.busy = true;
    try {
      for (const chat of [...this.chats]) await this.follow(chat);
      if (Date.now() >= this.nextChatAt && this.chats.length < MAX_OPEN) {
        this.nextChatAt = Date.now() + this.scaled(this.rng.int(...NEW_CHAT_MS));
        await this.openChat(this.run);
      }
    } catch (error) {
      this.logger.warn(
        `A demo debtor could not write: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      this.busy = false;
    }
  }

  private async openChat(run: DemoDebtorsRun): Promise<void> {
    const phone = await this.repository.chatDebtorPhone(run.teamIds, this.rng.next());
    if (!phone) return;
    await this.text(phone, this.rng.pick(DEMO_DEBTOR_OPENINGS));
    const conversationId = await this.repository.openSmsConversation(phone);
    if (!conversationId) return;
    this.chats.push({
      phone,
      conversationId,
      lastSeenId: '0',
      followUps: this.rng.pick(DEMO_DEBTOR_FOLLOW_UPS),
      answerAt: null,
    });
  }

  /** Answers an agent who wrote since the debtor last did; lets go of a chat that is over. */
  private async follow(chat: DemoChat): Promise<void> {
    const seen = await this.repository.agentRepliesAfter(chat.conversationId, chat.lastSeenId);
    if (!seen.open) {
      this.chats.splice(this.chats.indexOf(chat), 1);
      return;
    }
    if (seen.replies > 0 && chat.answerAt === null && chat.followUps.length > 0)
      chat.answerAt = Date.now() + this.scaled(this.rng.int(...ANSWER_MS));
    if (chat.answerAt === null || Date.now() < chat.answerAt) return;
    const [line, ...rest] = chat.followUps;
    chat.lastSeenId = seen.lastId;
    chat.followUps = rest;
    chat.answerAt = null;
    if (line) await this.text(chat.phone, line);
  }

  private text(phone: string, body: string): Promise<void> {
    return this.inbound.inbound(
      {
        MessageSid: `SM${randomBytes(16).toString('hex')}`,
        From: phone,
        To: this.config.messagingFrom.sms,
        Body: body,
      },
      new Date(),
    );
  }
}
