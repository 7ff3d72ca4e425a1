import { ChangeDetectionStrategy, Component, ElementRef, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { AgreementResponse } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { FloorApprovalsStore } from './floor-approvals.store';
import { FloorLiveStore } from './floor-live.store';
import { FloorStore } from './floor.store';

/** Agreements whose waiver needs the supervisor: approve or reject each, oldest request first. */
@Component({
  selector: 'rc-floor-approvals',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, ChipComponent, IconComponent],
  templateUrl: './floor-approvals.component.html',
})
export class FloorApprovalsComponent {
  private readonly i18n = inject(I18nService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly store = inject(FloorApprovalsStore);
  private readonly live = inject(FloorLiveStore);
  private readonly roster = inject(FloorStore, { optional: true });
  protected readonly t = this.i18n.t;
  protected readonly number = this.i18n.number;
  protected readonly minor = this.i18n.minor;
  protected readonly dateTime = this.i18n.dateTime;

  protected agentName({ agentId }: AgreementResponse): string {
    const fromRoster = this.roster?.agents().find((agent) => agent.id === agentId)?.fullName;
    return fromRoster ?? (agentId ? this.live.nameOf(agentId) : null) ?? this.t('floor.alerts.unknownAgent');
  }

  /** Installments after the down payment (seq 0). */
  protected installments(agreement: AgreementResponse): number {
    return agreement.installments.filter((installment) => installment.seq > 0).length;
  }

  /** Brings the list into view (an alert's "review" link points here). */
  reveal(): void {
    const section = this.host.nativeElement.querySelector<HTMLElement>('[data-testid="floor-approvals"]');
    section?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
    section?.focus({ preventScroll: true });
  }
}
