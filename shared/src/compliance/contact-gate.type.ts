import type { IsoDate } from '../domain/dates.util';
import type { CallOutcome, Channel, ConsentStatus, Direction } from '../domain/enums.constant';
import type { ComplianceError } from './compliance-errors.constant';
import type { ClockTime, ComplianceProfile, ContactParty, Weekday } from './compliance-profile.type';

/** What the gate needs to know about the number, address or handle about to be used. */
export interface ContactPointState {
  id: string;
  /** False once the point is known to be wrong (bounced, not in service, wrong person). */
  valid: boolean;
  doNotContact: boolean;
  /** Consent per channel; a channel that is missing counts as 'unknown'. */
  consent: Readonly<Partial<Record<Channel, ConsentStatus>>>;
  /** Whose point it is; the debtor's when omitted. */
  party?: ContactParty;
}

/**
 * One earlier interaction that counts for the rules (see ComplianceProfile.frequencyScope). Inbound
 * ones matter only as contacts: a conversation the debtor started still starts Reg F's 7-day wait and
 * Colombia's one-contact-a-day, but it is not an attempt of ours for the attempt caps.
 */
export interface PastAttempt {
  at: Date;
  channel: Channel;
  contactPointId: string;
  outcome: CallOutcome;
  /** Reached the right party: a conversation with the debtor, co-debtor or guarantor. */
  rightPartyContact: boolean;
  /** 'outbound' when omitted. */
  direction?: Direction;
}

/** A time the debtor asked not to be contacted (Reg F 1006.6(b)(1)(i): known inconvenient times). */
export interface InconvenientTime {
  /** Every day when omitted. */
  weekdays?: readonly Weekday[];
  from: ClockTime;
  to: ClockTime;
}

export interface LegalState {
  lawsuitServed: boolean;
  insolvencyOpened?: boolean;
}

export interface AttemptInput {
  profile: ComplianceProfile;
  /** The debtor's IANA zone; every window, day and week is in its local time. */
  timeZone: string;
  /** Observed holidays of the debtor's country (e.g. defaultHolidaysOf, or the admin's edited list). */
  holidays: ReadonlySet<IsoDate>;
  channel: Channel;
  contactPoint: ContactPointState;
  /** Earlier attempts in the profile's frequency scope; a few weeks back is enough. */
  history: readonly PastAttempt[];
  legal: LegalState;
  inconvenientTimes?: readonly InconvenientTime[];
}

export type Verdict =
  | { allowed: true }
  | {
      allowed: false;
      reason: ComplianceError;
      /** The first instant the same attempt would pass, if no other attempt happens meanwhile. */
      retryAt?: Date;
    };
