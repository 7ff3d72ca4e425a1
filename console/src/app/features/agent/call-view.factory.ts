import {
  NO_CALL_CONTROLS,
  type CallView,
  type DispositionCategory,
  type DispositionOption,
  type PreviewView,
} from '@recupera/shared';

function disposition(
  code: string,
  labelEs: string,
  labelEn: string,
  category: DispositionCategory,
): DispositionOption {
  const contact = category !== 'no_contact';
  return {
    id: `d-${code}`,
    code,
    labelEs,
    labelEn,
    category,
    isContact: contact,
    isRpc: contact && category !== 'third_party' && category !== 'wrong_number' && category !== 'deceased',
    isPromise: category === 'promise',
  };
}

/** A campaign's disposition set as the demo seeds it, in the server's order (category, code). */
export const DISPOSITIONS: DispositionOption[] = [
  disposition('VLL', 'Volver a llamar', 'Call back', 'callback'),
  disposition('FAL', 'Titular fallecido', 'Deceased', 'deceased'),
  disposition('DIS', 'Disputa', 'Dispute', 'dispute'),
  disposition('NC', 'Sin contacto', 'No contact', 'no_contact'),
  disposition('PTP', 'Promesa de pago', 'Promise to pay', 'promise'),
  disposition('NEG', 'Negativa de pago', 'Refuses to pay', 'refusal'),
  disposition('RPC', 'Contacto con titular', 'Right-party contact', 'rpc'),
  disposition('TER', 'Contacto con tercero', 'Third party', 'third_party'),
  disposition('NE', 'Número errado', 'Wrong number', 'wrong_number'),
];

/** A call bridged to the agent: a Mexican card debtor owing 12,500.50 MXN. */
export function callView(patch: Partial<CallView> = {}): CallView {
  return {
    callId: 'call-1',
    campaignId: 'cmp-1',
    campaignName: 'Tarjetas temprana',
    accountId: 'acc-1',
    accountNumber: '100234',
    debtorName: 'María López',
    phone: '+525512345678',
    balanceMinor: 1_250_050,
    currency: 'MXN',
    daysPastDue: 47,
    connectedAt: new Date().toISOString(),
    dispositions: DISPOSITIONS,
    wrapUpLimitSeconds: null,
    controls: NO_CALL_CONTROLS,
    ...patch,
  };
}

/** The same account offered in preview mode, before anything rings. */
export function previewView(patch: Partial<PreviewView> = {}): PreviewView {
  const { connectedAt: _connectedAt, controls: _controls, ...call } = callView();
  return { ...call, offeredAt: new Date().toISOString(), ...patch };
}
