import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { ScriptResponse, ScriptVersionResponse } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { versionsNewestFirst } from './script-draft.util';

/** Every script with its versions, newest first: a draft, and the published ones that never change. */
@Component({
  selector: 'rc-script-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatTooltipModule, ChipComponent, IconComponent],
  templateUrl: './script-list.component.html',
  styleUrl: './script-list.component.scss',
})
export class ScriptListComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly date = this.i18n.date;
  protected readonly versionsOf = versionsNewestFirst;

  readonly scripts = input.required<readonly ScriptResponse[]>();
  readonly selectedId = input<string | null>(null);

  readonly opened = output<string>();
  readonly previewed = output<ScriptVersionResponse>();
}
