import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { describeScriptProblem, type ScriptProblem } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { IconComponent } from '../../ui/icon.component';

/** Problems of one place of the editor, worded in the reader's language; nothing when there are none. */
@Component({
  selector: 'rc-script-problem-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IconComponent],
  templateUrl: './script-problem-list.component.html',
  styleUrl: './script-problem-list.component.scss',
})
export class ScriptProblemListComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  readonly problems = input.required<readonly ScriptProblem[]>();
  /** Names the step of each problem: for lists that gather problems from several steps. */
  readonly showStep = input(false);

  protected describe(problem: ScriptProblem): string {
    return describeScriptProblem(problem, this.i18n.locale());
  }

  protected optionalStep(problem: ScriptProblem): string | null {
    const id = problem.params['optionalStepId'];
    return id === undefined ? null : String(id);
  }
}
