import {
  CALLBACK_ASSIGNEES,
  CALLBACK_MAX_DAYS,
  WRAP_UP_NOTES_MAX,
  type CallbackAssignee,
  type DispositionCategory,
  type DispositionOption,
  type Locale,
} from '@recupera/shared';
import type { WrapUpBody } from './softphone.store';

/** What the agent typed in the wrap-up form; the callback as a `datetime-local` (local wall time). */
export interface WrapUpDraft {
  dispositionCode: string;
  notes: string;
  callbackAt: string;
  assignTo: CallbackAssignee;
}

export type WrapUpProblem =
  | 'disposition_required'
  | 'callback_required'
  | 'callback_out_of_range'
  | 'notes_too_long';

export const EMPTY_WRAP_UP: WrapUpDraft = { dispositionCode: '', notes: '', callbackAt: '', assignTo: 'me' };

const DAY_MS = 86_400_000;

/** A draft read back from storage, or null when it is not one (another version, tampered with). */
export function parseWrapUpDraft(value: unknown): WrapUpDraft | null {
  if (typeof value !== 'object' || value === null) return null;
  const { dispositionCode, notes, callbackAt, assignTo } = value as Record<string, unknown>;
  if (typeof dispositionCode !== 'string' || typeof notes !== 'string' || typeof callbackAt !== 'string')
    return null;
  if (!(CALLBACK_ASSIGNEES as readonly unknown[]).includes(assignTo)) return null;
  return { dispositionCode, notes, callbackAt, assignTo: assignTo as CallbackAssignee };
}

/**
 * The order an agent looks for an outcome in: what was achieved with the debtor first (a promise,
 * a talk, a callback), then the debtor's objections, then calls that reached someone else or nobody.
 */
export const DISPOSITION_CATEGORY_ORDER: readonly DispositionCategory[] = [
  'promise',
  'rpc',
  'callback',
  'refusal',
  'dispute',
  'third_party',
  'no_contact',
  'wrong_number',
  'deceased',
];

export interface DispositionGroup {
  category: DispositionCategory;
  options: { code: string; label: string }[];
}

/** The campaign's codes grouped by category in `DISPOSITION_CATEGORY_ORDER`, labelled in the UI's language. */
export function groupDispositions(
  dispositions: readonly DispositionOption[],
  locale: Locale,
): DispositionGroup[] {
  const label = (d: DispositionOption) => (locale === 'en' ? d.labelEn : d.labelEs);
  return DISPOSITION_CATEGORY_ORDER.map((category) => ({
    category,
    options: dispositions
      .filter((d) => d.category === category)
      .map((d) => ({ code: d.code, label: label(d) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
  })).filter((group) => group.options.length > 0);
}

/**
 * The wrap-up the server is sent, or what keeps it from being sent: a callback goes only with a
 * disposition whose category asks for one, and then it must fall within CALLBACK_MAX_DAYS from now.
 */
export function toWrapUpBody(
  draft: WrapUpDraft,
  disposition: DispositionOption | null,
  now: number,
): { ok: true; body: WrapUpBody } | { ok: false; problems: WrapUpProblem[] } {
  const problems: WrapUpProblem[] = [];
  if (!disposition) problems.push('disposition_required');
  if (draft.notes.length > WRAP_UP_NOTES_MAX) problems.push('notes_too_long');
  let callback: WrapUpBody['callback'];
  if (disposition?.category === 'callback') {
    // A `datetime-local` value has no offset, so Date reads it as the browser's wall time.
    const at = draft.callbackAt ? Date.parse(draft.callbackAt) : Number.NaN;
    if (Number.isNaN(at)) problems.push('callback_required');
    else if (at <= now || at > now + CALLBACK_MAX_DAYS * DAY_MS) problems.push('callback_out_of_range');
    else callback = { at: new Date(at).toISOString(), assignTo: draft.assignTo };
  }
  if (problems.length > 0 || !disposition) return { ok: false, problems };
  const notes = draft.notes.trim();
  return {
    ok: true,
    body: {
      dispositionCode: disposition.code,
      ...(notes ? { notes } : {}),
      ...(callback ? { callback } : {}),
    },
  };
}
