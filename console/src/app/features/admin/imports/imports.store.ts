import { HttpEventType } from '@angular/common/http';
import { DOCUMENT, Injectable, computed, inject, signal, DestroyRef } from '@angular/core';
import {
  ErrorCode,
  IMPORT_MAPPING_PRESETS,
  type ClientResponse,
  type ColumnMapping,
  type ImportField,
  type ImportMappingResponse,
  type ImportPreviewResponse,
  type ImportProgress,
  type ImportRejectView,
  type ImportResponse,
  type PortfolioResponse,
} from '@recupera/shared';
import { Subscription, interval, startWith, switchMap } from 'rxjs';
import { toApiError, type ApiError } from '../../../core/http/api-error.util';
import { DirectoryService } from '../../../core/http/directory.service';
import { saveBlob } from '../../../core/http/download.util';
import { failed, idle, loaded, loading, type RequestState } from '../../../core/http/request-state.util';
import { I18nService } from '../../../core/i18n/i18n.service';
import { AdminSocketService } from '../../../core/realtime/admin-socket.service';
import {
  applyTemplate,
  autoMatch,
  compactMapping,
  mappingReady,
  missingRequired,
} from './import-mapping.util';
import { ImportsService } from './imports.service';

export type ImportPhase =
  | 'select'
  | 'uploading'
  | 'mapping'
  | 'starting'
  | 'running'
  | 'completed'
  | 'failed';

export const AUTO_TEMPLATE = 'auto';
const ACCEPTED_EXTENSIONS = ['.csv', '.xlsx'];
/** How often the run is polled as well, in case a socket event is lost (reconnects, proxies). */
const POLL_MS = 3000;

export interface TemplateOption {
  value: string;
  label: string;
}

export interface PortfolioGroup {
  label: string;
  portfolios: PortfolioResponse[];
}

interface RunFailure {
  code: ApiError['code'];
  message: string;
}

@Injectable()
export class ImportsStore {
  private readonly api = inject(ImportsService);
  private readonly directory = inject(DirectoryService);
  private readonly socket = inject(AdminSocketService);
  private readonly i18n = inject(I18nService);
  private readonly document = inject(DOCUMENT);

  private readonly phaseState = signal<ImportPhase>('select');
  private readonly fileNameState = signal<string | null>(null);
  private readonly uploadPercentState = signal(0);
  private readonly previewState = signal<ImportPreviewResponse | null>(null);
  private readonly errorState = signal<ApiError | null>(null);
  private readonly mappingState = signal<ColumnMapping>({});
  private readonly templateState = signal<string>(AUTO_TEMPLATE);
  private readonly templateMissingState = signal<string[]>([]);
  private readonly portfolioIdState = signal<string>('');
  private readonly clientMappingsState = signal<ImportMappingResponse[]>([]);
  private readonly currentState = signal<ImportResponse | null>(null);
  private readonly progressState = signal<ImportProgress | null>(null);
  private readonly failureState = signal<RunFailure | null>(null);
  private readonly rejectsState = signal<ImportRejectView[]>([]);
  private readonly historyState = signal<RequestState<ImportResponse[]>>(idle());
  private readonly portfoliosState = signal<RequestState<PortfolioResponse[]>>(idle());
  private readonly clientsState = signal<ClientResponse[]>([]);
  private readonly downloadErrorState = signal<ApiError | null>(null);

  /** Socket events for an import whose POST has not answered yet. */
  private readonly early = new Map<
    string,
    { progress?: ImportProgress; done?: ImportResponse; failure?: RunFailure }
  >();
  private poll: Subscription | null = null;
  private uploadSub: Subscription | null = null;

