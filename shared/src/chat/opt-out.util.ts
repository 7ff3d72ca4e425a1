/**
 * Keywords a debtor replies with to stop (or restart) messages on a channel. A message counts only
 * when it is the keyword alone, whatever the case, accents or trailing punctuation ("Baja.", "stop!").
 */
export const OPT_OUT_KEYWORDS = [
  'BAJA',
  'STOP',
  'ALTO',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
] as const;
export const OPT_IN_KEYWORDS = ['ALTA', 'START', 'UNSTOP'] as const;

export type ConsentKeyword =
  | { kind: 'opt_out'; keyword: (typeof OPT_OUT_KEYWORDS)[number] }
  | { kind: 'opt_in'; keyword: (typeof OPT_IN_KEYWORDS)[number] };

export function normalizeKeyword(body: string): string {
  return body
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s.!¡?¿,;:"'()*_-]+/g, '')
    .toUpperCase();
}

export function consentKeyword(body: string): ConsentKeyword | null {
  const word = normalizeKeyword(body);
  const out = OPT_OUT_KEYWORDS.find((keyword) => keyword === word);
  if (out) return { kind: 'opt_out', keyword: out };
  const back = OPT_IN_KEYWORDS.find((keyword) => keyword === word);
  return back ? { kind: 'opt_in', keyword: back } : null;
}
