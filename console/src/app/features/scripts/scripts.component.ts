import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import { MatTabsModule } from '@angular/material/tabs';
import type { ScriptVersionResponse } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { IconComponent } from '../../ui/icon.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { ScriptConfirmDialogComponent, type ScriptConfirmData } from './script-confirm-dialog.component';
import type { DraftTemplate } from './script-draft.util';
import { ScriptDraftFormComponent } from './script-draft-form.component';
import { ScriptEditorStore } from './script-editor.store';
import { ScriptListComponent } from './script-list.component';
import { ScriptPreviewComponent } from './script-preview.component';
import { ScriptPreviewStore } from './script-preview.store';

const EDIT_TAB = 0;
const PREVIEW_TAB = 1;

/** Call scripts for admins and supervisors: the list, the draft editor and the preview. */
@Component({
  selector: 'rc-scripts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [ScriptEditorStore, ScriptPreviewStore],
  imports: [
    MatButtonModule,
    MatMenuModule,
    MatTabsModule,
    IconComponent,
    PageStateComponent,
    ScriptDraftFormComponent,
    ScriptListComponent,
    ScriptPreviewComponent,
  ],
  templateUrl: './scripts.component.html',
  styleUrl: './scripts.component.scss',
})
export class ScriptsComponent {
  private readonly i18n = inject(I18nService);
  private readonly dialog = inject(MatDialog);
  private readonly preview = inject(ScriptPreviewStore);
  protected readonly store = inject(ScriptEditorStore);
  protected readonly t = this.i18n.t;
  protected readonly tab = signal(EDIT_TAB);

  constructor() {
    this.store.load();
  }

  protected open(scriptId: string): void {
    if (scriptId === this.store.selected()?.id) {
      this.tab.set(EDIT_TAB);
      return;
    }
    this.leaveDraft(() => {
      this.store.select(scriptId);
      this.preview.show(this.store.latest()?.id ?? null);
      this.tab.set(EDIT_TAB);
    });
  }

  protected startNew(template: DraftTemplate): void {
    this.leaveDraft(() => {
      this.store.startNew(template);
      this.preview.show(null);
      this.tab.set(EDIT_TAB);
    });
  }

  protected previewVersion(version: ScriptVersionResponse): void {
    const show = (): void => {
      this.preview.show(version.id);
      this.tab.set(PREVIEW_TAB);
    };
    if (version.scriptId === this.store.selected()?.id) {
      show();
      return;
    }
    this.leaveDraft(() => {
      this.store.select(version.scriptId);
      show();
    });
  }

  /** Unsaved edits are only dropped when the user says so. */
  private leaveDraft(go: () => void): void {
    if (!this.store.dirty()) {
      go();
      return;
    }
    const data: ScriptConfirmData = {
      title: this.t('scripts.confirmDiscard.title'),
      message: this.t('scripts.confirmDiscard.text'),
      confirmLabel: this.t('scripts.discard'),
    };
    this.dialog
      .open<ScriptConfirmDialogComponent, ScriptConfirmData, boolean>(ScriptConfirmDialogComponent, { data })
      .afterClosed()
      .subscribe((confirmed) => {
        if (confirmed) go();
      });
  }
}
