import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AdminServerToClientEvents, ImportPreviewResponse, ImportResponse } from '@recupera/shared';
import { AdminSocketService } from '../../../core/realtime/admin-socket.service';
import { ImportsStore } from './imports.store';

type Handlers = { [E in keyof AdminServerToClientEvents]?: AdminServerToClientEvents[E] };

/** Stands in for the socket: the test emits what the server would. */
class FakeSocket {
  readonly handlers: Handlers = {};
  connected = false;
  connect(): void {
    this.connected = true;
  }
  on<E extends keyof AdminServerToClientEvents>(event: E, handler: AdminServerToClientEvents[E]): () => void {
    (this.handlers as Record<string, unknown>)[event] = handler;
    return () => delete this.handlers[event];
  }
}

@Component({
  selector: 'rc-host',
  template: '',
  providers: [ImportsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly store = inject(ImportsStore);
}

const PREVIEW: ImportPreviewResponse = {
  uploadId: 'up-1',
  fileName: 'cartera.csv',
  sizeBytes: 1000,
  header: ['Cuenta', 'Saldo', 'Correo'],
  sampleRows: [['A-1', '1000.50', 'ana@example.com']],
  presets: [],
  savedMappings: [],
};

function importResponse(patch: Partial<ImportResponse>): ImportResponse {
  return {
    id: 'imp-1',
    status: 'queued',
    fileName: 'cartera.csv',
    portfolioId: 'p1',
    processedRows: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    bytesRead: 0,
    sizeBytes: 1000,
    error: null,
    createdAt: '2025-11-20T10:00:00Z',
    finishedAt: null,
    ...patch,
  };
}

describe(ImportsStore.name, () => {
  let socket: FakeSocket;
  let backend: HttpTestingController;
  let store: ImportsStore;

  beforeEach(() => {
    jest.useFakeTimers();
    socket = new FakeSocket();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AdminSocketService, useValue: socket },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.createComponent(HostComponent).componentInstance.store;
    store.init();
    backend.expectOne('/api/imports').flush([]);
    backend.expectOne('/api/portfolios').flush([
      {
        id: 'p1',
        clientId: 'c1',
        clientCode: 'BCO',
        name: 'Tarjetas',
        stage: 'temprana',
        industry: 'banking',
        currency: 'COP',
        jurisdiction: 'CO',
        accountCount: 0,
      },
    ]);
    backend
      .expectOne('/api/clients')
      .flush([{ id: 'c1', code: 'BCO', name: 'Banco', country: 'CO', currency: 'COP' }]);
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  function uploadAndStart(): void {
    store.upload(new File(['Cuenta,Saldo\nA-1,10'], 'cartera.csv', { type: 'text/csv' }));
    backend.expectOne('/api/imports/uploads').flush(PREVIEW);
    store.choosePortfolio('p1');
    backend.expectOne('/api/imports/mappings?clientId=c1').flush([]);
    store.start('');
  }

  it('rejects other file types before uploading', () => {
    store.upload(new File(['x'], 'cartera.pdf'));
    backend.expectNone('/api/imports/uploads');
    expect(store.error()).toBe('Formato no soportado: sube un archivo CSV o XLSX.');
  });

  it('auto-matches the preview and connects the socket before the run starts', () => {
    store.upload(new File(['x'], 'cartera.csv'));
    backend.expectOne('/api/imports/uploads').flush(PREVIEW);
    expect(store.phase()).toBe('mapping');
    expect(store.mapping()).toEqual({ accountNumber: 'Cuenta', balance: 'Saldo', email: 'Correo' });
    expect(store.canStart()).toBe(false);
    expect(socket.connected).toBe(true);
    store.choosePortfolio('p1');
    backend.expectOne('/api/imports/mappings?clientId=c1').flush([]);
    expect(store.canStart()).toBe(true);
  });

  it('shows the server message when the file is refused', () => {
    store.upload(new File(['x'], 'cartera.csv'));
    backend
      .expectOne('/api/imports/uploads')
      .flush(
        { statusCode: 422, code: 'missing_columns', message: 'The file has no header row' },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    expect(store.phase()).toBe('select');
    expect(store.error()).toBe('Al archivo le faltan columnas. The file has no header row');
  });

  it('follows socket progress and completion, then loads the first rejects', () => {
    uploadAndStart();
    const start = backend.expectOne({ method: 'POST', url: '/api/imports' });
    expect(start.request.body).toEqual({
      uploadId: 'up-1',
      portfolioId: 'p1',
      mapping: { accountNumber: 'Cuenta', balance: 'Saldo', email: 'Correo' },
    });
    start.flush(importResponse({}));
    backend.expectOne('/api/imports/imp-1').flush(importResponse({ status: 'running' }));
    expect(store.phase()).toBe('running');

    socket.handlers['import.progressed']?.({
      importId: 'imp-1',
      processedRows: 40,
      rejected: 2,
      bytesRead: 500,
      sizeBytes: 1000,
    });
    expect(store.runPercent()).toBe(50);
    expect(store.runCounts().rows).toBe(40);

    socket.handlers['import.progressed']?.({
      importId: 'other',
      processedRows: 999,
      rejected: 0,
      bytesRead: 999,
      sizeBytes: 1000,
    });
    expect(store.runCounts().rows).toBe(40);

    socket.handlers['import.completed']?.(
      importResponse({
        status: 'completed',
        processedRows: 80,
        inserted: 70,
        updated: 5,
        unchanged: 1,
        rejected: 4,
      }),
    );
    expect(store.phase()).toBe('completed');
    backend.expectOne('/api/imports/imp-1/rejects').flush([{ line: 3, column: 'Saldo', reason: 'required' }]);
    expect(store.rejects()).toEqual([{ line: 3, column: 'Saldo', reason: 'required' }]);
    expect(store.history()[0]).toMatchObject({ id: 'imp-1', status: 'completed', inserted: 70 });

    jest.advanceTimersByTime(10_000);
    backend.expectNone('/api/imports/imp-1');
  });

  it('keeps a completion that arrives before the start request answers', () => {
    uploadAndStart();
    socket.handlers['import.completed']?.(
      importResponse({ status: 'completed', processedRows: 1, inserted: 1 }),
    );
    backend.expectOne({ method: 'POST', url: '/api/imports' }).flush(importResponse({}));
    expect(store.phase()).toBe('completed');
    expect(store.current()?.inserted).toBe(1);
  });

  it('falls back to polling when no socket event comes', () => {
    uploadAndStart();
    backend.expectOne({ method: 'POST', url: '/api/imports' }).flush(importResponse({}));
    backend.expectOne('/api/imports/imp-1').flush(importResponse({ status: 'running', bytesRead: 100 }));
    jest.advanceTimersByTime(3000);
    backend
      .expectOne('/api/imports/imp-1')
      .flush(importResponse({ status: 'failed', error: 'Redis went away' }));
    expect(store.phase()).toBe('failed');
    expect(store.failure()).toBe('La importación falló. Redis went away');
    backend.expectOne('/api/imports');
  });

  it('reports a failure pushed by the server', () => {
    uploadAndStart();
    backend.expectOne({ method: 'POST', url: '/api/imports' }).flush(importResponse({}));
    backend.expectOne('/api/imports/imp-1').flush(importResponse({ status: 'running' }));
    socket.handlers['import.failed']?.({
      importId: 'imp-1',
      code: 'import_failed' as never,
      message: 'Worker crashed',
    });
    expect(store.phase()).toBe('failed');
    expect(store.failure()).toBe('La importación falló. Worker crashed');
    backend.expectOne('/api/imports');
  });
});
