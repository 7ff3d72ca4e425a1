import { ChangeDetectionStrategy, Component, computed, inject, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { SCRIPT_FIELD_PATHS, SCRIPT_FIELDS, type ScriptFieldPath } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { IconComponent } from '../../ui/icon.component';
import { fieldToken } from './script-step.util';

/**
 * The template fields from the shared catalogue, the same list the validator and the renderer
 * know, so a field picked here is always one they accept.
 */
@Component({
  selector: 'rc-script-field-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatMenuModule, IconComponent],
  templateUrl: './script-field-picker.component.html',
  styleUrl: './script-field-picker.component.scss',
})
export class ScriptFieldPickerComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly fields = computed(() => {
    const locale = this.i18n.locale();
    return SCRIPT_FIELD_PATHS.map((path) => ({
      path,
      token: fieldToken(path),
      label: SCRIPT_FIELDS[path].label[locale],
    }));
  });

  readonly picked = output<ScriptFieldPath>();
}
