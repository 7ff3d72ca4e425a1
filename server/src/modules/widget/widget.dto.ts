import { ApiProperty } from '@nestjs/swagger';
import {
  CHAT_QUEUES,
  MESSAGE_BODY_MAX,
  type ChatQueue,
  type WidgetChatRequest,
  type WidgetIdentifyRequest,
  type WidgetSendRequest,
  type WidgetTyping,
  type WidgetVerifyRequest,
} from '@recupera/shared';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export class WidgetIdentifyDto implements WidgetIdentifyRequest {
  @ApiProperty() @IsString() @Length(1, 40) accountNumber!: string;
  @ApiProperty() @IsString() @Length(3, 30) nationalId!: string;
}

export class WidgetVerifyDto implements WidgetVerifyRequest {
  @ApiProperty() @Matches(/^[0-9a-f]{32}$/, { message: 'challengeId is malformed' }) challengeId!: string;
  @ApiProperty() @Matches(/^\d{6}$/, { message: 'The code has 6 digits' }) code!: string;
}

export class ClientCodeParamDto {
  @Matches(/^[A-Za-z0-9_-]{1,20}$/, { message: 'clientCode is malformed' }) clientCode!: string;
}

export class WidgetChatDto implements WidgetChatRequest {
  @Matches(/^[1-9]\d{0,19}$/, { message: 'accountId must be an account id' }) accountId!: string;
  @IsIn(CHAT_QUEUES) queue!: ChatQueue;
  @IsOptional() @IsString() @MaxLength(MESSAGE_BODY_MAX) message?: string;
}

export class WidgetSendDto implements WidgetSendRequest {
  @IsString() @Length(1, MESSAGE_BODY_MAX) body!: string;
  @IsOptional() @IsString() @Length(1, 64) clientRef?: string;
}

export class WidgetTypingDto implements WidgetTyping {
  @IsBoolean() typing!: boolean;
}
