import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MESSAGE_BODY_MAX,
  MESSAGE_CHANNELS,
  MESSAGE_SEND_OUTCOMES,
  TEMPLATE_PURPOSES,
  WHATSAPP_CONTENT_SID,
  type MessageAudience,
  type MessageCampaignRequest,
  type MessageChannel,
  type MessageSendOutcome,
  type MessageTemplateRequest,
  type OutboundMessageRequest,
  type TemplatePurpose,
} from '@recupera/shared';
import {
  IsBoolean,
  IsIn,
  IsNumberString,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../common/http/page-query.dto';

const LANGUAGES = ['es', 'en'] as const;
const CONTENT_SID_MESSAGE = 'whatsappContentSid must be a content SID (HX followed by 32 hex digits)';

export class MessageTemplateDto implements MessageTemplateRequest {
  @ApiPropertyOptional({ nullable: true, description: 'Only for this client; null or absent: for all' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsNumberString()
  clientId?: string | null;

  @ApiProperty() @IsString() @Length(1, 80) name!: string;
  @ApiProperty({ enum: MESSAGE_CHANNELS }) @IsIn(MESSAGE_CHANNELS) channel!: MessageChannel;
  @ApiProperty({ enum: TEMPLATE_PURPOSES }) @IsIn(TEMPLATE_PURPOSES) purpose!: TemplatePurpose;
  @ApiPropertyOptional({ enum: LANGUAGES }) @IsOptional() @IsIn(LANGUAGES) language?: string;

  @ApiProperty({ description: 'Text with script fields, e.g. {{debtor.firstName}}' })
  @IsString()
  @Length(1, MESSAGE_BODY_MAX)
  body!: string;

  @ApiPropertyOptional({ nullable: true, description: "WhatsApp: the approved template's content SID (HX…)" })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Matches(WHATSAPP_CONTENT_SID, { message: CONTENT_SID_MESSAGE })
  whatsappContentSid?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

/** PATCH: any of the fields; the rest stay as they were. */
export class UpdateMessageTemplateDto implements Partial<MessageTemplateRequest> {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsNumberString()
  clientId?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 80) name?: string;
  @ApiPropertyOptional({ enum: MESSAGE_CHANNELS })
  @IsOptional()
  @IsIn(MESSAGE_CHANNELS)
  channel?: MessageChannel;
  @ApiPropertyOptional({ enum: TEMPLATE_PURPOSES })
  @IsOptional()
  @IsIn(TEMPLATE_PURPOSES)
  purpose?: TemplatePurpose;
  @ApiPropertyOptional({ enum: LANGUAGES }) @IsOptional() @IsIn(LANGUAGES) language?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, MESSAGE_BODY_MAX) body?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Matches(WHATSAPP_CONTENT_SID, { message: CONTENT_SID_MESSAGE })
  whatsappContentSid?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class MessageCampaignDto implements MessageCampaignRequest {
  @ApiProperty() @IsString() @Length(1, 120) name!: string;
  @ApiProperty() @IsNumberString() templateId!: string;
  @ApiProperty() @IsNumberString() portfolioId!: string;

  /** Checked field by field by parseAudience: a union of shapes class-validator cannot express. */
  @ApiProperty({
    description:
      '{ kind: due_in_days | installment_due_in_days, days } | { kind: broken_agreements } | { kind: past_due, minDaysPastDue, maxDaysPastDue? }',
  })
  @IsObject()
  audience!: MessageAudience;
}

export class MessageCampaignSendsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MESSAGE_SEND_OUTCOMES })
  @IsOptional()
  @IsIn(MESSAGE_SEND_OUTCOMES)
  outcome?: MessageSendOutcome;
}

export class OutboundMessageDto implements OutboundMessageRequest {
  @ApiProperty() @IsNumberString() accountId!: string;
  @ApiProperty() @IsNumberString() contactPointId!: string;
  @ApiProperty({ enum: MESSAGE_CHANNELS }) @IsIn(MESSAGE_CHANNELS) channel!: MessageChannel;
  @ApiPropertyOptional() @IsOptional() @IsNumberString() templateId?: string;

  @ApiPropertyOptional({ description: 'Free text (instead of a template)' })
  @IsOptional()
  @IsString()
  @Length(1, MESSAGE_BODY_MAX)
  body?: string;
}
