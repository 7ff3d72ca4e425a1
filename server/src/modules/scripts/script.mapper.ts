import {
  validateScript,
  type ScriptResponse,
  type ScriptVersion,
  type ScriptVersionResponse,
} from '@recupera/shared';
import type { ScriptVersionRecord } from './script-version.entity';
import type { Script } from './script.entity';

export function toScriptVersion(row: ScriptVersionRecord): ScriptVersion {
  return {
    scriptId: row.scriptId,
    version: row.version,
    name: row.name,
    language: row.language,
    jurisdiction: row.jurisdiction,
    startStepId: row.startStepId,
    steps: row.steps,
  };
}

export function toScriptVersionResponse(row: ScriptVersionRecord): ScriptVersionResponse {
  return {
    id: row.id,
    scriptId: row.scriptId,
    version: row.version,
    status: row.status,
    name: row.name,
    language: row.language,
    jurisdiction: row.jurisdiction,
    startStepId: row.startStepId,
    steps: row.steps,
    problems: validateScript(toScriptVersion(row)),
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toScriptResponse(script: Script, versions: ScriptVersionRecord[]): ScriptResponse {
  return {
    id: script.id,
    name: script.name,
    versions: versions.filter((v) => v.scriptId === script.id).map(toScriptVersionResponse),
  };
}
