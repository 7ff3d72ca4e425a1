import type { ComplianceError } from '../compliance/compliance-errors.constant';
import type { ComplianceProfile } from '../compliance/compliance-profile.type';
import type { IsoDate } from '../domain/dates.util';
import type { Channel } from '../domain/enums.constant';
import type { Jurisdiction } from '../domain/jurisdictions.constant';

/** One jurisdiction's contact rules as stored: the shipped default until an admin edits it. */
export interface ComplianceProfileResponse {
  /** The profile's code; a debtor's jurisdiction names the profile that protects them. */
  code: string;
  definition: ComplianceProfile;
  /** Null while the profile is still the shipped default. */
  updatedBy: string | null;
  updatedByName: string | null;
  updatedAt: string;
}

/** PUT /compliance/profiles/:code takes the whole definition, so an edit is always a complete profile. */
export type UpdateComplianceProfileRequest = ComplianceProfile;

export interface HolidayResponse {
  country: Jurisdiction;
  date: IsoDate;
  /** Null for the shipped national holidays, which come as dates only. */
  name: string | null;
}

export interface HolidayQuery {
  country?: Jurisdiction;
  year?: number;
}

export interface CreateHolidayRequest {
  country: Jurisdiction;
  date: IsoDate;
  name: string;
}

export interface RefusalSummaryQuery {
  /** Instants (ISO 8601); the last 7 days when omitted. */
  from?: string;
  to?: string;
  campaignId?: string;
}

export interface RefusalReasonCount {
  reason: ComplianceError;
  count: number;
}

/** Attempts the gate blocked in a period, by reason, within the caller's teams. */
export interface RefusalSummaryResponse {
  from: string;
  to: string;
  campaignId: string | null;
  total: number;
  /** Most frequent first. */
  byReason: RefusalReasonCount[];
}

/** "¿Se puede contactar ahora?": runs the gate without attempting anything and without recording. */
export interface ComplianceCheckRequest {
  accountId: string;
  /** Required for every channel that goes through a contact point (all but webchat). */
  contactPointId?: string;
  channel: Channel;
  campaignId?: string;
}

export interface ComplianceCheckResponse {
  allowed: boolean;
  reason: ComplianceError | null;
  /** The first instant the same attempt would pass; null when waiting cannot help. */
  retryAt: string | null;
  /** The profile applied (the debtor's jurisdiction) and the zone the rules were read in. */
  profile: string;
  timeZone: string;
  checkedAt: string;
}
