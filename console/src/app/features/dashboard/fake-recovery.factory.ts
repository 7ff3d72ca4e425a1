import type {
  DelinquencyQuery,
  DelinquencyResponse,
  DrillQuery,
  DrillResponse,
  ExportFormat,
  PortfolioResponse,
  RecoveryDashboard,
  RecoveryExportTable,
  RecoveryQuery,
} from '@recupera/shared';
import { Subject, of, type Observable } from 'rxjs';
import type { DirectoryService } from '../../core/http/directory.service';
import type { RecoveryService } from './recovery.service';

/** Answers each request when the test says so, so slow and fast responses can be staged. */
export class FakeRecoveryService implements Pick<RecoveryService, keyof RecoveryService> {
  readonly dashboards: { query: RecoveryQuery; response: Subject<RecoveryDashboard> }[] = [];
  readonly delinquencies: { query: DelinquencyQuery; response: Subject<DelinquencyResponse> }[] = [];
  readonly drills: { query: DrillQuery; response: Subject<DrillResponse> }[] = [];
  readonly exports: { table: RecoveryExportTable; format: ExportFormat; response: Subject<Blob> }[] = [];

  dashboard(query: RecoveryQuery): Observable<RecoveryDashboard> {
    const response = new Subject<RecoveryDashboard>();
    this.dashboards.push({ query, response });
    return response;
  }

  delinquency(query: DelinquencyQuery): Observable<DelinquencyResponse> {
    const response = new Subject<DelinquencyResponse>();
    this.delinquencies.push({ query, response });
    return response;
  }

  drill(query: DrillQuery): Observable<DrillResponse> {
    const response = new Subject<DrillResponse>();
    this.drills.push({ query, response });
    return response;
  }

  export(_query: RecoveryQuery, table: RecoveryExportTable, format: ExportFormat): Observable<Blob> {
    const response = new Subject<Blob>();
    this.exports.push({ table, format, response });
    return response;
  }
}

export function answer<T>(request: { response: Subject<T> } | undefined, value: T): void {
  if (!request) throw new Error('No such request');
  request.response.next(value);
  request.response.complete();
}

const portfolio = (id: string, clientId: string, name: string): PortfolioResponse => ({
  id,
  clientId,
  clientCode: clientId === '3' ? 'BCORD' : 'AGVALLE',
  name,
  stage: 'temprana',
  industry: 'banking',
  currency: 'MXN',
  jurisdiction: 'MX',
  accountCount: 10,
});

export const fakeDirectory: Pick<DirectoryService, 'clients' | 'portfolios' | 'teams'> = {
  clients: () => of([{ id: '3', code: 'BCORD', name: 'Banco Cordillera', country: 'MX', currency: 'MXN' }]),
  portfolios: () => of([portfolio('5', '3', 'Tarjetas'), portfolio('8', '4', 'Agua')]),
  teams: () => of([]),
};
