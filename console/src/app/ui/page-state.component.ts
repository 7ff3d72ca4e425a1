import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { IconComponent } from './icon.component';

/**
 * Loading and error states around a block of content. The first load shows a spinner; later loads
 * keep the content and show a thin bar; an error shows above whatever is still on screen.
 */
@Component({
  selector: 'rc-page-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, MatProgressSpinnerModule, IconComponent],
  template: `
    @if (error(); as message) {
      <div class="rc-alert rc-alert--danger" role="alert">
        <rc-icon name="error" />
        <div class="rc-alert__text">
          @if (errorTitle()) {
            <strong>{{ errorTitle() }}</strong>
          }
          <span>{{ message }}</span>
        </div>
        @if (retryLabel()) {
          <button mat-stroked-button type="button" (click)="retry.emit()">{{ retryLabel() }}</button>
        }
      </div>
    }
    @if (loading() && !ready()) {
      <div class="rc-loading" role="status" aria-live="polite">
        <mat-progress-spinner mode="indeterminate" diameter="28" />
        <span>{{ loadingLabel() }}</span>
      </div>
    } @else if (ready()) {
      <div class="rc-page-state__bar">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" />
        }
      </div>
      <ng-content />
    }
  `,
})
export class PageStateComponent {
  readonly loading = input(false);
  /** Whether there is content to show (the data arrived at least once). */
  readonly ready = input(false);
  readonly error = input<string | null>(null);
  readonly errorTitle = input('');
  readonly retryLabel = input('');
  readonly loadingLabel = input('');
  readonly retry = output();
}
