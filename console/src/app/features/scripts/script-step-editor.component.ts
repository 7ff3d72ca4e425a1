import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTooltipModule } from '@angular/material/tooltip';
import {
  DISPOSITION_CATEGORIES,
  SCRIPT_ACTION_TYPES,
  SCRIPT_LIMITS,
  type Locale,
  type ScriptActionType,
  type ScriptAnswer,
  type ScriptFieldPath,
  type ScriptStep,
} from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { answerPrefix } from './script-draft.util';
import { ScriptFieldPickerComponent } from './script-field-picker.component';
import { ScriptProblemListComponent } from './script-problem-list.component';
import { answerProblems, type StepProblems } from './script-problems.util';
import {
  addAction,
  addAnswer,
  fieldToken,
  flowOf,
  insertAtCursor,
  patchAnswer,
  removeAction,
  removeAnswer,
  setDispositionCode,
  setFlow,
  setNext,
  setPrompt,
  type StepFlow,
} from './script-step.util';

type TemplateControl = HTMLTextAreaElement | HTMLInputElement;

function valueOf(event: Event): string {
  return (event.target as TemplateControl).value;
}

/**
 * One step of the draft. Holds no state: every edit is emitted as the whole new step, and the
 * page's store puts it in the draft, which re-runs validation. The step id is committed on
 * `change` rather than per keystroke, because a rename rewrites the links pointing at the step.
 */
@Component({
  selector: 'rc-script-step-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatMenuModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatTooltipModule,
    ChipComponent,
    IconComponent,
    ScriptFieldPickerComponent,
    ScriptProblemListComponent,
  ],
  templateUrl: './script-step-editor.component.html',
  styleUrl: './script-step-editor.component.scss',
})
export class ScriptStepEditorComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly limits = SCRIPT_LIMITS;
  protected readonly flows: readonly StepFlow[] = ['end', 'next', 'question'];
  protected readonly actionTypes = SCRIPT_ACTION_TYPES;
  protected readonly dispositionCodes = DISPOSITION_CATEGORIES;

  readonly step = input.required<ScriptStep>();
  readonly index = input.required<number>();
  readonly count = input.required<number>();
  readonly stepIds = input.required<readonly string[]>();
  readonly problems = input.required<StepProblems>();
  readonly language = input.required<Locale>();
  readonly isStart = input(false);

  readonly changed = output<ScriptStep>();
  readonly renamed = output<string>();
  readonly removed = output();
  readonly moved = output<-1 | 1>();

  protected readonly flow = computed(() => flowOf(this.step()));
  protected readonly datalistId = computed(() => `rc-script-dispositions-${this.index()}`);

  protected answerProblems(answer: ScriptAnswer) {
    return answerProblems(this.problems(), answer.id);
  }

  protected setTitle(event: Event): void {
    this.changed.emit({ ...this.step(), title: valueOf(event) });
  }

  protected setText(event: Event): void {
    this.changed.emit({ ...this.step(), text: valueOf(event) });
  }

  protected setRequired(required: boolean): void {
    this.changed.emit({ ...this.step(), required });
  }

  protected rename(event: Event): void {
    this.renamed.emit(valueOf(event));
  }

  protected changeFlow(flow: StepFlow): void {
    this.changed.emit(setFlow(this.step(), flow, answerPrefix(this.language())));
  }

  protected changeNext(next: string): void {
    this.changed.emit(setNext(this.step(), next));
  }

  protected changePrompt(event: Event): void {
    this.changed.emit(setPrompt(this.step(), valueOf(event)));
  }

  protected addAnswer(): void {
    this.changed.emit(addAnswer(this.step(), answerPrefix(this.language())));
  }

  protected patchAnswer(index: number, patch: Partial<ScriptAnswer>): void {
    this.changed.emit(patchAnswer(this.step(), index, patch));
  }

  protected answerText(index: number, key: 'id' | 'label', event: Event): void {
    this.patchAnswer(index, { [key]: valueOf(event) });
  }

  protected removeAnswer(index: number): void {
    this.changed.emit(removeAnswer(this.step(), index));
  }

  protected addAction(type: ScriptActionType): void {
    this.changed.emit(addAction(this.step(), type));
  }

  protected removeAction(index: number): void {
    this.changed.emit(removeAction(this.step(), index));
  }

  protected setCode(index: number, event: Event): void {
    this.changed.emit(setDispositionCode(this.step(), index, valueOf(event)));
  }

  protected insertIntoText(control: TemplateControl, path: ScriptFieldPath): void {
    const text = this.insert(control, path);
    this.changed.emit({ ...this.step(), text });
  }

  protected insertIntoPrompt(control: TemplateControl, path: ScriptFieldPath): void {
    this.changed.emit(setPrompt(this.step(), this.insert(control, path)));
  }

  /**
   * Writes the field where the cursor was (or over the selection) and puts the cursor after it.
   * The control is updated first, so the binding that follows finds the same value and leaves
   * the cursor where it is.
   */
  private insert(control: TemplateControl, path: ScriptFieldPath): string {
    const start = control.selectionStart ?? control.value.length;
    const end = control.selectionEnd ?? start;
    const { value, caret } = insertAtCursor(control.value, start, end, fieldToken(path));
    control.value = value;
    control.focus();
    control.setSelectionRange(caret, caret);
    return value;
  }
}
