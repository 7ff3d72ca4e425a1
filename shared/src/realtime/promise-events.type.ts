import type { AgreementBrokenNotice } from '../contracts/promises.type';

/**
 * Promise events, sent to the agent who made the agreement (`/agent`, numbered like every agent
 * event) and to the supervisors of its team (`/supervisor`).
 */
export interface PromiseEventPayloads {
  'agreement.broken': AgreementBrokenNotice;
}
