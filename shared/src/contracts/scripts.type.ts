import type { Jurisdiction } from '../domain/jurisdictions.constant';
import type { RenderedScript } from '../scripts/script-render.util';
import type { ScriptProblem } from '../scripts/script-validation.util';
import type { ScriptStep } from '../scripts/script.type';
import type { Locale } from './auth.type';

export const SCRIPT_VERSION_STATUSES = ['draft', 'published'] as const;
export type ScriptVersionStatus = (typeof SCRIPT_VERSION_STATUSES)[number];

/** POST /scripts (a new script and its first draft) and PUT /scripts/:id/draft (the working draft). */
export interface ScriptDraftRequest {
  name: string;
  language: Locale;
  jurisdiction: Jurisdiction | null;
  startStepId: string;
  steps: ScriptStep[];
}

export interface ScriptVersionResponse {
  id: string;
  scriptId: string;
  version: number;
  status: ScriptVersionStatus;
  name: string;
  language: Locale;
  jurisdiction: Jurisdiction | null;
  startStepId: string;
  steps: ScriptStep[];
  /** What validateScript finds now; a draft with errors can be saved but not published. */
  problems: ScriptProblem[];
  publishedAt: string | null;
  createdAt: string;
}

export interface ScriptResponse {
  id: string;
  name: string;
  versions: ScriptVersionResponse[];
}

/** POST /scripts/versions/:id/preview — the version rendered for one account the caller may see. */
export interface ScriptPreviewRequest {
  accountId: string;
}

/** Pushed to the agent when a call connects: the campaign's script filled with the debtor's data. */
export interface ScriptPushed {
  callId: string;
  versionId: string;
  script: RenderedScript;
  /** ISO instant the server pushed it (delivery latency is measured against it). */
  pushedAt: string;
}

/** The agent's progress through the pushed script, one step at a time. */
export interface ScriptStepRecord {
  callId: string;
  stepId: string;
  completed: boolean;
  answerId?: string;
}
