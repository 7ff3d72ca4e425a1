/**
 * What the agent typed for a call (the wrap-up form, the agreement builder), kept in sessionStorage
 * so a dropped line or a reload does not lose it. Session rather than local storage: the notes are
 * about a debtor, and must not outlive the tab. Storage can throw (private mode, a policy); the
 * drafts then live in memory only.
 */
export const CALL_DRAFT_KINDS = ['wrapUp', 'agreement'] as const;
export type CallDraftKind = (typeof CALL_DRAFT_KINDS)[number];

const PREFIX = 'recupera.callDraft.';

function draftKey(kind: CallDraftKind, callId: string): string {
  return `${PREFIX}${kind}.${callId}`;
}

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** The stored draft, parsed; null when there is none or it is not JSON. */
export function readCallDraft(kind: CallDraftKind, callId: string): unknown {
  try {
    const text = storage()?.getItem(draftKey(kind, callId));
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

export function writeCallDraft(kind: CallDraftKind, callId: string, draft: unknown): void {
  try {
    storage()?.setItem(draftKey(kind, callId), JSON.stringify(draft));
  } catch {
    // A full or disabled storage: the draft still lives in memory.
  }
}

/** Removes the drafts of every call but `keep` (all of them when it is null). */
export function keepCallDrafts(keep: string | null): void {
  try {
    const store = storage();
    if (!store) return;
    const kept = new Set(keep === null ? [] : CALL_DRAFT_KINDS.map((kind) => draftKey(kind, keep)));
    const keys: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(PREFIX) && !kept.has(key)) keys.push(key);
    }
    keys.forEach((key) => store.removeItem(key));
  } catch {
    // Nothing to clean when storage is unavailable.
  }
}

/** Removes the drafts of one call. */
export function removeCallDrafts(callId: string): void {
  try {
    const store = storage();
    for (const kind of CALL_DRAFT_KINDS) store?.removeItem(draftKey(kind, callId));
  } catch {
    // Nothing to clean when storage is unavailable.
  }
}