  readonly phase = this.phaseState.asReadonly();
  readonly fileName = this.fileNameState.asReadonly();
  readonly uploadPercent = this.uploadPercentState.asReadonly();
  readonly preview = this.previewState.asReadonly();
  readonly mapping = this.mappingState.asReadonly();
  readonly template = this.templateState.asReadonly();
  readonly templateMissing = this.templateMissingState.asReadonly();
  readonly portfolioId = this.portfolioIdState.asReadonly();
  readonly current = this.currentState.asReadonly();
  readonly rejects = this.rejectsState.asReadonly();
  readonly error = computed(() => this.i18n.errorWithDetails(this.errorState()));
  readonly downloadError = computed(() => this.i18n.error(this.downloadErrorState()));
  readonly failure = computed(() => {
    const failure = this.failureState();
    if (!failure) return null;
    const headline = this.i18n.error({ status: 0, code: failure.code, message: failure.message }) ?? '';
    return failure.message && failure.message !== headline ? `${headline} ${failure.message}` : headline;
  });

  readonly header = computed(() => this.previewState()?.header ?? []);
  readonly missingRequired = computed<ImportField[]>(() => missingRequired(this.mappingState()));
  readonly canStart = computed(
    () =>
      this.phaseState() === 'mapping' &&
      this.portfolioIdState() !== '' &&
      mappingReady(this.mappingState(), this.header()),
  );

  readonly templateOptions = computed(() => {
    const preview = this.previewState();
    const presets = [...(preview?.presets ?? []), ...IMPORT_MAPPING_PRESETS].filter(
      (preset, index, all) => all.findIndex((other) => other.name === preset.name) === index,
    );
    const saved = [...(preview?.savedMappings ?? []), ...this.clientMappingsState()].filter(
      (mapping, index, all) => all.findIndex((other) => other.id === mapping.id) === index,
    );
    return {
      presets: presets.map<TemplateOption>((preset) => ({
        value: `preset:${preset.name}`,
        label: preset.description || preset.name,
      })),
      saved: saved.map<TemplateOption>((mapping) => ({ value: `saved:${mapping.id}`, label: mapping.name })),
      lookup: new Map<string, ColumnMapping>([
        ...presets.map((preset) => [`preset:${preset.name}`, preset.mapping] as const),
        ...saved.map((mapping) => [`saved:${mapping.id}`, mapping.mapping] as const),
      ]),
    };
  });

  readonly portfolios = computed(() => this.portfoliosState().data ?? []);
  readonly portfoliosError = computed(() => this.i18n.error(this.portfoliosState().error));
  readonly portfolioGroups = computed<PortfolioGroup[]>(() => {
    const clients = new Map(this.clientsState().map((client) => [client.id, client]));
    const groups = new Map<string, PortfolioResponse[]>();
    for (const portfolio of this.portfolios())
      groups.set(portfolio.clientId, [...(groups.get(portfolio.clientId) ?? []), portfolio]);
    return [...groups.entries()].map(([clientId, portfolios]) => {
      const client = clients.get(clientId);
      return {
        label: client ? `${client.name} (${client.code})` : (portfolios[0]?.clientCode ?? clientId),
        portfolios,
      };
    });
  });

  /** bytesRead / sizeBytes, 0–100; null while nothing has been read (an indeterminate bar). */
  readonly runPercent = computed(() => {
    const progress = this.progressState();
    const current = this.currentState();
    const read = progress?.bytesRead ?? current?.bytesRead ?? 0;
    const size = progress?.sizeBytes ?? current?.sizeBytes ?? 0;
    if (this.phaseState() === 'completed') return 100;
    return size > 0 && read > 0 ? Math.min(100, (read / size) * 100) : null;
  });
  readonly runCounts = computed(() => {
    const progress = this.progressState();
    const current = this.currentState();
    return {
      rows: Math.max(progress?.processedRows ?? 0, current?.processedRows ?? 0),
      rejected: Math.max(progress?.rejected ?? 0, current?.rejected ?? 0),
      bytesRead: Math.max(progress?.bytesRead ?? 0, current?.bytesRead ?? 0),
      sizeBytes: progress?.sizeBytes ?? current?.sizeBytes ?? 0,
    };
  });

  readonly history = computed(() => this.historyState().data ?? []);
  readonly historyLoading = computed(() => this.historyState().loading);
  readonly historyReady = computed(() => this.historyState().data !== null);
  readonly historyError = computed(() => this.i18n.error(this.historyState().error));

