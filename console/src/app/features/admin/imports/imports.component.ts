import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { ImportResponse } from '@recupera/shared';
import { I18nService } from '../../../core/i18n/i18n.service';
import { ChipComponent } from '../../../ui/chip.component';
import { IconComponent } from '../../../ui/icon.component';
import { KpiCardComponent } from '../../../ui/kpi-card.component';
import { PageStateComponent } from '../../../ui/page-state.component';
import { importTone } from '../../../ui/tone.util';
import { ImportMappingComponent, type ColumnChange } from './import-mapping.component';
import { AUTO_TEMPLATE, ImportsStore } from './imports.store';

@Component({
  selector: 'rc-imports',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [ImportsStore],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    MatTooltipModule,
    ChipComponent,
    IconComponent,
    ImportMappingComponent,
    KpiCardComponent,
    PageStateComponent,
  ],
  templateUrl: './imports.component.html',
  styleUrl: './imports.component.scss',
})
export class ImportsComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(ImportsStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly number = this.i18n.number;
  protected readonly bytes = this.i18n.bytes;
  protected readonly dateTime = this.i18n.dateTime;
  protected readonly importTone = importTone;
  protected readonly autoTemplate = AUTO_TEMPLATE;
  protected readonly dragOver = signal(false);
  protected readonly saveAs = new FormControl('', { nonNullable: true });
  protected readonly rejectColumns = ['line', 'column', 'reason'];
  protected readonly historyColumns = [
    'fileName',
    'status',
    'createdAt',
    'finishedAt',
    'processedRows',
    'inserted',
    'updated',
    'unchanged',
    'rejected',
    'actions',
  ];

  protected readonly started = computed(() =>
    ['starting', 'running', 'completed', 'failed'].includes(this.store.phase()),
  );
  protected readonly showMapping = computed(
    () =>
      this.store.preview() !== null &&
      (this.store.phase() === 'mapping' || this.store.phase() === 'starting'),
  );
  protected readonly firstSample = computed<readonly string[]>(
    () => this.store.preview()?.sampleRows.at(0) ?? [],
  );
  protected readonly missingText = computed(() =>
    this.store
      .missingRequired()
      .map((field) => this.label('importField', field))
      .join(', '),
  );

  constructor() {
    this.store.init();
  }

  protected onFileChosen(input: HTMLInputElement): void {
    const file = input.files?.item(0);
    // Cleared so choosing the same file again still fires a change.
    input.value = '';
    if (file) this.store.upload(file);
  }

  protected onDragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragOver.set(true);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragOver.set(false);
    const file = event.dataTransfer?.files.item(0);
    if (file) this.store.upload(file);
  }

  protected columnChanged(change: ColumnChange): void {
    this.store.setColumn(change.field, change.column);
  }

  protected start(): void {
    this.store.start(this.saveAs.value);
  }

  protected newImport(): void {
    this.saveAs.reset();
    this.store.reset();
  }

  protected download(event: Event, item: Pick<ImportResponse, 'id' | 'fileName'>): void {
    event.preventDefault();
    this.store.downloadRejects(item);
  }
}
