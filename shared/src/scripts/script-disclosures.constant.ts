import type { Jurisdiction } from '../domain/jurisdictions.constant';
import type { ScriptFieldPath } from './script-fields.constant';

export const DISCLOSURE_IDS = ['agency', 'creditor', 'contract', 'amount'] as const;
export type DisclosureId = (typeof DISCLOSURE_IDS)[number];

/**
 * Something a script must say in a required step. It counts as said when a required step's text
 * or question names one of `fields`; "at first contact" is checked as: said on every path from the
 * start to any step that offers an agreement (validateScript).
 */
export interface RequiredDisclosure {
  id: DisclosureId;
  fields: readonly ScriptFieldPath[];
  source: string;
}

const CONDUSEF = 'MX — CONDUSEF rules for despachos de cobranza (2014), DESIGN.md §5.1';

/**
 * Defaults per jurisdiction (DESIGN.md §5.1). Only Mexico's rules are about what the call says:
 * identify the agency, the creditor, the contract and the amount at first contact. The CO, CL,
 * EC and PE rules govern when, how often, through which channel and to whom (only the debtor,
 * co-debtor or guarantor), which the compliance profile enforces before the attempt, not the
 * script. The US mini-Miranda (FDCPA §1692e(11)) is a fixed sentence, not a field, and §5.1 does
 * not list it, so it is not checked here. Like every compliance number, an admin may replace these:
 * validateScript takes the list as an option.
 */
const REQUIRED_DISCLOSURES: Readonly<Record<Jurisdiction, readonly RequiredDisclosure[]>> = {
  MX: [
    { id: 'agency', fields: ['agency.name'], source: CONDUSEF },
    { id: 'creditor', fields: ['client.name'], source: CONDUSEF },
    { id: 'contract', fields: ['account.number'], source: CONDUSEF },
    { id: 'amount', fields: ['account.balance'], source: CONDUSEF },
  ],
  CO: [],
  CL: [],
  EC: [],
  PE: [],
  US: [],
};

export function requiredDisclosures(jurisdiction: Jurisdiction): readonly RequiredDisclosure[] {
  return REQUIRED_DISCLOSURES[jurisdiction];
}
