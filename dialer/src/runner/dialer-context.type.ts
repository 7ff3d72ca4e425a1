import type { Carrier } from '../carriers/carrier.type';
import type { AgentPoolStore } from '../live/agent-pool.store';
import type { CampaignLiveStore } from '../live/campaign-live.store';
import type {
  DialerClock,
  DialerEventsPort,
  DialerJobsPort,
  DialerLimits,
  DialerStorePort,
} from './dialer-ports.type';

/** What every part of the live dialer works with. */
export interface DialerContext {
  store: DialerStorePort;
  live: CampaignLiveStore;
  agents: AgentPoolStore;
  carrier: Carrier;
  events: DialerEventsPort;
  jobs: DialerJobsPort;
  clock: DialerClock;
  limits: DialerLimits;
}
