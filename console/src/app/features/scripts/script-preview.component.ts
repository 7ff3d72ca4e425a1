import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { AccountListItem, ScriptVersionResponse } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { ScriptTextComponent } from '../../ui/script-text.component';
import { versionsNewestFirst } from './script-draft.util';
import { ScriptEditorStore } from './script-editor.store';
import { ScriptPreviewStore, previewAccountOf } from './script-preview.store';

function valueOf(event: Event): string {
  return (event.target as HTMLInputElement).value;
}

/**
 * A stored version as an agent would see it for a real account: the server renders it with the
 * account's data (the editor never sees the debtor's data otherwise), and the answers can be
 * clicked through to follow each branch.
 */
@Component({
  selector: 'rc-script-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ChipComponent,
    IconComponent,
    PageStateComponent,
    ScriptTextComponent,
  ],
  templateUrl: './script-preview.component.html',
  styleUrl: './script-preview.component.scss',
})
export class ScriptPreviewComponent {
  private readonly i18n = inject(I18nService);
  private readonly editor = inject(ScriptEditorStore);
  protected readonly store = inject(ScriptPreviewStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly date = this.i18n.date;
  protected readonly money = this.i18n.money;

  protected readonly versions = computed(() => {
    const script = this.editor.selected();
    return script ? versionsNewestFirst(script) : [];
  });

  protected versionLabel(version: ScriptVersionResponse): string {
    const status = this.label('scriptStatus', version.status);
    return version.publishedAt
      ? `v${version.version} · ${status} · ${this.date(version.publishedAt)}`
      : `v${version.version} · ${status}`;
  }

  protected search(event: Event): void {
    this.store.search(valueOf(event));
  }

  protected choose(item: AccountListItem): void {
    this.store.chooseAccount(previewAccountOf(item));
  }

  protected useId(id: string): void {
    this.store.chooseAccount({ id, number: null, debtorName: null });
  }
}
