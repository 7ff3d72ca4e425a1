import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module';
import { DialerModule } from '../dialer/dialer.module';
import { ScriptsModule } from '../scripts/scripts.module';
import { AgentGateway } from './agent.gateway';
import { ChatGateway } from './chat.gateway';

/** The agents' real-time desk (/agent): state, call control and wrap-up over socket.io, and their chats. */
@Module({
  imports: [DialerModule, ScriptsModule, ConversationsModule],
  providers: [AgentGateway, ChatGateway],
})
export class AgentsModule {}
