import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { Tone } from './tone.util';

/** A compact status pill; the colour carries the tone, the projected text carries the meaning. */
@Component({
  selector: 'rc-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'rc-chip', '[class]': '"rc-chip rc-chip--" + tone()' },
  template: `<ng-content />`,
})
export class ChipComponent {
  readonly tone = input<Tone>('neutral');
}
