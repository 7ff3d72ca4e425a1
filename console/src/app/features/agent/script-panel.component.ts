import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { DispositionOption } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { IconComponent } from '../../ui/icon.component';
import { ScriptTextComponent } from '../../ui/script-text.component';
import { ScriptStore } from './script.store';

/**
 * The call's script beside the screen pop: the current step (title, text, question), the path
 * taken and a step back, and the step's actions as shortcuts (the agreement builder, the wrap-up's
 * disposition). Shown while the call is on the line and through its wrap-up.
 */
@Component({
  selector: 'rc-script-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, IconComponent, ScriptTextComponent],
  templateUrl: './script-panel.component.html',
  styleUrl: './script-panel.component.scss',
})
export class ScriptPanelComponent {
  private readonly i18n = inject(I18nService);
  private readonly document = inject(DOCUMENT);
  protected readonly store = inject(ScriptStore);
  protected readonly t = this.i18n.t;

  protected choose(answerId: string): void {
    void this.store.answer(answerId);
  }

  protected next(): void {
    void this.store.next();
  }

  protected dispositionLabel(option: DispositionOption): string {
    return this.i18n.locale() === 'en' ? option.labelEn : option.labelEs;
  }

  /** The builder sits in the same screen pop: bring it into view and put the cursor in its first field. */
  protected openAgreement(): void {
    const builder = this.document.querySelector<HTMLElement>('[data-testid="agreement-builder"]');
    builder?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    builder?.querySelector<HTMLElement>('input, button, [tabindex]')?.focus({ preventScroll: true });
  }
}
