import type { CountryCode } from 'libphonenumber-js';

export const JURISDICTIONS = ['CO', 'MX', 'CL', 'EC', 'PE', 'US'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export interface JurisdictionDefaults {
  timeZone: string;
  currency: string;
  phoneRegion: CountryCode;
}

export const JURISDICTION_DEFAULTS: Readonly<Record<Jurisdiction, JurisdictionDefaults>> = {
  CO: { timeZone: 'America/Bogota', currency: 'COP', phoneRegion: 'CO' },
  MX: { timeZone: 'America/Mexico_City', currency: 'MXN', phoneRegion: 'MX' },
  CL: { timeZone: 'America/Santiago', currency: 'CLP', phoneRegion: 'CL' },
  EC: { timeZone: 'America/Guayaquil', currency: 'USD', phoneRegion: 'EC' },
  PE: { timeZone: 'America/Lima', currency: 'PEN', phoneRegion: 'PE' },
  US: { timeZone: 'America/New_York', currency: 'USD', phoneRegion: 'US' },
};

export function isJurisdiction(value: unknown): value is Jurisdiction {
  return typeof value === 'string' && (JURISDICTIONS as readonly string[]).includes(value);
}

const knownZones = new Map<string, boolean>();

/** Asking Intl is slow (a formatter per call), and an import asks once per row: remember the answers. */
export function isValidTimeZone(zone: string): boolean {
  let valid = knownZones.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    if (knownZones.size < 1000) knownZones.set(zone, valid);
  }
  return valid;
}
