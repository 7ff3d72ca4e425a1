/** The keys agents keep their hands on; function keys, so typing in the work list never triggers them. */
export const SOFTPHONE_SHORTCUTS = {
  available: 'F2',
  break: 'F3',
  hangUp: 'F4',
  hold: 'F6',
  mute: 'F7',
  transfer: 'F8',
  finishWrapUp: 'F9',
} as const;

export type SoftphoneShortcut = keyof typeof SOFTPHONE_SHORTCUTS;
