import { EXAMPLE_SCRIPT_CONTEXT, messageTemplateProblems, renderMessage } from '@recupera/shared';
import { DEFAULT_MESSAGE_TEMPLATES } from './default-message-templates.constant';

describe('DEFAULT_MESSAGE_TEMPLATES', () => {
  it('has a valid SMS and WhatsApp template for each purpose reminders and campaigns use', () => {
    for (const template of DEFAULT_MESSAGE_TEMPLATES)
      expect(messageTemplateProblems(template.body)).toEqual([]);
    const pairs = DEFAULT_MESSAGE_TEMPLATES.map((t) => `${t.purpose}/${t.channel}`).sort();
    expect(pairs).toEqual([
      'broken_promise/sms',
      'broken_promise/whatsapp',
      'installment_reminder/sms',
      'installment_reminder/whatsapp',
      'preventive/sms',
      'preventive/whatsapp',
    ]);
  });

  it('renders every field for a reminder, with the opt-out keyword', () => {
    for (const template of DEFAULT_MESSAGE_TEMPLATES) {
      const { body } = renderMessage(template.body, EXAMPLE_SCRIPT_CONTEXT, 'es', 'MX');
      expect(body).not.toContain('—');
      expect(body).toContain('Responda BAJA');
    }
  });
});
