import { Injectable } from '@nestjs/common';
import { parseTemplate, type CannedResponseView, type RenderedCannedResponse } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { AuditService } from '../audit/audit.service';
import { ScriptsService } from '../scripts/scripts.service';
import type { CannedResponseDto } from './canned-responses.dto';
import { CannedResponsesRepository } from './canned-responses.repository';

/** Canned responses an agent drops into a chat, with the debtor's data filled in. */
@Injectable()
export class CannedResponsesService {
  constructor(
    private readonly responses: CannedResponsesRepository,
    private readonly scripts: ScriptsService,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<CannedResponseView[]> {
    return this.responses.list();
  }

  async create(actor: AuthUser, dto: CannedResponseDto, ip: string | null): Promise<CannedResponseView> {
    const checked = await this.checked(dto);
    const id = await this.responses.insert(checked.clientId, checked.title, checked.body, actor.id);
    const created = (await this.responses.find(id))!;
    await this.audit.record({
      actor,
      action: 'canned_response.created',
      entityType: 'canned_response',
      entityId: id,
      after: created,
      ip,
    });
    return created;
  }

  async update(
    actor: AuthUser,
    id: string,
    dto: CannedResponseDto,
    ip: string | null,
  ): Promise<CannedResponseView> {
    const before = await this.responses.find(id);
    if (!before) throw AppException.notFound('Canned response');
    const checked = await this.checked(dto);
    await this.responses.update(id, checked.clientId, checked.title, checked.body);
    const after = (await this.responses.find(id))!;
    await this.audit.record({
      actor,
      action: 'canned_response.updated',
      entityType: 'canned_response',
      entityId: id,
      before,
      after,
      ip,
    });
    return after;
  }

  async remove(actor: AuthUser, id: string, ip: string | null): Promise<void> {
    const before = await this.responses.find(id);
    if (!before) throw AppException.notFound('Canned response');
    await this.responses.remove(id);
    await this.audit.record({
      actor,
      action: 'canned_response.deleted',
      entityType: 'canned_response',
      entityId: id,
      before,
      ip,
    });
  }

  /** The responses that fit the account's client, rendered for the account. */
  async renderedFor(
    accountId: string,
    clientId: string | null,
    agentId: string,
  ): Promise<RenderedCannedResponse[]> {
    const responses = await this.responses.list(clientId);
    const texts = await this.scripts.renderTexts(
      responses.map((r) => r.body),
      accountId,
      agentId,
    );
    if (!texts) throw AppException.notFound('Account');
    return responses.map((r, i) => ({ id: r.id, title: r.title, text: texts[i]! }));
  }

  private async checked(
    dto: CannedResponseDto,
  ): Promise<{ clientId: string | null; title: string; body: string }> {
    const parsed = parseTemplate(dto.body);
    if (parsed.errors.length > 0)
      throw AppException.invalid(`The text has ${parsed.errors.length} problem(s) in its fields`, {
        errors: parsed.errors,
      });
    const clientId = dto.clientId ?? null;
    if (clientId !== null && !(await this.responses.clientExists(clientId)))
      throw AppException.notFound('Client');
    return { clientId, title: dto.title.trim(), body: dto.body };
  }
}
