import type { CallView, PreviewView } from '@recupera/shared';
import { controlsOf } from '../live/campaign-live.store';
import type { DialerContext } from './dialer-context.type';

/** The call as the agent sees it: what the database holds, with the live switches from Redis. */
export async function liveCallView(ctx: DialerContext, callId: string): Promise<CallView | null> {
  const [stored, live] = await Promise.all([ctx.store.callView(callId), ctx.live.getCall(callId)]);
  return stored ? { ...stored, controls: controlsOf(live) } : null;
}

/** A previewed account: the screen pop before anything rings. */
export async function previewView(
  ctx: DialerContext,
  callId: string,
  offeredAt: Date,
): Promise<PreviewView | null> {
  const stored = await ctx.store.callView(callId);
  if (!stored) return null;
  const { connectedAt: _connectedAt, ...rest } = stored;
  return { ...rest, offeredAt: offeredAt.toISOString() };
}
