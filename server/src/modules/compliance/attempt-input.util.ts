import {
  CHANNELS,
  FREQUENCY_SCOPES,
  legalStateOf,
  type AttemptInput,
  type Channel,
  type ComplianceProfile,
  type ContactPointState,
  type ContactPointType,
  type IsoDate,
  type PastAttempt,
  CONTACT_POINT_TYPES_BY_CHANNEL,
} from '@recupera/shared';
import type { AttemptContextRow, HistoryRow } from './attempt-context.repository';

const DAY_MS = 86_400_000;

/** Channels that reach the debtor through a stored contact point; webchat is a session, not an address. */
export function needsContactPoint(channel: Channel): boolean {
  return CONTACT_POINT_TYPES_BY_CHANNEL[channel].length > 0;
}

export function channelFits(channel: Channel, type: ContactPointType): boolean {
  return CONTACT_POINT_TYPES_BY_CHANNEL[channel].includes(type);
}

/**
 * Local days of history the profile's rules can look at: a week (the day itself and six before, or
 * Monday to today), cool-downs, days-apart and the abandoned-call block, plus one day because a
 * debtor's local day can start up to 14 h away from the UTC day the query filters on.
 */
export function historyDays(profile: ComplianceProfile): number {
  let days = 7;
  if (profile.coolDownAfterContact) days = Math.max(days, profile.coolDownAfterContact.days);
  if (profile.abandonedBlockHours) days = Math.max(days, Math.ceil(profile.abandonedBlockHours / 24));
  for (const cap of profile.caps) if (cap.minDaysApart) days = Math.max(days, cap.minDaysApart);
  return days + 1;
}

export function historySince(profile: ComplianceProfile, now: Date): Date {
  return new Date(now.getTime() - historyDays(profile) * DAY_MS);
}

export function toPastAttempt(row: HistoryRow): PastAttempt {
  return {
    at: row.at,
    channel: row.channel,
    contactPointId: row.contactPointId ?? '',
    // An attempt still in flight has no outcome yet; it is an attempt all the same, and counting it
    // as unanswered is the reading no cap can fault.
    outcome: row.outcome ?? 'no_answer',
    rightPartyContact: row.rightPartyContact,
    direction: row.direction,
  };
}

/**
 * The contact point as the pure gate sees it. Consent is stored once per point, and a point carries
 * one kind of channel, so it is the consent for the channel being used; a point that cannot carry the
 * channel (a landline for SMS) is not a valid way to make this attempt.
 */
export function toContactPointState(context: AttemptContextRow, channel: Channel): ContactPointState {
  const point = context.contactPoint;
  if (!point) return { id: '', valid: true, doNotContact: false, consent: {} };
  return {
    id: point.id,
    valid: point.valid && channelFits(channel, point.type),
    doNotContact: point.doNotContact,
    consent: { [channel]: point.consent },
  };
}

export function toAttemptInput(
  context: AttemptContextRow,
  profile: ComplianceProfile,
  holidays: ReadonlySet<IsoDate>,
  channel: Channel,
  history: readonly HistoryRow[],
): AttemptInput {
  return {
    profile,
    timeZone: context.timeZone,
    holidays,
    channel,
    contactPoint: toContactPointState(context, channel),
    history: history.map(toPastAttempt),
    legal: legalStateOf(context.accountStatus, context.legalCase),
  };
}

/**
 * Problems validateComplianceProfile leaves to its caller: the profile must be the one its code names,
 * and fields the pure gate trusts without checking (frequency scope, cool-down channels) must be known.
 */
export function profileEditProblems(code: string, profile: ComplianceProfile): string[] {
  const problems: string[] = [];
  if (profile.jurisdiction !== code) {
    problems.push(`jurisdiction ${profile.jurisdiction} does not match profile ${code}`);
  }
  if (!FREQUENCY_SCOPES.includes(profile.frequencyScope)) {
    problems.push(`unknown frequency scope ${String(profile.frequencyScope)}`);
  }
  const coolDown = profile.coolDownAfterContact;
  if (coolDown) {
    for (const channel of [...coolDown.triggeredBy, ...coolDown.blocks]) {
      if (!CHANNELS.includes(channel)) problems.push(`cool-down: unknown channel ${String(channel)}`);
    }
  }
  return problems;
}
