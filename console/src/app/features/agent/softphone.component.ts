import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { BREAK_REASONS, type BreakReason } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { agentStateTone } from '../../ui/tone.util';
import { AgreementBuilderComponent } from './agreement-builder.component';
import { ScriptPanelComponent } from './script-panel.component';
import { formatClock } from './softphone-clock.util';
import { ScriptStore } from './script.store';
import { SoftphoneStore } from './softphone.store';
import { WrapUpFormComponent } from './wrap-up-form.component';
import { WrapUpStore } from './wrap-up.store';

/** The keys agents keep their hands on; function keys, so typing in the work list never triggers them. */
export const SOFTPHONE_SHORTCUTS = {
  available: 'F2',
  break: 'F3',
  hangUp: 'F4',
  finishWrapUp: 'F9',
} as const;

/**
 * The agent's softphone panel: their state and its timer, the state buttons, the screen pop of the
 * call on the line (with its hang-up) and the wrap-up that follows it (disposition, notes, callback);
 * the agreement builder goes with the call through both.
 */
@Component({
  selector: 'rc-softphone',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    RouterLink,
    AgreementBuilderComponent,
    ChipComponent,
    IconComponent,
    ScriptPanelComponent,
    WrapUpFormComponent,
  ],
  host: { '(document:keydown)': 'onKeydown($event)' },
  templateUrl: './softphone.component.html',
  styleUrl: './softphone.component.scss',
})
export class SoftphoneComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(SoftphoneStore);
  private readonly wrapUp = inject(WrapUpStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly number = this.i18n.number;
  protected readonly minor = this.i18n.minor;
  protected readonly clock = formatClock;
  protected readonly keys = SOFTPHONE_SHORTCUTS;
  protected readonly breakReasons = BREAK_REASONS;
  protected readonly breakReason = signal<BreakReason>('rest');

  protected readonly tone = computed(() => agentStateTone(this.store.state()));
  protected readonly hint = computed(() => {
    const state = this.store.state();
    switch (state) {
      case 'offline':
        return this.t('softphone.hint.offline');
      case 'available':
        return this.t('softphone.hint.available');
      case 'reserved':
        return this.t('softphone.hint.reserved');
      case 'break': {
        const reason = this.store.breakReason();
        return reason ? this.t('softphone.hint.break', { reason: this.label('breakReason', reason) }) : '';
      }
      case 'preview':
        return this.t('softphone.hint.preview');
      case 'on_call':
      case 'wrap_up':
        return '';
    }
  });
  protected readonly endedText = computed(() => {
    const ended = this.store.lastEnded();
    if (!ended) return '';
    const duration = this.i18n.duration(ended.talkSeconds);
    return ended.endedBy === 'agent'
      ? this.t('softphone.wrapUp.endedByAgent', { duration })
      : this.t('softphone.wrapUp.endedByDebtor', { duration });
  });

  constructor() {
    // The script arrives right after the call: its store must listen before the panel is drawn.
    inject(ScriptStore);
    this.store.connect();
  }

  protected chooseBreakReason(reason: BreakReason): void {
    this.breakReason.set(reason);
  }

  protected takeBreak(): void {
    void this.store.takeBreak(this.breakReason());
  }

  protected finishWrapUp(): void {
    void this.wrapUp.finish();
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.repeat || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const action = this.shortcutAction(event.key);
    if (!action) return;
    // The browser's own meaning of these keys (F3 find, F4 address bar) would take the focus away.
    event.preventDefault();
    void action();
  }

  private shortcutAction(key: string): (() => Promise<void>) | null {
    switch (key) {
      case SOFTPHONE_SHORTCUTS.available:
        return () => this.store.goAvailable();
      case SOFTPHONE_SHORTCUTS.break:
        return () => this.store.takeBreak(this.breakReason());
      case SOFTPHONE_SHORTCUTS.hangUp:
        return () => this.store.hangUp();
      case SOFTPHONE_SHORTCUTS.finishWrapUp:
        return () => this.wrapUp.finish();
      default:
        return null;
    }
  }
}
