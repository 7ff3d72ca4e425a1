import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  cleanSteps,
  compileScript,
  hasBlockingProblems,
  localParts,
  renderScript,
  renderTemplate,
  scriptAdherence,
  scriptLocale,
  scriptStepsShapeProblems,
  toPlainText,
  validateScript,
  type CompiledScript,
  type RenderedScript,
  type ScriptContext,
  type ScriptPushed,
  type ScriptResponse,
  type ScriptStepRecord,
  type ScriptVersionResponse,
} from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { AccountsService } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import { toScriptContext } from './script-context.mapper';
import type { ScriptVersionRecord } from './script-version.entity';
import { toScriptResponse, toScriptVersion, toScriptVersionResponse } from './script.mapper';
import type { ScriptDraftDto } from './scripts.dto';
import { ScriptsRepository } from './scripts.repository';

export class ScriptStepRefused extends Error {}

/**
 * Versioned call scripts (DESIGN.md §7): drafts are edited, published versions never change and
 * are what campaigns use; a call gets its campaign's version rendered for the debtor, and the
 * agent's path through it is kept with the adherence it gives.
 */
@Injectable()
export class ScriptsService {
  /** Published versions never change, so their parsed templates are kept for every later call. */
  private readonly compiled = new Map<string, CompiledScript>();

