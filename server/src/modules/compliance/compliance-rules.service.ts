import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  DEFAULT_COMPLIANCE_PROFILES,
  JURISDICTIONS,
  PUBLIC_HOLIDAYS,
  type ComplianceProfile,
  type IsoDate,
  type Jurisdiction,
} from '@recupera/shared';
import { ComplianceRulesRepository } from './compliance-rules.repository';

interface RulesSnapshot {
  profiles: ReadonlyMap<string, ComplianceProfile>;
  holidays: ReadonlyMap<string, ReadonlySet<IsoDate>>;
}

/*
 * Edits on this instance invalidate at once; the time limit bounds how long another server instance
 * (or the dialer running in one) keeps applying a profile or holiday list an admin changed elsewhere.
 */
const SNAPSHOT_TTL_MS = 60_000;
const NO_HOLIDAYS: ReadonlySet<IsoDate> = new Set();

/**
 * Profiles and holidays as the gate reads them on every attempt: a few hundred rows in all, held in
 * memory so a check costs no query for them. Also puts the shipped defaults in place at start-up.
 */
@Injectable()
export class ComplianceRulesService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Compliance');
  private snapshot: Promise<RulesSnapshot> | null = null;
  private loadStartedAt = 0;

  constructor(private readonly repository: ComplianceRulesRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    const added = await this.seedDefaults();
    if (added.profiles > 0 || added.holidays > 0) {
      this.logger.log(
        `Added default compliance data: ${added.profiles} profile(s), ${added.holidays} holiday(s)`,
      );
    }
  }

  /**
   * Inserts every default profile and holiday that has no row yet. Never updates: an edited profile,
   * and a holiday an admin removed (its row stays, marked removed), are left exactly as they are.
   */
  async seedDefaults(): Promise<{ profiles: number; holidays: number }> {
    const profiles = await this.repository.insertMissingProfiles(
      JURISDICTIONS.map((code) => ({ code, definition: DEFAULT_COMPLIANCE_PROFILES[code] })),
    );
    const holidays = await this.repository.insertMissingHolidays(
      JURISDICTIONS.flatMap((country) =>
        Object.values(PUBLIC_HOLIDAYS[country])
          .flat()
          .map((date) => ({ country, date })),
      ),
    );
    if (profiles > 0 || holidays > 0) this.invalidate();
    return { profiles, holidays };
  }

  async profile(code: string): Promise<ComplianceProfile | null> {
    return (await this.current()).profiles.get(code) ?? null;
  }

  async holidaysOf(country: string): Promise<ReadonlySet<IsoDate>> {
    return (await this.current()).holidays.get(country) ?? NO_HOLIDAYS;
  }

  /** Called after every edit, so this instance applies it from the next check on. */
  invalidate(): void {
    this.snapshot = null;
  }

  private current(): Promise<RulesSnapshot> {
    if (!this.snapshot || Date.now() - this.loadStartedAt >= SNAPSHOT_TTL_MS) {
      // One load shared by every check that arrives while it runs; a failed load is not kept.
      const loading = this.load();
      this.snapshot = loading;
      this.loadStartedAt = Date.now();
      loading.catch(() => {
        if (this.snapshot === loading) this.snapshot = null;
      });
    }
    return this.snapshot;
  }

  private async load(): Promise<RulesSnapshot> {
    const [profiles, holidays] = await Promise.all([
      this.repository.listProfiles(),
      this.repository.listHolidays({}),
    ]);
    const byCountry = new Map<Jurisdiction, Set<IsoDate>>();
    for (const holiday of holidays) {
      let dates = byCountry.get(holiday.country);
      if (!dates) byCountry.set(holiday.country, (dates = new Set()));
      dates.add(holiday.date);
    }
    return {
      // Each load builds new profile objects, so the gate compiles an edited profile afresh.
      profiles: new Map(profiles.map((row) => [row.code, row.definition])),
      holidays: byCountry,
    };
  }
}
