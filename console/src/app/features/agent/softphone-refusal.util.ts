import { CALLBACK_MAX_DAYS, ComplianceError, ErrorCode, WrapUpError, assertNever } from '@recupera/shared';
import { errorMessageKey } from '../../core/http/api-error.util';
import type { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages-es.constant';

/** A request the server refused: its code and its message (which may name a coded reason). */
export interface Refusal {
  code: ErrorCode;
  message: string;
}

export interface SoftphoneError {
  /** The console's own words for the refusal, in the agent's language. */
  headline: string;
  /** The reason: translated when the server coded it, the server's words otherwise. */
  detail: string;
}

/** Why the dialer refused a dial besides the contact gate's own reasons. */
const DIAL_REFUSALS = ['abandoned_block', 'line_busy', 'campaign_not_running'] as const;
type DialRefusal = (typeof DIAL_REFUSALS)[number];

const WRAP_UP_ERRORS = new Set<string>(Object.values(WrapUpError));
const COMPLIANCE_ERRORS = new Set<string>(Object.values(ComplianceError));
const DIAL_REFUSAL_SET = new Set<string>(DIAL_REFUSALS);

function isWrapUpError(message: string): message is WrapUpError {
  return WRAP_UP_ERRORS.has(message);
}

function isComplianceError(message: string): message is ComplianceError {
  return COMPLIANCE_ERRORS.has(message);
}

function isDialRefusal(message: string): message is DialRefusal {
  return DIAL_REFUSAL_SET.has(message);
}

function refusalKey(code: ErrorCode): MessageKey {
  if (code === ErrorCode.Conflict) return 'softphone.refused.conflict';
  if (code === ErrorCode.ServiceUnavailable) return 'softphone.refused.unavailable';
  return errorMessageKey(code);
}

/** A refused wrap-up names the rule it broke by its code: say it in the agent's words. */
function wrapUpRefusalKey(error: WrapUpError): MessageKey {
  switch (error) {
    case WrapUpError.UnknownDisposition:
      return 'softphone.wrapUp.refused.unknown_disposition';
    case WrapUpError.CallbackRequired:
      return 'softphone.wrapUp.refused.callback_required';
    case WrapUpError.CallbackOutOfRange:
      return 'softphone.wrapUp.refused.callback_out_of_range';
    case WrapUpError.AgreementRequired:
      return 'softphone.wrapUp.refused.agreement_required';
    default:
      return assertNever(error);
  }
}

function dialRefusalKey(refusal: DialRefusal): MessageKey {
  switch (refusal) {
    case 'abandoned_block':
      return 'softphone.dialRefused.abandoned_block';
    case 'line_busy':
      return 'softphone.dialRefused.line_busy';
    case 'campaign_not_running':
      return 'softphone.dialRefused.campaign_not_running';
    default:
      return assertNever(refusal);
  }
}

/**
 * The words for a refused request. A dial (manual or from a preview) refused by the contact gate
 * names the gate's reason, shown as the compliance pages show it; a refused wrap-up names the rule.
 */
export function refusalText(refusal: Refusal, i18n: Pick<I18nService, 't' | 'label'>): SoftphoneError {
  const { message } = refusal;
  if (isComplianceError(message))
    return {
      headline: i18n.t('softphone.dialRefused.title'),
      detail: i18n.label('complianceReason', message),
    };
  if (isDialRefusal(message))
    return { headline: i18n.t('softphone.dialRefused.title'), detail: i18n.t(dialRefusalKey(message)) };
  const detail = isWrapUpError(message)
    ? i18n.t(wrapUpRefusalKey(message), { days: CALLBACK_MAX_DAYS })
    : message;
  return { headline: i18n.t(refusalKey(refusal.code)), detail };
}
