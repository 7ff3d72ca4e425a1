import { localParts } from '../compliance/local-time.util';
import type { CampaignSchedule } from '../contracts/campaigns.type';

function minutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
}

/**
 * Whether the campaign dials at `now`, by its schedule in the agency's zone (`from` inclusive, `to`
 * exclusive). The debtor's own contact window is the compliance gate's business, applied on top.
 */
export function isScheduleOpen(schedule: CampaignSchedule, agencyTimeZone: string, now: Date): boolean {
  const local = localParts(now, agencyTimeZone);
  if (!schedule.days.includes(local.weekday)) return false;
  return local.minuteOfDay >= minutes(schedule.from) && local.minuteOfDay < minutes(schedule.to);
}

/** The agency's calendar date at `now` (YYYY-MM-DD): the day retry caps count in. */
export function agencyDate(agencyTimeZone: string, now: Date): string {
  return localParts(now, agencyTimeZone).date;
}
