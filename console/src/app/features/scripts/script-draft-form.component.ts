import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { JURISDICTIONS, SCRIPT_LIMITS, isJurisdiction, type Locale, type ScriptStep } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { LOCALES } from '../../core/i18n/i18n.util';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { ScriptConfirmDialogComponent, type ScriptConfirmData } from './script-confirm-dialog.component';
import { addStep, moveStep, removeStep, renameStep, replaceStep } from './script-draft.util';
import { ScriptEditorStore } from './script-editor.store';
import { ScriptPreviewStore } from './script-preview.store';
import { ScriptProblemListComponent } from './script-problem-list.component';
import { ScriptStepEditorComponent } from './script-step-editor.component';

function valueOf(event: Event): string {
  return (event.target as HTMLInputElement).value;
}

/** The draft being edited: its settings, its steps, what is wrong with it, save and publish. */
@Component({
  selector: 'rc-script-draft-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ChipComponent,
    IconComponent,
    ScriptProblemListComponent,
    ScriptStepEditorComponent,
  ],
  templateUrl: './script-draft-form.component.html',
  styleUrl: './script-draft-form.component.scss',
})
export class ScriptDraftFormComponent {
  private readonly i18n = inject(I18nService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly preview = inject(ScriptPreviewStore);
  protected readonly store = inject(ScriptEditorStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly dateTime = this.i18n.dateTime;
  protected readonly locales = LOCALES;
  protected readonly jurisdictions = JURISDICTIONS;
  protected readonly maxSteps = SCRIPT_LIMITS.steps;

  /** The version a save writes to: the draft itself, or the next one after a published version. */
  protected readonly nextVersion = computed(() => {
    const latest = this.store.latest();
    if (!latest) return 1;
    return latest.status === 'draft' ? latest.version : latest.version + 1;
  });

  protected setName(event: Event): void {
    const name = valueOf(event);
    this.store.update((draft) => ({ ...draft, name }));
  }

  protected setLanguage(language: Locale): void {
    this.store.update((draft) => ({ ...draft, language }));
  }

  /** The select offers "none" as an empty value: a null option would read as no selection. */
  protected setJurisdiction(value: string): void {
    const jurisdiction = isJurisdiction(value) ? value : null;
    this.store.update((draft) => ({ ...draft, jurisdiction }));
  }

  protected setStart(startStepId: string): void {
    this.store.update((draft) => ({ ...draft, startStepId }));
  }

  protected addStep(): void {
    this.store.update(addStep);
  }

  protected replaceStep(index: number, step: ScriptStep): void {
    this.store.update((draft) => replaceStep(draft, index, step));
  }

  protected renameStep(index: number, id: string): void {
    this.store.update((draft) => renameStep(draft, index, id));
  }

  protected moveStep(index: number, delta: -1 | 1): void {
    this.store.update((draft) => moveStep(draft, index, delta));
  }

  protected removeStep(index: number): void {
    this.store.update((draft) => removeStep(draft, index));
  }

  protected discard(): void {
    this.store.discard();
  }

  protected save(): void {
    this.store.save((saved) => {
      this.snackBar.open(this.t('scripts.saved', { name: saved.name }), undefined, { duration: 3000 });
      const latest = this.store.latest();
      // The preview shows stored versions: render the one just saved again.
      if (latest && this.preview.account()) this.preview.show(latest.id);
    });
  }

  protected publish(): void {
    const version = this.store.latest();
    if (!version) return;
    const data: ScriptConfirmData = {
      title: this.t('scripts.confirmPublish.title', { name: version.name, version: version.version }),
      message: this.t('scripts.confirmPublish.text'),
      confirmLabel: this.t('scripts.publish'),
    };
    this.dialog
      .open<ScriptConfirmDialogComponent, ScriptConfirmData, boolean>(ScriptConfirmDialogComponent, { data })
      .afterClosed()
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.store.publish((published) =>
          this.snackBar.open(this.t('scripts.published', { version: published.version }), undefined, {
            duration: 3000,
          }),
        );
      });
  }
}
