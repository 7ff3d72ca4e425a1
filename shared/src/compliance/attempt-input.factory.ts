import type { CallOutcome, Channel, Direction } from '../domain/enums.constant';
import { JURISDICTION_DEFAULTS, type Jurisdiction } from '../domain/jurisdictions.constant';
import type { ComplianceProfile } from './compliance-profile.type';
import type { AttemptInput, ContactPointState, InconvenientTime, PastAttempt } from './contact-gate.type';
import { DEFAULT_COMPLIANCE_PROFILES } from './default-profiles.constant';
import { defaultHolidaysOf } from './holidays.constant';

interface PastAttemptOptions {
  channel?: Channel;
  outcome?: CallOutcome;
  rightPartyContact?: boolean;
  contactPointId?: string;
  direction?: Direction;
}

/**
 * Builds gate inputs for tests: a debtor of the jurisdiction in its default zone, with the default
 * profile and holidays, a valid contact point 'cp-1' with consent on every channel, no history.
 * `AttemptInputFactory.in('CO').on('sms').attempted('2026-03-09T15:00:00Z').build()`.
 */
export class AttemptInputFactory {
  private constructor(private readonly input: AttemptInput) {}

  static in(jurisdiction: Jurisdiction): AttemptInputFactory {
    return new AttemptInputFactory({
      profile: DEFAULT_COMPLIANCE_PROFILES[jurisdiction],
      timeZone: JURISDICTION_DEFAULTS[jurisdiction].timeZone,
      holidays: defaultHolidaysOf(jurisdiction),
      channel: 'voice',
      contactPoint: {
        id: 'cp-1',
        valid: true,
        doNotContact: false,
        consent: {
          voice: 'granted',
          sms: 'granted',
          whatsapp: 'granted',
          webchat: 'granted',
          email: 'granted',
        },
      },
      history: [],
      legal: { lawsuitServed: false },
    });
  }

  private with(changes: Partial<AttemptInput>): AttemptInputFactory {
    return new AttemptInputFactory({ ...this.input, ...changes });
  }

  on(channel: Channel): AttemptInputFactory {
    return this.with({ channel });
  }

  inZone(timeZone: string): AttemptInputFactory {
    return this.with({ timeZone });
  }

  withProfile(edit: (profile: ComplianceProfile) => ComplianceProfile): AttemptInputFactory {
    return this.with({ profile: edit(this.input.profile) });
  }

  withContactPoint(changes: Partial<ContactPointState>): AttemptInputFactory {
    return this.with({ contactPoint: { ...this.input.contactPoint, ...changes } });
  }

  /** An earlier no-answer attempt on the current channel and contact point, unless told otherwise. */
  attempted(at: string, options: PastAttemptOptions = {}): AttemptInputFactory {
    const attempt: PastAttempt = {
      at: new Date(at),
      channel: options.channel ?? this.input.channel,
      contactPointId: options.contactPointId ?? this.input.contactPoint.id,
      outcome: options.outcome ?? 'no_answer',
      rightPartyContact: options.rightPartyContact ?? false,
      direction: options.direction ?? 'outbound',
    };
    return this.with({ history: [...this.input.history, attempt] });
  }

  /** An earlier conversation with the debtor (right-party contact), on our call unless told otherwise. */
  talked(at: string, channel: Channel = 'voice', direction: Direction = 'outbound'): AttemptInputFactory {
    return this.attempted(at, { channel, outcome: 'human', rightPartyContact: true, direction });
  }

  lawsuitServed(): AttemptInputFactory {
    return this.with({ legal: { ...this.input.legal, lawsuitServed: true } });
  }

  inconvenientAt(...times: InconvenientTime[]): AttemptInputFactory {
    return this.with({ inconvenientTimes: times });
  }

  build(): AttemptInput {
    return this.input;
  }
}
