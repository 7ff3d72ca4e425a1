import { EXAMPLE_SCRIPT_CONTEXT } from '../scripts/default-script.constant';
import { messageTemplateProblems, renderMessage } from './message-template.util';

describe(messageTemplateProblems.name, () => {
  it('accepts catalogue fields, installment fields included', () => {
    expect(
      messageTemplateProblems(
        'Hola {{debtor.firstName}}, su cuota {{installment.number}} de {{installment.amount | money}} vence el {{installment.dueDate | date}}.',
      ),
    ).toEqual([]);
  });

  it('names an unknown field, in English or Spanish', () => {
    expect(messageTemplateProblems('Hola {{debtor.nickname}}')).toEqual([
      'there is no field "debtor.nickname"',
    ]);
    expect(messageTemplateProblems('Hola {{debtor.nickname}}', 'es')).toEqual([
      'el campo "debtor.nickname" no existe',
    ]);
  });

  it('refuses agent fields, which an automatic message has no value for, and an empty text', () => {
    expect(messageTemplateProblems('Le escribe {{agent.firstName}}')).toEqual([
      'the field "agent.firstName" is not available in an automatic message',
    ]);
    expect(messageTemplateProblems('   ')).toEqual(['the text is empty']);
  });
});

describe(renderMessage.name, () => {
  it('renders for the debtor in the template language and their country, with numbered variables', () => {
    const rendered = renderMessage(
      'Hola {{debtor.firstName}}: su cuota {{installment.number}} de {{installment.amount | money}} vence el {{installment.dueDate | date:long}}. {{debtor.firstName}}, gracias.',
      EXAMPLE_SCRIPT_CONTEXT,
      'es',
      'MX',
    );
    expect(rendered.body).toBe(
      'Hola María Fernanda: su cuota 2 de $2,500.00 vence el 25 de marzo de 2026. María Fernanda, gracias.',
    );
    // The repeated first name is one variable: the approved template has {{1}} … {{4}}.
    expect(rendered.variables).toEqual({
      '1': 'María Fernanda',
      '2': '2',
      '3': '$2,500.00',
      '4': '25 de marzo de 2026',
    });
  });

  it('shows a placeholder, never "undefined", for an installment field outside a reminder', () => {
    const { installment: _, ...withoutInstallment } = EXAMPLE_SCRIPT_CONTEXT;
    const rendered = renderMessage('Cuota {{installment.number}}', withoutInstallment, 'es', 'MX');
    expect(rendered.body).toBe('Cuota —');
  });
});
