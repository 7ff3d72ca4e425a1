import { assertNever } from '../domain/assert-never.util';

/**
 * Why the contact gate refused an attempt. Every refusal is recorded with one of these (DESIGN.md §5),
 * so the console can switch on them and an auditor can see which rule held. Kept here rather than in
 * shared/src/errors because these are verdicts of a pure rule, not API failures.
 */
export enum ComplianceError {
  /** The legal stage forbids extrajudicial collection (CL: once the lawsuit is served). */
  LawsuitServed = 'lawsuit_served',
  /** An insolvency proceeding was opened for the debtor (CL art. 37 treats it like a served lawsuit). */
  InsolvencyProceeding = 'insolvency_proceeding',
  InvalidContactPoint = 'invalid_contact_point',
  DoNotContact = 'do_not_contact',
  /** The contact point belongs to someone the profile may not contact (a personal reference). */
  PartyNotAllowed = 'party_not_allowed',
  ConsentWithdrawn = 'consent_withdrawn',
  /** The profile only allows channels the debtor authorised, and this one was not. */
  ConsentMissing = 'consent_missing',
  /** The weekday has no contact window at all (CO Sundays, EC/PE weekends). */
  NoWindowToday = 'no_window_today',
  Holiday = 'holiday',
  OutsideWindow = 'outside_window',
  /** Inside the legal window, but in a time the debtor told us is inconvenient. */
  InconvenientTime = 'inconvenient_time',
  AbandonedRecently = 'abandoned_recently',
  CoolDownAfterContact = 'cool_down_after_contact',
  ChannelMix = 'channel_mix',
  DailyContactCap = 'daily_contact_cap',
  DailyCap = 'daily_cap',
  WeeklyContactCap = 'weekly_contact_cap',
  WeeklyCap = 'weekly_cap',
  MinDaysApart = 'min_days_apart',
  MinGap = 'min_gap',
}

/**
 * Whether waiting can lift the refusal. Data-driven refusals (consent, do-not-contact, a served
 * lawsuit) only end when someone changes the data, so the gate gives them no retryAt.
 */
export function isTimeBound(reason: ComplianceError): boolean {
  switch (reason) {
    case ComplianceError.LawsuitServed:
    case ComplianceError.InsolvencyProceeding:
    case ComplianceError.InvalidContactPoint:
    case ComplianceError.DoNotContact:
    case ComplianceError.PartyNotAllowed:
    case ComplianceError.ConsentWithdrawn:
    case ComplianceError.ConsentMissing:
      return false;
    case ComplianceError.NoWindowToday:
    case ComplianceError.Holiday:
    case ComplianceError.OutsideWindow:
    case ComplianceError.InconvenientTime:
    case ComplianceError.AbandonedRecently:
    case ComplianceError.CoolDownAfterContact:
    case ComplianceError.ChannelMix:
    case ComplianceError.DailyContactCap:
    case ComplianceError.DailyCap:
    case ComplianceError.WeeklyContactCap:
    case ComplianceError.WeeklyCap:
    case ComplianceError.MinDaysApart:
    case ComplianceError.MinGap:
      return true;
    default:
      return assertNever(reason);
  }
}