  constructor() {
    const off = [
      this.socket.on('import.progressed', (progress) => this.progressed(progress)),
      this.socket.on('import.completed', (result) => this.completed(result)),
      this.socket.on('import.failed', (failure) =>
        this.failedRun(failure.importId, { code: failure.code, message: failure.message }),
      ),
    ];
    inject(DestroyRef).onDestroy(() => {
      off.forEach((unsubscribe) => unsubscribe());
      this.stopPolling();
      this.uploadSub?.unsubscribe();
    });
  }

  init(): void {
    this.loadHistory();
    this.portfoliosState.update(loading);
    this.directory.portfolios().subscribe({
      next: (portfolios) => this.portfoliosState.set(loaded(portfolios)),
      error: (error: unknown) => this.portfoliosState.update((state) => failed(state, toApiError(error))),
    });
    this.directory.clients().subscribe({
      next: (clients) => this.clientsState.set(clients),
      error: () => this.clientsState.set([]),
    });
  }

  loadHistory(): void {
    this.historyState.update(loading);
    this.api.list().subscribe({
      next: (items) =>
        this.historyState.set(loaded([...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt)))),
      error: (error: unknown) => this.historyState.update((state) => failed(state, toApiError(error))),
    });
  }

  upload(file: File): void {
    this.reset();
    this.fileNameState.set(file.name);
    const lower = file.name.toLowerCase();
    if (!ACCEPTED_EXTENSIONS.some((extension) => lower.endsWith(extension))) {
      this.errorState.set({ status: 415, code: ErrorCode.UnsupportedFile, message: '' });
      return;
    }
    this.phaseState.set('uploading');
    this.uploadSub = this.api.upload(file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress && event.total) {
          this.uploadPercentState.set(Math.round((event.loaded / event.total) * 100));
        } else if (event.type === HttpEventType.Response && event.body) {
          this.previewReady(event.body);
        }
      },
      error: (error: unknown) => {
        this.phaseState.set('select');
        this.errorState.set(toApiError(error));
      },
    });
  }

  setColumn(field: ImportField, column: string): void {
    this.mappingState.update((mapping) => {
      const next = { ...mapping };
      if (column) next[field] = column;
      else delete next[field];
      return next;
    });
  }

  chooseTemplate(value: string): void {
    this.templateState.set(value);
    const header = this.header();
    if (value === AUTO_TEMPLATE) {
      this.mappingState.set(autoMatch(header));
      this.templateMissingState.set([]);
      return;
    }
    const template = this.templateOptions().lookup.get(value);
    if (!template) return;
    const applied = applyTemplate(template, header);
    this.mappingState.set(applied.mapping);
    this.templateMissingState.set(applied.missingColumns);
  }

  choosePortfolio(portfolioId: string): void {
    this.portfolioIdState.set(portfolioId);
    const portfolio = this.portfolios().find((candidate) => candidate.id === portfolioId);
    if (!portfolio) return;
    this.api.mappings(portfolio.clientId).subscribe({
      next: (mappings) => this.clientMappingsState.set(mappings),
      error: () => this.clientMappingsState.set([]),
    });
  }

  start(saveMappingAs: string): void {
    const preview = this.previewState();
    if (!preview || !this.canStart()) return;
    this.phaseState.set('starting');
    this.errorState.set(null);
    const name = saveMappingAs.trim();
    this.api
      .start({
        uploadId: preview.uploadId,
        portfolioId: this.portfolioIdState(),
        mapping: compactMapping(this.mappingState()),
        ...(name ? { saveMappingAs: name } : {}),
      })
      .subscribe({
        next: (created) => this.running(created),
        error: (error: unknown) => {
          this.phaseState.set('mapping');
          this.errorState.set(toApiError(error));
        },
      });
  }

  downloadRejects(item: Pick<ImportResponse, 'id' | 'fileName'>): void {
    this.downloadErrorState.set(null);
    this.api.rejectsCsv(item.id).subscribe({
      next: (blob) => saveBlob(this.document, blob, `rechazos-${item.fileName.replace(/\.[^.]+$/, '')}.csv`),
      error: (error: unknown) => this.downloadErrorState.set(toApiError(error)),
    });
  }

  rejectsUrl(id: string): string {
    return this.api.rejectsCsvUrl(id);
  }

  reset(): void {
    this.stopPolling();
    this.uploadSub?.unsubscribe();
    this.phaseState.set('select');
    this.fileNameState.set(null);
    this.uploadPercentState.set(0);
    this.previewState.set(null);
    this.errorState.set(null);
    this.mappingState.set({});
    this.templateState.set(AUTO_TEMPLATE);
    this.templateMissingState.set([]);
    this.currentState.set(null);
    this.progressState.set(null);
    this.failureState.set(null);
    this.rejectsState.set([]);
    this.downloadErrorState.set(null);
  }

  private previewReady(preview: ImportPreviewResponse): void {
    this.previewState.set(preview);
    this.phaseState.set('mapping');
    this.templateState.set(AUTO_TEMPLATE);
    this.mappingState.set(autoMatch(preview.header));
    // Connect now so no progress event of the coming run is missed.
    this.socket.connect();
  }

  private running(created: ImportResponse): void {
    this.currentState.set(created);
    this.phaseState.set('running');
    this.upsertHistory(created);
    const early = this.early.get(created.id);
    this.early.clear();
    if (early?.progress) this.progressed(early.progress);
    if (early?.done) return this.completed(early.done);
    if (early?.failure) return this.failedRun(created.id, early.failure);
    this.startPolling(created.id);
  }

  private progressed(progress: ImportProgress): void {
    const current = this.currentState();
    if (!current) {
      if (this.phaseState() === 'starting')
        this.early.set(progress.importId, { ...this.early.get(progress.importId), progress });
      return;
    }
    if (current.id !== progress.importId || this.phaseState() !== 'running') return;
    this.progressState.set(progress);
  }

  private completed(result: ImportResponse): void {
    this.upsertHistory(result);
    const current = this.currentState();
    if (!current) {
      if (this.phaseState() === 'starting')
        this.early.set(result.id, { ...this.early.get(result.id), done: result });
      return;
    }
    if (current.id !== result.id || this.phaseState() === 'completed') return;
    this.stopPolling();
    this.currentState.set(result);
    this.phaseState.set('completed');
    if (result.rejected > 0) {
      this.api.rejects(result.id).subscribe({
        next: (rejects) => this.rejectsState.set(rejects),
        error: () => this.rejectsState.set([]),
      });
    }
  }

  private failedRun(importId: string, failure: RunFailure): void {
    const current = this.currentState();
    if (!current) {
      if (this.phaseState() === 'starting')
        this.early.set(importId, { ...this.early.get(importId), failure });
      return;
    }
    if (current.id !== importId || this.phaseState() === 'failed') return;
    this.stopPolling();
    this.failureState.set(failure);
    this.phaseState.set('failed');
    this.loadHistory();
  }

  private startPolling(id: string): void {
    this.stopPolling();
    this.poll = interval(POLL_MS)
      .pipe(
        startWith(0),
        switchMap(() => this.api.get(id)),
      )
      .subscribe({
        next: (latest) => {
          if (latest.status === 'completed') this.completed(latest);
          else if (latest.status === 'failed')
            this.failedRun(id, { code: ErrorCode.ImportFailed, message: latest.error ?? '' });
          else if (this.phaseState() === 'running') this.currentState.set(latest);
        },
        // The socket may still deliver; polling is only the safety net.
        error: () => this.stopPolling(),
      });
  }

  private stopPolling(): void {
    this.poll?.unsubscribe();
    this.poll = null;
  }

  private upsertHistory(item: ImportResponse): void {
    this.historyState.update((state) => {
      const items = state.data ?? [];
      const exists = items.some((existing) => existing.id === item.id);
      return {
        ...state,
        data: exists
          ? items.map((existing) => (existing.id === item.id ? item : existing))
          : [item, ...items],
      };
    });
  }
}
