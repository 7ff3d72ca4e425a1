import { Inject, Injectable } from '@nestjs/common';
import type { DialerEngine } from '@recupera/dialer';
import {
  MESSAGE_BODY_MAX,
  describeMediaProblem,
  mediaProblem,
  whatsappSendAllowed,
  type ChatMatchRequest,
  type ChatMessageView,
  type ChatOffer,
  type ChatSendRequest,
  type ChatTransferRequest,
  type ChatTyping,
  type ChatWrapUpRequest,
  type ConversationDetail,
} from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { AccountsService } from '../accounts/accounts.service';
import { DIALER_ENGINE } from '../dialer/dialer.constant';
import { DialerStoreService } from '../dialer/dialer-store.service';
import { OutboundMessagesService } from '../messaging/outbound-messages.service';
import { FloorEventsService } from '../realtime/floor-events.service';
import { TeamsService } from '../teams/teams.service';
import { ChatRouterService } from './chat-router.service';
import { toChatOffer, toConversationView, toMessageView } from './conversation.mapper';
import { ConversationPartiesRepository } from './conversation-parties.repository';
import type { ConversationRow } from './conversation-row.type';
import { ConversationsRepository } from './conversations.repository';
import { ConversationsService } from './conversations.service';
import { WidgetEventsService } from './widget-events.service';

/** Messages a chat opens with on the agent's screen (the whole thread is on the account page). */
const CHAT_HISTORY = 50;

/**
 * The agent's side of conversations: taking an offered chat, writing (over the widget's socket or
 * the carrier), typing, transferring, matching an unknown number, and wrapping up with the same
 * dispositions, agreements and callbacks as a call.
 */
