import type { Locale } from '../contracts/auth.type';
import { MESSAGE_BODY_MAX } from '../chat/message-media.util';
import type { Jurisdiction } from '../domain/jurisdictions.constant';
import { describeScriptProblem } from '../scripts/script-problem-messages.util';
import { renderTemplate, scriptLocale, toPlainText } from '../scripts/script-render.util';
import { parseTemplate, type ParsedTemplate, type TemplateToken } from '../scripts/script-template.util';
import type { ScriptContext } from '../scripts/script.type';

/** An approved WhatsApp template's content SID at Twilio. */
export const WHATSAPP_CONTENT_SID = /^HX[0-9a-fA-F]{32}$/;

/**
 * Why a message template cannot be saved, worded for people (the API's 400 lists them). Fields are
 * those of the script catalogue; agent fields are refused because campaigns and reminders are sent
 * by no agent, and would show a placeholder where a name was meant.
 */
export function messageTemplateProblems(body: string, locale: Locale = 'en'): string[] {
  const parsed = parseTemplate(body);
  const problems = parsed.errors.map((error) =>
    describeScriptProblem({ code: error.code, params: error.params, stepId: null }, locale),
  );
  for (const field of parsed.fields)
    if (field.startsWith('agent.'))
      problems.push(
        locale === 'es'
          ? `el campo "${field}" no está disponible en un mensaje automático`
          : `the field "${field}" is not available in an automatic message`,
      );
  if (body.trim().length === 0) problems.push(locale === 'es' ? 'el texto está vacío' : 'the text is empty');
  return problems;
}

export interface RenderedMessage {
  /** The message as the debtor reads it. */
  body: string;
  /**
   * The fields' values for an approved WhatsApp template, keyed "1", "2"… in order of first use:
   * the template approved at WhatsApp writes {{1}} where ours writes its first field, and so on.
   */
  variables: Record<string, string>;
}

/** Renders a message template for one account, in the language of the template and the debtor's country. */
export function renderMessage(
  template: string | ParsedTemplate,
  context: ScriptContext,
  language: Locale,
  jurisdiction: Jurisdiction | null,
): RenderedMessage {
  const parsed = typeof template === 'string' ? parseTemplate(template) : template;
  const locale = scriptLocale(language, jurisdiction);
  const body = toPlainText(renderTemplate(parsed, context, locale))
    .trim()
    .slice(0, MESSAGE_BODY_MAX);
  const variables: Record<string, string> = {};
  const seen = new Map<string, string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'field') continue;
    const key = fieldKey(token);
    if (seen.has(key)) continue;
    const name = String(seen.size + 1);
    seen.set(key, name);
    variables[name] = toPlainText(
      renderTemplate({ tokens: [token], errors: [], fields: [] }, context, locale),
    );
  }
  return { body, variables };
}

/** The same field with the same formatters is one variable, however often the text repeats it. */
function fieldKey(token: Extract<TemplateToken, { kind: 'field' }>): string {
  return JSON.stringify([token.path, token.formatters]);
}