  constructor(
    private readonly scripts: ScriptsRepository,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(): Promise<ScriptResponse[]> {
    const scripts = await this.scripts.listScripts();
    const versions = await this.scripts.versionsOf(scripts.map((s) => s.id));
    return scripts.map((script) => toScriptResponse(script, versions));
  }

  async create(actor: AuthUser, dto: ScriptDraftDto, ip: string | null): Promise<ScriptResponse> {
    const draft = this.checkedDraft(dto);
    const scriptId = await this.uow.run(async (tx) => {
      const script = await this.scripts.insertScript(draft.name, actor.id, tx);
      const version = await this.scripts.saveVersion(
        { ...draft, scriptId: script.id, version: 1, status: 'draft', createdBy: actor.id },
        tx,
      );
      await this.audit.record(
        { actor, action: 'script.created', entityType: 'script', entityId: script.id, after: version, ip },
        tx,
      );
      return script.id;
    });
    return this.get(scriptId);
  }

  /** Edits the draft; when the newest version is published, the edit starts the next version. */
  async saveDraft(
    actor: AuthUser,
    scriptId: string,
    dto: ScriptDraftDto,
    ip: string | null,
  ): Promise<ScriptResponse> {
    if (!(await this.scripts.findScript(scriptId))) throw AppException.notFound('Script');
    const draft = this.checkedDraft(dto);
    await this.uow.run(async (tx) => {
      const latest = await this.scripts.latestForUpdate(scriptId, tx);
      if (!latest) throw AppException.notFound('Script');
      if (latest.status === 'draft') await this.scripts.updateDraft(latest.id, draft, tx);
      else
        await this.scripts.saveVersion(
          { ...draft, scriptId, version: latest.version + 1, status: 'draft', createdBy: actor.id },
          tx,
        );
      await this.audit.record(
        { actor, action: 'script.draft-saved', entityType: 'script', entityId: scriptId, after: draft, ip },
        tx,
      );
    });
    return this.get(scriptId);
  }

  /** The draft becomes the newest published version; one with errors cannot be published. */
  async publish(actor: AuthUser, scriptId: string, ip: string | null): Promise<ScriptVersionResponse> {
    const id = await this.uow.run(async (tx) => {
      const latest = await this.scripts.latestForUpdate(scriptId, tx);
      if (!latest) throw AppException.notFound('Script');
      if (latest.status !== 'draft')
        throw AppException.conflict(`Version ${latest.version} is already published`);
      const problems = validateScript(toScriptVersion(latest));
      if (hasBlockingProblems(problems))
        throw AppException.invalid(`The draft has ${problems.length} problem(s) to fix before publishing`, {
          problems,
        });
      await this.scripts.updateDraft(latest.id, { status: 'published', publishedAt: new Date() }, tx);
      await this.audit.record(
        {
          actor,
          action: 'script.published',
          entityType: 'script',
          entityId: scriptId,
          after: { version: latest.version },
          ip,
        },
        tx,
      );
      return latest.id;
    });
    return toScriptVersionResponse((await this.scripts.findVersion(id))!);
  }

  /** A version rendered for an account the caller may open, as the agent would see it. */
  async preview(user: AuthUser, versionId: string, accountId: string): Promise<RenderedScript> {
    const version = await this.scripts.findVersion(versionId);
    if (!version) throw AppException.notFound('Script version');
    await this.accounts.reachable(user, accountId);
    const rendered = await this.render(version, accountId, user.id);
    if (!rendered) throw AppException.notFound('Account');
    return rendered;
  }

  async isPublished(versionId: string): Promise<boolean> {
    return (await this.scripts.findVersion(versionId))?.status === 'published';
  }

  /** The call's campaign script for its debtor, pinned to the call; null when the campaign has none. */
  async forCall(callId: string): Promise<ScriptPushed | null> {
    const call = await this.scripts.callScript(callId);
    if (!call?.versionId || !call.agentId) return null;
    const version = await this.scripts.findVersion(call.versionId);
    if (!version || version.status !== 'published') return null;
    const script = await this.render(version, call.accountId, call.agentId);
    if (!script) return null;
    await this.scripts.attachToCall(callId, version.id);
    return { callId, versionId: version.id, script, pushedAt: new Date().toISOString() };
  }

  /** One step of the agent's path on their own call; the adherence so far is kept with it. */
  async recordStep(agentId: string, record: ScriptStepRecord): Promise<void> {
    const call = await this.scripts.callScript(record.callId);
    if (!call || call.agentId !== agentId || !call.versionId)
      throw new ScriptStepRefused('This call has no script of yours');
    const version = await this.scripts.findVersion(call.versionId);
    if (!version) throw new ScriptStepRefused('This call has no script of yours');
    const script = toScriptVersion(version);
    if (!script.steps.some((s) => s.id === record.stepId))
      throw new ScriptStepRefused(`No step ${record.stepId} in this script`);
    const path = [...call.path, { stepId: record.stepId, completed: record.completed }];
    const adherence = scriptAdherence(script, path);
    await this.scripts.savePath(record.callId, path, adherence.requiredShown, adherence.requiredCompleted);
  }

  /**
   * Text templates with script fields (canned responses, message templates) rendered as plain text
   * for the account; null when the account does not exist.
   */
  async renderTexts(
    templates: readonly string[],
    accountId: string,
    agentId: string | null,
    locale = 'es-CO',
  ): Promise<string[] | null> {
    const row = await this.scripts.contextOfAccount(accountId);
    if (!row) return null;
    const today = localParts(new Date(), row.timeZone).date;
    const agentName = agentId ? await this.scripts.userName(agentId) : '';
    const context = toScriptContext(row, agentName, this.config.agencyName, today);
    return templates.map((template) => toPlainText(renderTemplate(template, context, locale)));
  }

  /**
   * What a message template's fields read for the account at `now` (its debtor's today); no agent
   * writes a campaign or a reminder. Null when the account does not exist.
   */
  async messageContext(accountId: string, now: Date): Promise<ScriptContext | null> {
    const row = await this.scripts.contextOfAccount(accountId);
    if (!row) return null;
    return toScriptContext(row, '', this.config.agencyName, localParts(now, row.timeZone).date);
  }

  private async render(
    version: ScriptVersionRecord,
    accountId: string,
    agentId: string,
  ): Promise<RenderedScript | null> {
    const row = await this.scripts.contextOfAccount(accountId);
    if (!row) return null;
    let compiled = this.compiled.get(version.id);
    if (!compiled) {
      compiled = compileScript(toScriptVersion(version));
      if (version.status === 'published') this.compiled.set(version.id, compiled);
    }
    const today = localParts(new Date(), row.timeZone).date;
    const context = toScriptContext(row, await this.scripts.userName(agentId), this.config.agencyName, today);
    return renderScript(compiled, context, scriptLocale(version.language, version.jurisdiction));
  }

  private checkedDraft(dto: ScriptDraftDto) {
    const shape = scriptStepsShapeProblems(dto.steps);
    if (shape.length > 0)
      throw new AppException(
        ErrorCode.ValidationFailed,
        HttpStatus.BAD_REQUEST,
        `The script has ${shape.length} problem(s)`,
        {
          errors: shape,
        },
      );
    return {
      name: dto.name.trim(),
      language: dto.language,
      jurisdiction: dto.jurisdiction ?? null,
      startStepId: dto.startStepId,
      steps: cleanSteps(dto.steps),
    };
  }

  private async get(scriptId: string): Promise<ScriptResponse> {
    const script = await this.scripts.findScript(scriptId);
    if (!script) throw AppException.notFound('Script');
    return toScriptResponse(script, await this.scripts.versionsOf([script.id]));
  }
}
