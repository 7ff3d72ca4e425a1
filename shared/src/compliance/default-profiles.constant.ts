import type { Channel } from '../domain/enums.constant';
import type { Jurisdiction } from '../domain/jurisdictions.constant';
import type {
  ComplianceProfile,
  ContactParty,
  ContactWindow,
  FrequencyCap,
  WeeklyWindows,
} from './compliance-profile.type';

/*
 * The profiles shipped by default (DESIGN.md §5.1): summaries of public rules, which an admin can
 * edit number by number. Rules that are not about whether to attempt now (caller id, disclosures,
 * written agreements, logs) live with the features that own them, not here.
 */

const ALL_CHANNELS: readonly Channel[] = ['voice', 'sms', 'whatsapp', 'webchat', 'email'];
const NON_VOICE_CHANNELS: readonly Channel[] = ['sms', 'whatsapp', 'webchat', 'email'];

// Debtor, co-debtor and guarantor are parties to the obligation; personal references never are.
const OBLIGATED_PARTIES: readonly ContactParty[] = ['debtor', 'co_debtor', 'guarantor'];

const NO_LIMITS: Omit<FrequencyCap, 'channels'> = {
  maxAttemptsPerDay: null,
  maxAttemptsPerWeek: null,
  maxContactsPerDay: null,
  maxContactsPerWeek: null,
  minGapMinutes: null,
  minDaysApart: null,
  uncountedOutcomes: [],
};

function window(from: string, to: string): readonly ContactWindow[] {
  return [{ from, to }];
}

function weekdaysOnly(from: string, to: string): WeeklyWindows {
  const day = window(from, to);
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] };
}

function everyDay(from: string, to: string): WeeklyWindows {
  const day = window(from, to);
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day };
}

/**
 * Colombia — Ley 2300 de 2023 ("dejen de fregar"): contact only through channels the consumer
 * authorised; Monday–Friday 07:00–19:00 and Saturday 08:00–15:00, never on Sundays or holidays; once
 * there was direct contact, at most one contact a day and not through several channels in the same
 * week; never personal references (co-debtors and guarantors are protected alike). The law says "la
 * misma semana", so the week is the calendar week, Monday to Sunday.
 */
const CO: ComplianceProfile = {
  jurisdiction: 'CO',
  source: 'Ley 2300 de 2023 (Colombia)',
  windows: {
    ...weekdaysOnly('07:00', '19:00'),
    sat: window('08:00', '15:00'),
  },
  honourHolidays: true,
  week: 'calendar_week',
  frequencyScope: 'debtor',
  caps: [{ ...NO_LIMITS, channels: ALL_CHANNELS, maxContactsPerDay: 1 }],
  coolDownAfterContact: null,
  abandonedBlockHours: 72,
  channelMixAfterContact: true,
  consentRequired: ALL_CHANNELS,
  allowedParties: OBLIGATED_PARTIES,
  stopAfterLawsuitServed: false,
  stopAfterInsolvency: false,
};

/**
 * Mexico — CONDUSEF, Disposiciones de carácter general aplicables a las entidades financieras en
 * materia de despachos de cobranza (DOF 2014): contact between 07:00 and 22:00 of the debtor's place,
 * any day (the rule names no rest days, so holidays stay open unless an admin closes them); only the
 * debtor, avales and obligados solidarios, never references. No frequency limit.
 */
const MX: ComplianceProfile = {
  jurisdiction: 'MX',
  source: 'CONDUSEF, disposiciones para despachos de cobranza (DOF 2014, México)',
  windows: everyDay('07:00', '22:00'),
  honourHolidays: false,
  week: 'rolling_7_days',
  frequencyScope: 'debtor',
  caps: [],
  coolDownAfterContact: null,
  abandonedBlockHours: 72,
  channelMixAfterContact: false,
  consentRequired: [],
  allowedParties: OBLIGATED_PARTIES,
  stopAfterLawsuitServed: false,
  stopAfterInsolvency: false,
};

/**
 * Chile — Ley 21.320 de 2021, amending art. 37 of Ley 19.496: working days and hours of art. 59 of
 * the Código de Procedimiento Civil (Monday–Saturday 08:00–20:00, not on holidays); at most one phone
 * contact or visit per week; other means (letters, SMS, e-mail, messaging) at most twice a week and
 * at least two days apart; stop once the debtor is served with a collection lawsuit or an insolvency
 * procedure starts. The law says "por semana" without naming the week, so it is counted as any 7
 * consecutive days: then no calendar week can exceed it either, and a Saturday call followed by a
 * Monday call — two calls in three days — cannot happen. "Contacto telefónico" is counted as every
 * call placed, answered or not, the reading that cannot be faulted.
 */
