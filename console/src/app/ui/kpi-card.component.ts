import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { Tone } from './tone.util';

@Component({
  selector: 'rc-kpi-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'rc-kpi' },
  template: `
    <div class="rc-kpi__label">{{ label() }}</div>
    <div class="rc-kpi__value">{{ value() }}</div>
    @if (hint()) {
      <div class="rc-kpi__hint" [class]="'rc-kpi__hint rc-text--' + hintTone()">{{ hint() }}</div>
    }
    <ng-content />
  `,
})
export class KpiCardComponent {
  readonly label = input.required<string>();
  readonly value = input.required<string>();
  readonly hint = input('');
  readonly hintTone = input<Tone>('muted');
}
