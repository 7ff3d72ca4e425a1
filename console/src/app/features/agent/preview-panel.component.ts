import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { PREVIEW_SKIP_REASONS, type PreviewSkipReason } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { PreviewStore } from './preview.store';
import { ScriptPanelComponent } from './script-panel.component';

/**
 * The account the dialer reserved in preview mode, before anything rings: who and what is owed,
 * the call's script, and the agent's decision — dial it, or skip it with a reason (required).
 */
@Component({
  selector: 'rc-preview-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatSelectModule, RouterLink, ScriptPanelComponent],
  templateUrl: './preview-panel.component.html',
  styleUrl: './preview-panel.component.scss',
})
export class PreviewPanelComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(PreviewStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly number = this.i18n.number;
  protected readonly minor = this.i18n.minor;
  protected readonly reasons = PREVIEW_SKIP_REASONS;

  /** The reason chosen for this account; another account starts without one. */
  protected readonly skipReason = linkedSignal<string | null, PreviewSkipReason | null>({
    source: computed(() => this.store.preview()?.callId ?? null),
    computation: () => null,
  });

  protected chooseReason(reason: PreviewSkipReason): void {
    this.skipReason.set(reason);
  }

  protected dial(): void {
    void this.store.dial();
  }

  protected skip(): void {
    const reason = this.skipReason();
    if (reason) void this.store.skip(reason);
  }
}