@Injectable()
export class ChatDeskService {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly parties: ConversationPartiesRepository,
    private readonly router: ChatRouterService,
    private readonly service: ConversationsService,
    private readonly events: FloorEventsService,
    private readonly widgets: WidgetEventsService,
    private readonly outbound: OutboundMessagesService,
    private readonly accounts: AccountsService,
    private readonly teams: TeamsService,
    private readonly store: DialerStoreService,
    @Inject(DIALER_ENGINE) private readonly engine: DialerEngine,
  ) {}

  /** What a (re)connecting console resumes: the agent's chats with their messages, and the open offer. */
  async snapshot(agentId: string): Promise<{ chats: ConversationDetail[]; chatOffer: ChatOffer | null }> {
    const [rows, offer] = await Promise.all([
      this.conversations.assignedTo(agentId),
      this.router.offerOf(agentId),
    ]);
    const chats = await Promise.all(rows.map((row) => this.detailOf(row)));
    let chatOffer: ChatOffer | null = null;
    if (offer) {
      const row = await this.conversations.find(offer.conversationId);
      if (row?.status === 'offered') {
        const [last] = await this.conversations.messages(row.id, 1);
        chatOffer = toChatOffer(row, last, offer.expiresAt);
      }
    }
    return { chats, chatOffer };
  }

  async accept(agent: AuthUser, conversationId: string, now: Date): Promise<void> {
    if ((await this.router.offeredTo(conversationId)) !== agent.id)
      throw AppException.conflict('This chat is not offered to you (any more)');
    const taken = await this.conversations.update(
      conversationId,
      { status: 'assigned', agentId: agent.id, assignedAt: now },
      ['offered'],
    );
    await this.router.clearOffer(conversationId, agent.id);
    if (!taken) throw AppException.conflict('Someone else took this chat');
    await this.router.forget(conversationId);
    const row = (await this.conversations.find(conversationId))!;
    if (row.interactionId)
      await this.parties.connectInteraction(row.interactionId, agent.id, agent.teamId, now);
    await this.router.recountLoad(agent.id, now);
    this.events.toAgent(agent.id, 'chat.assigned', await this.detailOf(row));
    if (row.widgetSessionId && row.agentName)
      this.widgets.toSession(row.widgetSessionId, 'widget.agent-joined', {
        conversationId,
        agentName: row.agentName,
        queue: row.queue,
      });
  }

  async decline(agent: AuthUser, conversationId: string): Promise<void> {
    if ((await this.router.offeredTo(conversationId)) !== agent.id)
      throw AppException.conflict('This chat is not offered to you (any more)');
    await this.router.decline(conversationId, agent.id);
    await this.conversations.update(conversationId, { status: 'queued' }, ['offered']);
  }

  /** The agent writes: over the widget's socket, or through the carrier (gated by consent and WhatsApp's window). */
  async send(agent: AuthUser, request: ChatSendRequest, now: Date): Promise<string> {
    const row = await this.mine(agent, request.conversationId);
    const body = request.body.trim();
    const media = request.media ?? [];
    if ((body.length === 0 && media.length === 0) || body.length > MESSAGE_BODY_MAX)
      throw AppException.invalid(`A message has 1 to ${MESSAGE_BODY_MAX} characters`);
    const problem = mediaProblem(row.channel, media);
    if (problem) throw AppException.invalid(describeMediaProblem(problem));
    let carrierSid: string | null = null;
    let status: ChatMessageView['status'] = 'delivered';
    if (row.channel !== 'webchat') {
      if (
        row.contactPointId &&
        (await this.parties.consentOf(row.contactPointId, row.channel)) === 'withdrawn'
      )
        throw AppException.conflict(`The debtor withdrew consent for ${row.channel}`);
      if (row.channel === 'whatsapp' && !whatsappSendAllowed(row.lastInboundAt, now, false).allowed)
        throw AppException.conflict(
          'More than 24 hours since the debtor wrote: only an approved template may go',
        );
      const sent = await this.outbound.send({ channel: row.channel, to: row.address, body, media });
      carrierSid = sent.carrierSid;
      status = sent.status;
    }
    const messageId = (await this.conversations.insertMessage({
      conversationId: row.id,
      direction: 'outbound',
      author: 'agent',
      agentId: agent.id,
      body,
      media,
      status,
      carrierSid,
      clientRef: request.clientRef ?? null,
      templateId: null,
      messageCampaignId: null,
      at: now,
    }))!;
    await Promise.all([
      this.conversations.update(row.id, { lastMessageAt: now }),
      this.conversations.markFirstResponse(row.id, now),
    ]);
    this.service.push(row, {
      id: messageId,
      conversationId: row.id,
      author: 'agent',
      agentName: row.agentName,
      body,
      media,
      status,
      at: now.toISOString(),
      clientRef: request.clientRef ?? null,
    });
    return messageId;
  }

  async typing(agent: AuthUser, request: ChatTyping): Promise<void> {
    const row = await this.mine(agent, request.conversationId);
    if (row.widgetSessionId)
      this.widgets.toSession(row.widgetSessionId, 'widget.typing', { typing: request.typing });
  }

  /** Hands the chat to another agent of the team who has room for it. */
  async transfer(agent: AuthUser, request: ChatTransferRequest, now: Date): Promise<void> {
    const row = await this.mine(agent, request.conversationId);
    if (request.toAgentId === agent.id) throw AppException.invalid('The chat is already yours');
    const [profile] = await this.parties.profiles([request.toAgentId]);
    if (!profile || profile.teamId !== agent.teamId) throw AppException.notFound('Agent of your team');
    const [load] = await this.engine.ctx.agents.chatLoads([request.toAgentId]);
    if (!load || load.sockets <= 0 || load.state === 'offline' || load.chats >= profile.rules.maxChats)
      throw AppException.conflict('That agent cannot take another chat now');
    const moved = await this.conversations.update(row.id, { agentId: request.toAgentId, assignedAt: now }, [
      'assigned',
    ]);
    if (!moved) throw AppException.conflict('The chat changed meanwhile');
    if (row.interactionId)
      await this.parties.connectInteraction(row.interactionId, request.toAgentId, profile.teamId, now);
    await Promise.all([
      this.router.recountLoad(agent.id, now),
      this.router.recountLoad(request.toAgentId, now),
    ]);
    this.events.toAgent(agent.id, 'chat.closed', { conversationId: row.id, reason: 'transferred' });
    const moved_ = (await this.conversations.find(row.id))!;
    this.events.toAgent(request.toAgentId, 'chat.assigned', await this.detailOf(moved_));
    if (moved_.widgetSessionId && moved_.agentName)
      this.widgets.toSession(moved_.widgetSessionId, 'widget.agent-joined', {
        conversationId: row.id,
        agentName: moved_.agentName,
        queue: moved_.queue,
      });
  }

  /** An unknown number: the agent says whose account it is (one they may see), and it joins the timeline. */
  async match(agent: AuthUser, request: ChatMatchRequest, now: Date): Promise<void> {
    const row = await this.mine(agent, request.conversationId);
    if (row.accountId) throw AppException.conflict('This conversation already has its account');
    await this.accounts.reachable(agent, request.accountId);
    const party = await this.parties.ofAccount(request.accountId, row.channel, row.address);
    if (!party) throw AppException.notFound('Account');
    const interactionId = await this.parties.insertInteraction(
      party,
      row.channel,
      'inbound',
      row.channel === 'webchat' ? null : row.address,
      row.openedAt,
    );
    await this.parties.connectInteraction(interactionId, agent.id, agent.teamId, now);
    await this.conversations.update(row.id, {
      accountId: party.accountId,
      debtorId: party.debtorId,
      clientId: party.clientId,
      contactPointId: party.contactPointId,
      interactionId,
    });
    this.events.toAgent(
      agent.id,
      'chat.updated',
      await this.detailOf((await this.conversations.find(row.id))!),
    );
  }

  /** The chat's disposition, notes and callback, checked as a call's are; then it closes. */
  async wrapUp(agent: AuthUser, request: ChatWrapUpRequest, now: Date): Promise<void> {
    const row = await this.mine(agent, request.conversationId);
    if (!row.interactionId) throw AppException.invalid('Match the conversation to an account first');
    const stored = await this.store.recordWrapUp(agent.id, { ...request, callId: row.interactionId }, now);
    // The code is the message, as for a call's wrap-up: the console words it in the agent's language.
    if ('refused' in stored) throw AppException.invalid(stored.refused, { reason: stored.refused });
    if (stored.callback)
      await this.engine.ctx.jobs.add(
        'callback.due',
        { callbackId: stored.callback.id },
        {
          delayMs: Math.max(0, stored.callback.dueAt.getTime() - now.getTime()),
          jobId: `callback-${stored.callback.id}`,
        },
      );
    await this.conversations.update(row.id, { status: 'closed', closedAt: now, closeReason: 'wrapped_up' }, [
      'assigned',
    ]);
    await this.parties.endInteraction(row.interactionId, now);
    await this.router.recountLoad(agent.id, now);
    this.events.toAgent(agent.id, 'chat.closed', { conversationId: row.id, reason: 'wrapped_up' });
    if (row.widgetSessionId)
      this.widgets.toSession(row.widgetSessionId, 'widget.closed', { conversationId: row.id });
  }

  /** One conversation for the console, within the caller's reach (their chats, their teams', or all). */
  async detail(user: AuthUser, id: string): Promise<ConversationDetail> {
    const row = await this.conversations.find(id);
    if (!row || !(await this.reaches(user, row))) throw AppException.notFound('Conversation');
    return this.detailOf(row, 500);
  }

  async clientOf(conversationId: string): Promise<string | null> {
    return (await this.conversations.find(conversationId))?.clientId ?? null;
  }

  private async reaches(user: AuthUser, row: ConversationRow): Promise<boolean> {
    if (user.role === 'manager' || user.role === 'admin') return true;
    if (user.role === 'agent') {
      if (row.agentId === user.id) return true;
      if (!row.accountId) return false;
      return this.accounts.reachable(user, row.accountId).then(
        () => true,
        () => false,
      );
    }
    const visible = await this.teams.visibleTeamIds(user);
    return visible === 'all' || row.teamId === null || visible.includes(row.teamId);
  }

  private async mine(agent: AuthUser, conversationId: string): Promise<ConversationRow> {
    const row = await this.conversations.find(conversationId);
    if (!row || row.status !== 'assigned' || row.agentId !== agent.id)
      throw AppException.conflict('This chat is not yours');
    return row;
  }

  private async detailOf(row: ConversationRow, history = CHAT_HISTORY): Promise<ConversationDetail> {
    const [messages, dispositions] = await Promise.all([
      this.conversations.messages(row.id, history),
      row.interactionId ? this.store.dispositionsOf(row.interactionId) : Promise.resolve([]),
    ]);
    return { ...toConversationView(row), messages: messages.map(toMessageView), dispositions };
  }
}
