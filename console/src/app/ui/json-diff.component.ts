import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { diffJson, prettyJson } from './json-diff.util';

export interface JsonDiffLabels {
  path: string;
  before: string;
  after: string;
  noChanges: string;
}

/** The before/after of an audited change: a field-by-field table, then both documents in full. */
@Component({
  selector: 'rc-json-diff',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'rc-json-diff' },
  template: `
    @if (rows().length === 0) {
      <p class="rc-muted">{{ labels().noChanges }}</p>
    } @else {
      <table class="rc-diff-table">
        <thead>
          <tr>
            <th>{{ labels().path }}</th>
            <th>{{ labels().before }}</th>
            <th>{{ labels().after }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.path) {
            <tr [class]="'rc-diff--' + row.kind">
              <td class="rc-mono">{{ row.path }}</td>
              <td class="rc-mono rc-diff__before">{{ row.before ?? '—' }}</td>
              <td class="rc-mono rc-diff__after">{{ row.after ?? '—' }}</td>
            </tr>
          }
        </tbody>
      </table>
    }
    <div class="rc-diff-docs">
      <div>
        <div class="rc-diff-docs__title">{{ labels().before }}</div>
        <pre class="rc-mono">{{ beforeText() }}</pre>
      </div>
      <div>
        <div class="rc-diff-docs__title">{{ labels().after }}</div>
        <pre class="rc-mono">{{ afterText() }}</pre>
      </div>
    </div>
  `,
})
export class JsonDiffComponent {
  readonly before = input.required<unknown>();
  readonly after = input.required<unknown>();
  readonly labels = input.required<JsonDiffLabels>();

  protected readonly rows = computed(() => diffJson(this.before(), this.after()));
  protected readonly beforeText = computed(() => prettyJson(this.before()));
  protected readonly afterText = computed(() => prettyJson(this.after()));
}
