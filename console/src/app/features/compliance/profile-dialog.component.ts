import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  CALL_OUTCOMES,
  CHANNELS,
  CONTACT_PARTIES,
  FREQUENCY_SCOPES,
  WEEK_MODES,
  isJurisdiction,
  type ComplianceProfile,
  type ComplianceProfileResponse,
  type ContactCoolDown,
  type FrequencyCap,
  type Weekday,
} from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { IconComponent } from '../../ui/icon.component';
import {
  CAP_LIMITS,
  WEEK_ORDER,
  cloneProfile,
  emptyCap,
  limitFromText,
  textsToWeek,
  weekToTexts,
  type CapLimit,
  type WeekTexts,
} from './compliance-profile.util';
import { ComplianceStore } from './compliance.store';

export interface ProfileDialogData {
  profile: ComplianceProfileResponse;
}

const DEFAULT_COOL_DOWN: ContactCoolDown = { days: 7, triggeredBy: ['voice'], blocks: ['voice'] };

/** Reads what an input holds now; the editor keeps its draft in signals rather than a form model. */
function inputValue(event: Event): string {
  return (event.target as HTMLInputElement).value;
}

/**
 * Edits every number and switch of one profile. Checks nothing itself: the server validates the
 * whole profile and its problems are listed here, one per line, so the admin sees them all at once.
 */
@Component({
  selector: 'rc-profile-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    IconComponent,
  ],
  templateUrl: './profile-dialog.component.html',
})
export class ProfileDialogComponent {
  private readonly dialog =
    inject<MatDialogRef<ProfileDialogComponent, ComplianceProfileResponse>>(MatDialogRef);
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(ComplianceStore);
  protected readonly data = inject<ProfileDialogData>(MAT_DIALOG_DATA);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly weekOrder = WEEK_ORDER;
  protected readonly capLimits = CAP_LIMITS;
  protected readonly channelOptions = CHANNELS;
  protected readonly outcomeOptions = CALL_OUTCOMES;
  protected readonly partyOptions = CONTACT_PARTIES;
  protected readonly weekModes = WEEK_MODES;
  protected readonly scopes = FREQUENCY_SCOPES;
  protected readonly country = isJurisdiction(this.data.profile.code)
    ? this.label('country', this.data.profile.code)
    : this.data.profile.code;

  protected readonly draft = signal<ComplianceProfile>(cloneProfile(this.data.profile.definition));
  protected readonly windowTexts = signal<WeekTexts>(weekToTexts(this.data.profile.definition.windows));

  protected patch(changes: Partial<ComplianceProfile>): void {
    this.draft.update((profile) => ({ ...profile, ...changes }));
  }

  protected setWindows(day: Weekday, event: Event): void {
    this.windowTexts.update((texts) => ({ ...texts, [day]: inputValue(event) }));
  }

  protected setSource(event: Event): void {
    this.patch({ source: inputValue(event) });
  }

  protected setAbandonedHours(event: Event): void {
    this.patch({ abandonedBlockHours: limitFromText(inputValue(event)) });
  }

  protected patchCap(index: number, changes: Partial<FrequencyCap>): void {
    this.patch({ caps: this.draft().caps.map((cap, i) => (i === index ? { ...cap, ...changes } : cap)) });
  }

  protected setCapLimit(index: number, key: CapLimit, event: Event): void {
    const changes: Partial<FrequencyCap> = {};
    changes[key] = limitFromText(inputValue(event));
    this.patchCap(index, changes);
  }

  protected addCap(): void {
    this.patch({ caps: [...this.draft().caps, emptyCap()] });
  }

  protected removeCap(index: number): void {
    this.patch({ caps: this.draft().caps.filter((_, i) => i !== index) });
  }

  protected toggleCoolDown(enabled: boolean): void {
    this.patch({ coolDownAfterContact: enabled ? DEFAULT_COOL_DOWN : null });
  }

  protected patchCoolDown(changes: Partial<ContactCoolDown>): void {
    const current = this.draft().coolDownAfterContact ?? DEFAULT_COOL_DOWN;
    this.patch({ coolDownAfterContact: { ...current, ...changes } });
  }

  protected setCoolDownDays(event: Event): void {
    this.patchCoolDown({ days: limitFromText(inputValue(event)) ?? 0 });
  }

  protected save(): void {
    const definition = { ...this.draft(), windows: textsToWeek(this.windowTexts()) };
    this.store.saveProfile(this.data.profile.code, definition, (saved) => this.dialog.close(saved));
  }
}
