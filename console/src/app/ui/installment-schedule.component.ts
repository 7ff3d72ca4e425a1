import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** One line of a payment schedule, already in the reader's words (the caller formats). */
export interface ScheduleRow {
  seq: number;
  /** "1", "2"… or the down payment's own word. */
  label: string;
  date: string;
  amount: string;
}

export interface ScheduleHeaders {
  seq: string;
  date: string;
  amount: string;
  total: string;
}

/** A payment plan's installments, with their total underneath. */
@Component({
  selector: 'rc-installment-schedule',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="rc-plain-table rc-schedule">
      <thead>
        <tr>
          <th scope="col">{{ headers().seq }}</th>
          <th scope="col">{{ headers().date }}</th>
          <th scope="col" class="rc-num">{{ headers().amount }}</th>
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.seq) {
          <tr data-testid="schedule-row" [attr.data-seq]="row.seq">
            <td>{{ row.label }}</td>
            <td>{{ row.date }}</td>
            <td class="rc-num" data-testid="schedule-amount">{{ row.amount }}</td>
          </tr>
        }
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colspan="2">{{ headers().total }}</th>
          <td class="rc-num" data-testid="schedule-total">
            <strong>{{ total() }}</strong>
          </td>
        </tr>
      </tfoot>
    </table>
  `,
  styles: `
    .rc-schedule tfoot th,
    .rc-schedule tfoot td {
      border-bottom: 0;
      position: static;
      background: none;
    }
  `,
})
export class InstallmentScheduleComponent {
  readonly rows = input.required<ScheduleRow[]>();
  readonly headers = input.required<ScheduleHeaders>();
  readonly total = input.required<string>();
}
