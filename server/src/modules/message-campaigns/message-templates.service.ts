import { Injectable } from '@nestjs/common';
import { messageTemplateProblems, type MessageTemplateView, type TemplatePurpose } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { AuditService } from '../audit/audit.service';
import type { MessageTemplateDto, UpdateMessageTemplateDto } from './message-campaigns.dto';
import { MessageTemplatesRepository, type TemplateFields } from './message-templates.repository';

/** Message templates with script fields, for campaigns, reminders and agents' messages. */
@Injectable()
export class MessageTemplatesService {
  constructor(
    private readonly templates: MessageTemplatesRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<MessageTemplateView[]> {
    return this.templates.list();
  }

  find(id: string): Promise<MessageTemplateView | null> {
    return this.templates.find(id);
  }

  /** What a reminder of `purpose` may use for a debtor of `clientId`. */
  activeFor(clientId: string, purpose: TemplatePurpose): Promise<MessageTemplateView[]> {
    return this.templates.activeFor(clientId, purpose);
  }

  async create(actor: AuthUser, dto: MessageTemplateDto, ip: string | null): Promise<MessageTemplateView> {
    const fields = await this.checked({
      clientId: dto.clientId ?? null,
      name: dto.name.trim(),
      channel: dto.channel,
      purpose: dto.purpose,
      language: dto.language ?? 'es',
      body: dto.body,
      whatsappContentSid: dto.whatsappContentSid ?? null,
      active: dto.active ?? true,
    });
    const id = await this.templates.insert(fields, actor.id);
    const created = (await this.templates.find(id))!;
    await this.audit.record({
      actor,
      action: 'message_template.created',
      entityType: 'message_template',
      entityId: id,
      after: created,
      ip,
    });
    return created;
  }

  async update(
    actor: AuthUser,
    id: string,
    dto: UpdateMessageTemplateDto,
    ip: string | null,
  ): Promise<MessageTemplateView> {
    const before = await this.templates.find(id);
    if (!before) throw AppException.notFound('Message template');
    const channel = dto.channel ?? before.channel;
    if (channel !== before.channel && (await this.templates.usedByCampaigns(id)))
      throw AppException.conflict('A template campaigns use keeps its channel: make a new template instead');
    const fields = await this.checked({
      clientId: dto.clientId === undefined ? before.clientId : dto.clientId,
      name: dto.name?.trim() ?? before.name,
      channel,
      purpose: dto.purpose ?? before.purpose,
      language: dto.language ?? before.language,
      body: dto.body ?? before.body,
      // A template moved to SMS loses its WhatsApp approval.
      whatsappContentSid:
        dto.whatsappContentSid === undefined
          ? channel === 'whatsapp'
            ? before.whatsappContentSid
            : null
          : dto.whatsappContentSid,
      active: dto.active ?? before.active,
    });
    await this.templates.update(id, fields);
    const after = (await this.templates.find(id))!;
    await this.audit.record({
      actor,
      action: 'message_template.updated',
      entityType: 'message_template',
      entityId: id,
      before,
      after,
      ip,
    });
    return after;
  }

  /** Every problem at once, the fields by name, as one 400. */
  private async checked(fields: TemplateFields): Promise<TemplateFields> {
    const problems = messageTemplateProblems(fields.body).map((p) => `body: ${p}`);
    if (fields.name.length === 0) problems.push('name: the name is empty');
    if (fields.channel !== 'whatsapp' && fields.whatsappContentSid !== null)
      problems.push('whatsappContentSid: only a WhatsApp template has one');
    if (fields.clientId !== null && !(await this.templates.clientExists(fields.clientId)))
      problems.push(`clientId: client ${fields.clientId} does not exist`);
    if (problems.length > 0)
      throw AppException.invalid(`The template has ${problems.length} problem(s): ${problems.join('; ')}`, {
        errors: problems,
      });
    return fields;
  }
}
