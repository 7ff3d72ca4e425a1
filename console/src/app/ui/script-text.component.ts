import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { RenderedSegment } from '@recupera/shared';

/**
 * Rendered script text: plain text and the debtor's data, each bound as text (never as markup), the
 * data highlighted and a value the account lacks flagged so the agent does not read a gap aloud.
 */
@Component({
  selector: 'rc-script-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@for (segment of segments(); track $index) {
    @if (segment.kind === 'field') {
      <mark
        class="rc-script-field"
        [class.rc-script-field--missing]="segment.missing"
        [attr.data-field]="segment.path"
        [attr.data-missing]="segment.missing || null"
        [title]="segment.missing ? missingLabel() : segment.path"
        >{{ segment.value }}</mark
      >
    } @else {
      <ng-container>{{ segment.value }}</ng-container>
    }
  }`,
  styles: `
    .rc-script-field {
      padding: 0 3px;
      border-radius: 3px;
      background: #e3edfb;
      color: inherit;
      font-weight: 600;
    }

    .rc-script-field--missing {
      background: #fde2e1;
      color: #a1260d;
      outline: 1px dashed currentColor;
    }
  `,
})
export class ScriptTextComponent {
  readonly segments = input.required<readonly RenderedSegment[]>();
  /** Tooltip of a field the account has no value for, in the agent's language. */
  readonly missingLabel = input('');
}
