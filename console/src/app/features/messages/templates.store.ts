import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  ClientResponse,
  MessageChannel,
  MessageTemplateRequest,
  MessageTemplateView,
  TemplatePurpose,
} from '@recupera/shared';
import { DirectoryService } from '../../core/http/directory.service';
import { toApiError, type ApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { templatePreview } from './messages-form.util';
import { MessagesService } from './messages.service';

export interface TemplateDraft {
  clientId: string | null;
  name: string;
  channel: MessageChannel;
  purpose: TemplatePurpose;
  language: string;
  body: string;
  whatsappContentSid: string;
  active: boolean;
}

/** Twilio's content SIDs: "HX" and 32 hexadecimal digits. */
const CONTENT_SID = /^HX[0-9a-f]{32}$/i;

export const NEW_TEMPLATE: TemplateDraft = {
  clientId: null,
  name: '',
  channel: 'sms',
  purpose: 'preventive',
  language: 'es',
  body: '',
  whatsappContentSid: '',
  active: true,
};

function draftOf(template: MessageTemplateView): TemplateDraft {
  return {
    clientId: template.clientId,
    name: template.name,
    channel: template.channel,
    purpose: template.purpose,
    language: template.language,
    body: template.body,
    whatsappContentSid: template.whatsappContentSid ?? '',
    active: template.active,
  };
}

export function toTemplateRequest(draft: TemplateDraft): MessageTemplateRequest {
  const sid = draft.whatsappContentSid.trim();
  return {
    clientId: draft.clientId,
    name: draft.name.trim(),
    channel: draft.channel,
    purpose: draft.purpose,
    language: draft.language.trim() || 'es',
    body: draft.body,
    whatsappContentSid: draft.channel === 'whatsapp' && sid ? sid : null,
    active: draft.active,
  };
}

/** The message templates and the one being written, previewed as it is typed. */
@Injectable()
export class TemplatesStore {
  private readonly api = inject(MessagesService);
  private readonly directory = inject(DirectoryService);
  private readonly i18n = inject(I18nService);
  private readonly state = signal<RequestState<MessageTemplateView[]>>(idle());
  private readonly clientsState = signal<ClientResponse[]>([]);
  /** The template being edited, 'new' for one being created, null when the form is closed. */
  private readonly editingState = signal<string | 'new' | null>(null);
  private readonly draftState = signal<TemplateDraft>(NEW_TEMPLATE);
  private readonly savingState = signal(false);
  private readonly saveErrorState = signal<ApiError | null>(null);

  readonly templates = computed(() => this.state().data ?? []);
  readonly loading = computed(() => this.state().loading);
  readonly ready = computed(() => this.state().data !== null);
  readonly error = computed(() => this.i18n.error(this.state().error));
  readonly clients = this.clientsState.asReadonly();
  readonly editing = this.editingState.asReadonly();
  readonly draft = this.draftState.asReadonly();
  readonly saving = this.savingState.asReadonly();
  readonly saveError = computed(() => this.i18n.errorWithDetails(this.saveErrorState()));
  readonly preview = computed(() => templatePreview(this.draftState().body, this.i18n.locale()));
  readonly sidInvalid = computed(() => {
    const { channel, whatsappContentSid } = this.draftState();
    const sid = whatsappContentSid.trim();
    return channel === 'whatsapp' && sid !== '' && !CONTENT_SID.test(sid);
  });
  readonly canSave = computed(() => {
    const draft = this.draftState();
    const preview = this.preview();
    return (
      !this.savingState() &&
      draft.name.trim().length > 0 &&
      draft.body.trim().length > 0 &&
      preview.problems.length === 0 &&
      !preview.tooLong &&
      !this.sidInvalid()
    );
  });

  load(): void {
    this.state.update(loading);
    this.api.templates().subscribe({
      next: (templates) => this.state.set(loaded(templates)),
      error: (error: unknown) => this.state.update((state) => failed(state, toApiError(error))),
    });
    this.directory.clients().subscribe({
      next: (clients) => this.clientsState.set(clients),
      error: () => this.clientsState.set([]),
    });
  }

  startNew(): void {
    this.open('new', NEW_TEMPLATE);
  }

  edit(template: MessageTemplateView): void {
    this.open(template.id, draftOf(template));
  }

  close(): void {
    this.editingState.set(null);
    this.saveErrorState.set(null);
  }

  patch(change: Partial<TemplateDraft>): void {
    this.draftState.update((draft) => ({ ...draft, ...change }));
    this.saveErrorState.set(null);
  }

  /** Creates or updates the template; `done` runs once the server saved it. */
  save(done?: (saved: MessageTemplateView) => void): void {
    const editing = this.editingState();
    if (!editing || !this.canSave()) return;
    const request = toTemplateRequest(this.draftState());
    this.savingState.set(true);
    const call =
      editing === 'new' ? this.api.createTemplate(request) : this.api.updateTemplate(editing, request);
    call.subscribe({
      next: (saved) => {
        this.savingState.set(false);
        this.state.update((state) => ({
          ...state,
          data:
            editing === 'new'
              ? [saved, ...(state.data ?? [])]
              : (state.data ?? []).map((t) => (t.id === saved.id ? saved : t)),
        }));
        this.editingState.set(null);
        done?.(saved);
      },
      error: (error: unknown) => {
        this.savingState.set(false);
        this.saveErrorState.set(toApiError(error));
      },
    });
  }

  private open(editing: string | 'new', draft: TemplateDraft): void {
    this.editingState.set(editing);
    this.draftState.set(draft);
    this.saveErrorState.set(null);
  }
}
