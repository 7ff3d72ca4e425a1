import {
  MESSAGE_BODY_MAX,
  WRAP_UP_NOTES_MAX,
  type ChatMatchRequest,
  type ChatSendRequest,
  type ChatTransferRequest,
  type ChatTyping,
  type ChatWrapUpRequest,
  type ConversationRef,
  type MessageMedia,
} from '@recupera/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CallbackDto } from './agent-events.dto';

const ID = /^[1-9]\d{0,19}$/;

export class ConversationRefDto implements ConversationRef {
  @Matches(ID, { message: 'conversationId must be a conversation id' }) conversationId!: string;
}

class MessageMediaDto implements MessageMedia {
  @IsUrl({ protocols: ['https', 'http'], require_tld: false }) url!: string;
  @IsString() @Length(3, 100) contentType!: string;
  @IsOptional() @IsInt() @Min(0) sizeBytes!: number | null;
}

export class ChatSendDto extends ConversationRefDto implements ChatSendRequest {
  @IsString() @MaxLength(MESSAGE_BODY_MAX) body!: string;
  @IsOptional() @IsString() @Length(1, 64) clientRef?: string;
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => MessageMediaDto)
  media?: MessageMediaDto[];
}

export class ChatTypingDto extends ConversationRefDto implements ChatTyping {
  @IsBoolean() typing!: boolean;
}

export class ChatTransferDto extends ConversationRefDto implements ChatTransferRequest {
  @Matches(ID, { message: 'toAgentId must be a user id' }) toAgentId!: string;
}

export class ChatMatchDto extends ConversationRefDto implements ChatMatchRequest {
  @Matches(ID, { message: 'accountId must be an account id' }) accountId!: string;
}

export class ChatWrapUpDto extends ConversationRefDto implements ChatWrapUpRequest {
  @IsString() @Length(1, 40) dispositionCode!: string;
  @IsOptional() @IsString() @MaxLength(WRAP_UP_NOTES_MAX) notes?: string;
  @IsOptional() @ValidateNested() @Type(() => CallbackDto) callback?: CallbackDto;
}