const CL: ComplianceProfile = {
  jurisdiction: 'CL',
  source: 'Ley 21.320 de 2021, art. 37 Ley 19.496 (Chile)',
  windows: { ...everyDay('08:00', '20:00'), sun: [] },
  honourHolidays: true,
  week: 'rolling_7_days',
  frequencyScope: 'debtor',
  caps: [
    { ...NO_LIMITS, channels: ['voice'], maxAttemptsPerWeek: 1 },
    { ...NO_LIMITS, channels: NON_VOICE_CHANNELS, maxAttemptsPerWeek: 2, minDaysApart: 2 },
  ],
  coolDownAfterContact: null,
  abandonedBlockHours: 72,
  channelMixAfterContact: false,
  consentRequired: [],
  allowedParties: OBLIGATED_PARTIES,
  stopAfterLawsuitServed: true,
  stopAfterInsolvency: true,
};

/**
 * Ecuador — art. 49 of the Ley Orgánica de Defensa del Consumidor as reformed in 2022: Monday–Friday
 * 07:00–20:00, not on weekends or holidays; at most one collection action a day per channel; only the
 * debtor, co-debtor or guarantor.
 */
const EC: ComplianceProfile = {
  jurisdiction: 'EC',
  source: 'Ley Orgánica de Defensa del Consumidor, art. 49 (reforma 2022, Ecuador)',
  windows: weekdaysOnly('07:00', '20:00'),
  honourHolidays: true,
  week: 'rolling_7_days',
  frequencyScope: 'debtor',
  caps: ALL_CHANNELS.map((channel) => ({ ...NO_LIMITS, channels: [channel], maxAttemptsPerDay: 1 })),
  coolDownAfterContact: null,
  abandonedBlockHours: 72,
  channelMixAfterContact: false,
  consentRequired: [],
  allowedParties: OBLIGATED_PARTIES,
  stopAfterLawsuitServed: false,
  stopAfterInsolvency: false,
};

/**
 * Peru — Ley 29571, Código de Protección y Defensa del Consumidor, art. 62: no visits or calls
 * between 20:00 and 07:00, nor on Saturdays, Sundays or holidays. No frequency limit.
 */
const PE: ComplianceProfile = {
  jurisdiction: 'PE',
  source: 'Ley 29571, Código de Protección y Defensa del Consumidor, art. 62 (Perú)',
  windows: weekdaysOnly('07:00', '20:00'),
  honourHolidays: true,
  week: 'rolling_7_days',
  frequencyScope: 'debtor',
  caps: [],
  coolDownAfterContact: null,
  abandonedBlockHours: 72,
  channelMixAfterContact: false,
  consentRequired: [],
  allowedParties: OBLIGATED_PARTIES,
  stopAfterLawsuitServed: false,
  stopAfterInsolvency: false,
};

/**
 * United States — FDCPA 15 U.S.C. 1692c(a)(1) and Regulation F, 12 CFR 1006.6(b)(1)(i) and
 * 1006.14(b): no communication before 08:00 or after 21:00 at the consumer's location, any day;
 * more than seven telephone calls within seven consecutive days per debt, or a call within seven
 * days after a telephone conversation about the debt (the conversation's date is day 1), is presumed
 * a violation. Calls not connected to the dialed number (busy, not in service) are not counted, per
 * 1006.14(b)(3)(ii); unanswered calls and voicemail are. Texts and e-mails are outside the 7-in-7
 * count. TCPA consent for autodialed calls and texts to mobiles is not encoded: an admin who needs it
 * adds 'voice' and 'sms' to consentRequired.
 */
const US: ComplianceProfile = {
  jurisdiction: 'US',
  source: 'FDCPA 15 U.S.C. 1692c(a)(1); Regulation F 12 CFR 1006.6(b), 1006.14(b)',
  windows: everyDay('08:00', '21:00'),
  honourHolidays: false,
  week: 'rolling_7_days',
  frequencyScope: 'debt',
  caps: [{ ...NO_LIMITS, channels: ['voice'], maxAttemptsPerWeek: 7, uncountedOutcomes: ['busy', 'failed'] }],
  coolDownAfterContact: { days: 7, triggeredBy: ['voice'], blocks: ['voice'] },
  abandonedBlockHours: 72,
  channelMixAfterContact: false,
  consentRequired: [],
  allowedParties: OBLIGATED_PARTIES,
  stopAfterLawsuitServed: false,
  stopAfterInsolvency: false,
};

export const DEFAULT_COMPLIANCE_PROFILES: Readonly<Record<Jurisdiction, ComplianceProfile>> = {
  CO,
  MX,
  CL,
  EC,
  PE,
  US,
};
