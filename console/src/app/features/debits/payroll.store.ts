import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import type {
  DeductionFileResponse,
  EmployeeLinkResponse,
  EmployerRequest,
  EmployerResponse,
  LinkEmployeeRequest,
  PaymentFileClientOption,
  ReconciliationResponse,
} from '@recupera/shared';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../../core/http/api-error.util';
import { saveBlob } from '../../core/http/download.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { DebitsService } from './debits.service';

/** Payroll deduction: employers, their employees' accounts, monthly files and their reconciliation. */
@Injectable()
export class PayrollStore {
  private readonly api = inject(DebitsService);
  private readonly i18n = inject(I18nService);
  private readonly document = inject(DOCUMENT);

  private readonly clientsState = signal<PaymentFileClientOption[]>([]);
  private readonly employersState = signal<RequestState<EmployerResponse[]>>(idle());
  private readonly selectedState = signal<EmployerResponse | null>(null);
  private readonly employeesState = signal<EmployeeLinkResponse[]>([]);
  private readonly filesState = signal<DeductionFileResponse[]>([]);
  private readonly reconciliationState = signal<ReconciliationResponse | null>(null);
  private readonly onlyDifferencesState = signal(false);
  private readonly busyState = signal(false);
  private readonly errorState = signal<string | null>(null);

  readonly clients = this.clientsState.asReadonly();
  readonly employers = computed(() => this.employersState().data ?? []);
  readonly loading = computed(() => this.employersState().loading);
  readonly ready = computed(() => this.employersState().data !== null);
  readonly loadError = computed(() => this.i18n.error(this.employersState().error));
  readonly selected = this.selectedState.asReadonly();
  readonly employees = this.employeesState.asReadonly();
  readonly files = this.filesState.asReadonly();
  readonly reconciliation = this.reconciliationState.asReadonly();
  readonly onlyDifferences = this.onlyDifferencesState.asReadonly();
  readonly reconciliationRows = computed(() => {
    const rows = this.reconciliationState()?.rows ?? [];
    return this.onlyDifferencesState() ? rows.filter((row) => row.kind !== 'matched') : rows;
  });
  readonly busy = this.busyState.asReadonly();
  readonly error = this.errorState.asReadonly();

  async load(): Promise<void> {
    this.employersState.update(loading);
    try {
      const [clients, employers] = await Promise.all([
        firstValueFrom(this.api.clients()),
        firstValueFrom(this.api.employers()),
      ]);
      this.clientsState.set(clients);
      this.employersState.set(loaded(employers));
    } catch (error) {
      this.employersState.update((state) => failed(state, toApiError(error)));
    }
  }

  async createEmployer(request: EmployerRequest): Promise<boolean> {
    return this.attempt(async () => {
      const created = await firstValueFrom(this.api.createEmployer(request));
      this.employersState.set(loaded(await firstValueFrom(this.api.employers())));
      await this.open(created);
    });
  }

  async select(employer: EmployerResponse): Promise<void> {
    await this.attempt(() => this.open(employer));
  }

  async link(request: LinkEmployeeRequest): Promise<boolean> {
    const employer = this.selectedState();
    if (!employer) return false;
    return this.attempt(async () => {
      await firstValueFrom(this.api.linkEmployee(employer.id, request));
      this.employeesState.set(await firstValueFrom(this.api.employees(employer.id)));
    });
  }

  async unlink(link: EmployeeLinkResponse): Promise<void> {
    await this.attempt(async () => {
      await firstValueFrom(this.api.unlinkEmployee(link.employerId, link.id));
      this.employeesState.update((all) => all.filter((e) => e.id !== link.id));
    });
  }

  async generate(period: string): Promise<void> {
    const employer = this.selectedState();
    if (!employer) return;
    await this.attempt(async () => {
      await firstValueFrom(this.api.generateDeductionFile(employer.id, period));
      this.filesState.set(await firstValueFrom(this.api.deductionFiles(employer.id)));
    });
  }

  async download(file: DeductionFileResponse): Promise<void> {
    await this.attempt(async () =>
      saveBlob(
        this.document,
        await firstValueFrom(this.api.deductionFile(file.id)),
        `nomina-${file.employerId}-${file.period}.csv`,
      ),
    );
  }

  async uploadWithheld(file: DeductionFileResponse, upload: File): Promise<void> {
    await this.attempt(async () => {
      this.reconciliationState.set(await firstValueFrom(this.api.uploadWithheld(file.id, upload)));
      this.filesState.set(await firstValueFrom(this.api.deductionFiles(file.employerId)));
    });
  }

  async showReconciliation(file: DeductionFileResponse): Promise<void> {
    await this.attempt(async () =>
      this.reconciliationState.set(await firstValueFrom(this.api.reconciliation(file.id))),
    );
  }

  setOnlyDifferences(value: boolean): void {
    this.onlyDifferencesState.set(value);
  }

  private async open(employer: EmployerResponse): Promise<void> {
    this.selectedState.set(employer);
    this.reconciliationState.set(null);
    const [employees, files] = await Promise.all([
      firstValueFrom(this.api.employees(employer.id)),
      firstValueFrom(this.api.deductionFiles(employer.id)),
    ]);
    this.employeesState.set(employees);
    this.filesState.set(files);
  }

  private async attempt(work: () => Promise<void>): Promise<boolean> {
    this.busyState.set(true);
    this.errorState.set(null);
    try {
      await work();
      return true;
    } catch (error) {
      this.errorState.set(this.i18n.errorWithDetails(toApiError(error)));
      return false;
    } finally {
      this.busyState.set(false);
    }
  }
}
