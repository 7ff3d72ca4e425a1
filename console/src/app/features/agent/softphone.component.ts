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
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import type { VoiceLineError } from '../../core/voice/voice-device.type';
import { AgreementBuilderComponent } from './agreement-builder.component';
import { CallControlsComponent } from './call-controls.component';
import { PreviewPanelComponent } from './preview-panel.component';
import { PreviewStore } from './preview.store';
import { ScriptPanelComponent } from './script-panel.component';
import { formatClock } from './softphone-clock.util';
import { SOFTPHONE_SHORTCUTS, type SoftphoneShortcut } from './softphone-shortcuts.constant';
import { ScriptStore } from './script.store';
import { SoftphoneStore } from './softphone.store';
import { WrapUpFormComponent } from './wrap-up-form.component';
import { WrapUpStore } from './wrap-up.store';

export { SOFTPHONE_SHORTCUTS } from './softphone-shortcuts.constant';

/** What each key does, in the order the hint lists them. */
const SHORTCUT_LABELS: Readonly<Record<SoftphoneShortcut, MessageKey>> = {
  available: 'softphone.available',
  break: 'softphone.break',
  hangUp: 'softphone.hangUp',
  hold: 'softphone.hold',
  mute: 'softphone.mute',
  transfer: 'softphone.transfer',
  finishWrapUp: 'softphone.finishWrapUp',
};

const LINE_ERRORS: Readonly<Record<VoiceLineError, MessageKey>> = {
  not_configured: 'softphone.line.error.not_configured',
  token_failed: 'softphone.line.error.token_failed',
  sdk_failed: 'softphone.line.error.sdk_failed',
  device_failed: 'softphone.line.error.device_failed',
};

/**
 * The agent's softphone panel: their state and its timer, the state buttons, the audio line, the
 * account previewed before a dial, the screen pop of the call on the line (hang-up, hold, mute,
 * transfer) and the wrap-up that follows it (disposition, notes, callback, the campaign's limit);
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
    CallControlsComponent,
    ChipComponent,
    IconComponent,
    PreviewPanelComponent,
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
  protected readonly preview = inject(PreviewStore);
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
    switch (ended.endedBy) {
      case 'agent':
        return this.t('softphone.wrapUp.endedByAgent', { duration });
      case 'debtor':
        return this.t('softphone.wrapUp.endedByDebtor', { duration });
      case 'transfer':
        return this.t('softphone.wrapUp.endedByTransfer', { duration });
    }
  });
  protected readonly countdownText = computed(() => {
    const countdown = this.store.wrapUpCountdown();
    if (!countdown) return '';
    const time = formatClock(countdown.seconds);
    return countdown.overdue
      ? this.t('softphone.wrapUp.overdue', { time })
      : this.t('softphone.wrapUp.countdown', { time });
  });
  protected readonly expiredText = computed(() => {
    const expired = this.store.wrapUpExpiredNotice();
    return expired
      ? this.t('softphone.wrapUp.expired', { duration: this.i18n.duration(expired.limitSeconds) })
      : '';
  });
  protected readonly dialOutcomeText = computed(() => {
    const outcome = this.preview.dialOutcome();
    return outcome
      ? this.t('softphone.dialOutcome', { outcome: this.label('outcome', outcome.outcome) })
      : '';
  });
  protected readonly lineText = computed(() => {
    const line = this.store.line();
    switch (line) {
      case 'idle':
        return this.t('softphone.line.idle');
      case 'connecting':
        return this.t('softphone.line.connecting');
      case 'simulated':
        return this.t('softphone.line.simulated');
      case 'ready':
        return this.t('softphone.line.ready');
      case 'error': {
        const error = this.store.lineError() ?? 'device_failed';
        const detail = this.store.lineErrorDetail();
        const text = this.t(LINE_ERRORS[error]);
        return detail ? `${text} (${detail})` : text;
      }
    }
  });
  protected readonly shortcuts = (Object.keys(SOFTPHONE_SHORTCUTS) as SoftphoneShortcut[]).map((action) => ({
    key: SOFTPHONE_SHORTCUTS[action],
    label: SHORTCUT_LABELS[action],
  }));

  constructor() {
    // The script arrives right after the call: its store must listen before the panel is drawn.
    inject(ScriptStore);
    this.store.connect();
    this.store.startAudio();
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
      case SOFTPHONE_SHORTCUTS.hold:
        return () => this.store.toggleHold();
      case SOFTPHONE_SHORTCUTS.mute:
        return () => this.store.toggleMute();
      case SOFTPHONE_SHORTCUTS.transfer:
        return () => this.store.requestTransfer();
      case SOFTPHONE_SHORTCUTS.finishWrapUp:
        return () => this.wrapUp.finish();
      default:
        return null;
    }
  }
}
