import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  MESSAGE_BODY_MAX,
  MESSAGE_STATUSES,
  type ChatMessageView,
  type ChatQueueView,
  type MessageStatus,
  type WidgetChatRequest,
  type WidgetConversationView,
  type WidgetSendRequest,
} from '@recupera/shared';
import { AppException } from '../../common/errors/app.exception';
import type { InboundMessage, MessageStatusUpdate } from '../messaging/messaging.type';
import { OutboundMessagesService } from '../messaging/outbound-messages.service';
import { FloorEventsService } from '../realtime/floor-events.service';
import { ChatQueueService } from './chat-queue.service';
import { ChatRouterService } from './chat-router.service';
import { toMessageView, toWidgetConversation } from './conversation.mapper';
import { ConversationPartiesRepository } from './conversation-parties.repository';
import type { InboundOptions, OutboundRecord, WidgetSessionRef } from './conversation-ports.type';
import type { ConversationRow, NewMessage } from './conversation-row.type';
import { ConversationsRepository } from './conversations.repository';
import { WidgetEventsService } from './widget-events.service';

/** Messages a widget shows of its conversation (older ones stay in the account's timeline). */
const WIDGET_HISTORY = 100;

/** The statuses a report may move a message on from: delivery only goes forward. */
function earlierThan(status: MessageStatus): MessageStatus[] {
  const order: MessageStatus[] = ['queued', 'sent', 'delivered', 'read'];
  if (status === 'failed' || status === 'undelivered') return ['queued', 'sent'];
  const rank = order.indexOf(status);
  return rank <= 0 ? [] : order.slice(0, rank);
}

/**
 * The debtor's side of conversations: messages in from SMS, WhatsApp and the widget, delivery
 * reports, and outbound campaign messages written into the debtor's thread. A conversation about a
 * known account gets an interaction, so it stands in the account's timeline with the calls.
 */
