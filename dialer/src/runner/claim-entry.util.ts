import type { HopperEntry } from '../live/campaign-live.store';
import type { DialerContext } from './dialer-context.type';
import type { CampaignPlan } from './dialer-ports.type';

export interface ClaimedEntry {
  callId: string;
  lockId: string;
}

/**
 * Takes an account for one attempt: its number not blocked, the account and number locked, and
 * the gate asked once more (the window may have closed since the hopper was filled) before the
 * attempt is stored. Null, with nothing held, when any of them says no.
 */
export async function claimEntry(
  ctx: DialerContext,
  campaign: CampaignPlan,
  entry: HopperEntry,
  now: Date,
): Promise<ClaimedEntry | null> {
  if (await ctx.live.isPhoneBlocked(entry.phone)) return null;
  const lockId = `pending:${campaign.id}:${entry.accountId}:${now.getTime()}`;
  if (!(await ctx.live.lockForDial(entry, lockId))) return null;
  try {
    const callId = await ctx.store.createAttempt(campaign, entry, now);
    if (callId === null) {
      await ctx.live.unlock(entry, lockId);
      return null;
    }
    return { callId, lockId };
  } catch (error) {
    await ctx.live.unlock(entry, lockId);
    throw error;
  }
}

/** Pops the hopper until an account can be claimed, trying at most `tries` of them. */
export async function claimNext(
  ctx: DialerContext,
  campaign: CampaignPlan,
  now: Date,
  tries: number,
): Promise<(ClaimedEntry & { entry: HopperEntry }) | null> {
  for (let i = 0; i < tries; i++) {
    const [entry] = await ctx.live.popHopper(campaign.id, 1);
    if (!entry) return null;
    const claimed = await claimEntry(ctx, campaign, entry, now);
    if (claimed) return { ...claimed, entry };
  }
  return null;
}
