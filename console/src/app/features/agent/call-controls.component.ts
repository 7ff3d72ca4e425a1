import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { I18nService } from '../../core/i18n/i18n.service';
import { SOFTPHONE_SHORTCUTS } from './softphone-shortcuts.constant';
import { SoftphoneStore } from './softphone.store';

/**
 * The switches of the call on the line: hold, mute and the transfer to the team's supervisor, as
 * the server reports them (a reload shows the truth). Their keys are handled by the softphone.
 */
@Component({
  selector: 'rc-call-controls',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  templateUrl: './call-controls.component.html',
  styleUrl: './call-controls.component.scss',
})
export class CallControlsComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(SoftphoneStore);
  protected readonly t = this.i18n.t;
  protected readonly keys = SOFTPHONE_SHORTCUTS;
}