@Injectable()
export class ConversationsService implements OnModuleInit {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly parties: ConversationPartiesRepository,
    private readonly queue: ChatQueueService,
    private readonly router: ChatRouterService,
    private readonly events: FloorEventsService,
    private readonly widgets: WidgetEventsService,
    private readonly outbound: OutboundMessagesService,
  ) {}

  /** The simulated carrier reports deliveries in-process; Twilio's reach the status webhook. */
  onModuleInit(): void {
    this.outbound.onStatus((update) => this.applyStatus(update));
  }

  /** An SMS or WhatsApp from a debtor; a retried webhook (same carrier id) is stored once. */
  async receiveInbound(
    message: InboundMessage,
    options: InboundOptions,
  ): Promise<{ conversationId: string; messageId: string; duplicate: boolean }> {
    const known = await this.conversations.messageBySid(message.carrierSid);
    if (known) return { conversationId: known.conversationId, messageId: known.id, duplicate: true };
    let conversation = await this.conversations.openByAddress(message.channel, message.from);
    if (!conversation) {
      const party = await this.parties.byPhone(message.channel, message.from);
      const interactionId = party
        ? await this.parties.insertInteraction(party, message.channel, 'inbound', message.from, message.at)
        : null;
      const id = await this.conversations.insert({
        channel: message.channel,
        status: 'idle',
        queue: options.queue ?? 'cobranza',
        address: message.from,
        clientId: party?.clientId ?? null,
        teamId: party?.teamId ?? null,
        accountId: party?.accountId ?? null,
        debtorId: party?.debtorId ?? null,
        contactPointId: party?.contactPointId ?? null,
        widgetSessionId: null,
        interactionId,
        at: message.at,
      });
      conversation = (await this.conversations.find(id))!;
    }
    const messageId = await this.conversations.insertMessage({
      conversationId: conversation.id,
      direction: 'inbound',
      author: 'debtor',
      agentId: null,
      body: message.body,
      media: message.media,
      status: 'received',
      carrierSid: message.carrierSid,
      clientRef: null,
      templateId: null,
      messageCampaignId: null,
      at: message.at,
    });
    if (messageId === null) {
      const again = await this.conversations.messageBySid(message.carrierSid);
      return { conversationId: conversation.id, messageId: again?.id ?? '', duplicate: true };
    }
    await this.conversations.update(conversation.id, {
      lastMessageAt: message.at,
      lastInboundAt: message.at,
    });
    await this.delivered(conversation, messageId);
    if (options.route) await this.needsAgent(conversation, message.at);
    return { conversationId: conversation.id, messageId, duplicate: false };
  }

  /** A delivery report: moves the message's status on and tells the agent working the chat. */
  async applyStatus(update: MessageStatusUpdate): Promise<void> {
    if (!(MESSAGE_STATUSES as readonly string[]).includes(update.status)) return;
    const changed = await this.conversations.advanceStatus(
      update.carrierSid,
      update.status,
      earlierThan(update.status),
      update.errorCode,
      update.at,
    );
    if (!changed) return;
    if (changed.messageCampaignId && update.status === 'delivered')
      await this.conversations.countDelivered(changed.messageCampaignId);
    const conversation = await this.conversations.find(changed.conversationId);
    if (conversation?.status === 'assigned' && conversation.agentId)
      this.events.toAgent(conversation.agentId, 'chat.message-status', {
        conversationId: conversation.id,
        messageId: changed.id,
        status: update.status,
      });
  }

  /** A campaign's or reminder's message, kept in the debtor's thread so a reply lands beside it. */
  async recordOutbound(record: OutboundRecord): Promise<{ conversationId: string; messageId: string }> {
    let conversation = await this.conversations.openByAddress(record.channel, record.address);
    if (!conversation) {
      const party = await this.parties.ofAccount(record.accountId, record.channel, record.address);
      const id = await this.conversations.insert({
        channel: record.channel,
        status: 'idle',
        queue: 'cobranza',
        address: record.address,
        clientId: party?.clientId ?? null,
        teamId: party?.teamId ?? null,
        accountId: record.accountId,
        debtorId: party?.debtorId ?? null,
        contactPointId: record.contactPointId,
        widgetSessionId: null,
        interactionId: record.interactionId,
        at: record.at,
      });
      conversation = (await this.conversations.find(id))!;
    }
    const messageId = await this.conversations.insertMessage({
      conversationId: conversation.id,
      direction: 'outbound',
      author: 'system',
      agentId: null,
      body: record.body,
      media: [],
      status: record.status,
      carrierSid: record.carrierSid,
      clientRef: null,
      templateId: record.templateId,
      messageCampaignId: record.messageCampaignId,
      at: record.at,
    });
    if (messageId === null) throw AppException.conflict(`Message ${record.carrierSid} is already recorded`);
    await this.conversations.update(conversation.id, { lastMessageAt: record.at });
    await this.delivered(conversation, messageId);
    return { conversationId: conversation.id, messageId };
  }

  /** The debtor asks the widget for an agent: their open conversation is queued, or a new one opens. */
  async openWebchat(session: WidgetSessionRef, request: WidgetChatRequest, now: Date): Promise<string> {
    if (!(await this.parties.belongsTo(request.accountId, session.debtorId, session.clientId)))
      throw AppException.forbidden('That account is not yours');
    let conversation = await this.conversations.ofSession(session.sessionId, true);
    if (!conversation) {
      const party = await this.parties.ofAccount(request.accountId, 'webchat', null);
      if (!party) throw AppException.notFound('Account');
      const interactionId = await this.parties.insertInteraction(party, 'webchat', 'inbound', null, now);
      const id = await this.conversations.insert({
        channel: 'webchat',
        status: 'idle',
        queue: request.queue,
        address: (await this.parties.clientCode(session.clientId)) ?? session.clientId,
        clientId: party.clientId,
        teamId: party.teamId,
        accountId: party.accountId,
        debtorId: party.debtorId,
        contactPointId: null,
        widgetSessionId: session.sessionId,
        interactionId,
        at: now,
      });
      conversation = (await this.conversations.find(id))!;
    }
    if (request.message?.trim())
      await this.debtorWebchatMessage(session, { body: request.message }, now, conversation);
    await this.needsAgent({ ...conversation, queue: request.queue }, now);
    return conversation.id;
  }

  /** A message the debtor typed in the widget: stored, then pushed to the agent and the widget. */
  async debtorWebchatMessage(
    session: WidgetSessionRef,
    request: WidgetSendRequest,
    now: Date,
    open?: ConversationRow,
  ): Promise<ChatMessageView> {
    const body = request.body.trim();
    if (body.length === 0 || body.length > MESSAGE_BODY_MAX)
      throw AppException.invalid(`A message has 1 to ${MESSAGE_BODY_MAX} characters`);
    const conversation = open ?? (await this.conversations.ofSession(session.sessionId, true));
    if (!conversation) throw AppException.conflict('Ask for an agent first');
    const message: NewMessage = {
      conversationId: conversation.id,
      direction: 'inbound',
      author: 'debtor',
      agentId: null,
      body,
      media: [],
      status: 'received',
      carrierSid: null,
      clientRef: request.clientRef ?? null,
      templateId: null,
      messageCampaignId: null,
      at: now,
    };
    const messageId = (await this.conversations.insertMessage(message))!;
    const view: ChatMessageView = {
      id: messageId,
      conversationId: conversation.id,
      author: 'debtor',
      agentName: null,
      body,
      media: [],
      status: 'received',
      at: now.toISOString(),
      clientRef: message.clientRef,
    };
    // Stored first, then on the agent's screen; the thread's clock can follow after.
    this.push(conversation, view);
    await this.conversations.update(conversation.id, { lastMessageAt: now, lastInboundAt: now });
    return view;
  }

  async debtorTyping(session: WidgetSessionRef, typing: boolean): Promise<void> {
    const conversation = await this.conversations.ofSession(session.sessionId, true);
    if (conversation?.status === 'assigned' && conversation.agentId)
      this.events.toAgent(conversation.agentId, 'chat.typing', { conversationId: conversation.id, typing });
  }

  /**
   * The debtor closed the chat. Nobody had taken it: it closes. An agent has it: they are told, and
   * still wrap it up with a disposition.
   */
  async debtorLeft(session: WidgetSessionRef, now: Date): Promise<void> {
    const conversation = await this.conversations.ofSession(session.sessionId, true);
    if (!conversation) return;
    if (conversation.status === 'assigned' && conversation.agentId) {
      const messageId = (await this.conversations.insertMessage(
        this.systemNote(conversation.id, 'El deudor salió del chat.', now),
      ))!;
      const note = await this.conversations.message(messageId);
      if (note) this.push(conversation, toMessageView(note));
      return;
    }
    const offeredTo = await this.router.offeredTo(conversation.id);
    await this.conversations.update(conversation.id, {
      status: 'closed',
      closedAt: now,
      closeReason: 'debtor_left',
    });
    if (conversation.interactionId) await this.parties.endInteraction(conversation.interactionId, now);
    await this.router.clearOffer(conversation.id, offeredTo);
    await this.router.forget(conversation.id);
    if (offeredTo)
      this.events.toAgent(offeredTo, 'chat.offer-withdrawn', { conversationId: conversation.id });
    this.widgets.toSession(session.sessionId, 'widget.closed', { conversationId: conversation.id });
  }

  /** The chat queues of the teams (all when 'all') for the supervisor's floor. */
  queueStats(teams: readonly string[] | 'all', dayStart: Date, now: Date): Promise<ChatQueueView[]> {
    return this.parties.queueStats(teams, dayStart, now);
  }

  async widgetConversation(session: WidgetSessionRef): Promise<WidgetConversationView | null> {
    const conversation = await this.conversations.ofSession(session.sessionId, false);
    if (!conversation) return null;
    return toWidgetConversation(
      conversation,
      await this.conversations.messages(conversation.id, WIDGET_HISTORY),
    );
  }

  /** A system line in the thread (a debtor who left, a transfer), shown to agent and debtor alike. */
  systemNote(conversationId: string, body: string, at: Date): NewMessage {
    return {
      conversationId,
      direction: 'outbound',
      author: 'system',
      agentId: null,
      body,
      media: [],
      status: 'delivered',
      carrierSid: null,
      clientRef: null,
      templateId: null,
      messageCampaignId: null,
      at,
    };
  }

  /** Sends a stored message to whoever holds the conversation: its agent, and the debtor's widget. */
  push(conversation: ConversationRow, message: ChatMessageView): void {
    if (conversation.status === 'assigned' && conversation.agentId)
      this.events.toAgent(conversation.agentId, 'chat.message', message);
    if (conversation.channel === 'webchat' && conversation.widgetSessionId)
      this.widgets.toSession(conversation.widgetSessionId, 'widget.message', message);
  }

  private async delivered(conversation: ConversationRow, messageId: string): Promise<void> {
    if (conversation.status !== 'assigned' && conversation.channel !== 'webchat') return;
    const stored = await this.conversations.message(messageId);
    if (stored) this.push(conversation, toMessageView(stored));
  }

  /** The conversation waits for an agent (unless one already has it or it waits already). */
  private async needsAgent(conversation: ConversationRow, now: Date): Promise<void> {
    if (conversation.status !== 'idle') return;
    const moved = await this.conversations.update(
      conversation.id,
      { status: 'queued', queuedAt: now, queue: conversation.queue },
      ['idle'],
    );
    if (moved)
      await this.queue.offer(
        { id: conversation.id, teamId: conversation.teamId, queue: conversation.queue, status: 'queued' },
        now,
      );
  }
}
