import type { ComplianceCheckRequest } from '@recupera/shared';

/** One attempt about to be made, as the dialer (or an agent's manual dial) asks the gate about it. */
export interface GateRequest extends ComplianceCheckRequest {
  /** The team the attempt is made for; the account's assigned team when omitted. */
  teamId?: string;
  /**
   * The attempt itself when it is already stored (a previewed account about to be dialled): it
   * must not count against its own frequency caps.
   */
  exceptInteractionId?: string;
}

/** The teams a caller may see, as TeamsService.visibleTeamIds answers it. */
export type TeamVisibility = string[] | 'all';
