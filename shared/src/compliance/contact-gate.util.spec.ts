import { AttemptInputFactory } from './attempt-input.factory';
import { ComplianceError } from './compliance-errors.constant';
import type { FrequencyCap } from './compliance-profile.type';
import type { AttemptInput } from './contact-gate.type';
import { evaluateAttempt, nextAllowedInstant } from './contact-gate.util';

/*
 * Instants are written in UTC with the debtor's wall clock beside them. 2026: 1 March is a Sunday;
 * Bogotá, Lima and Guayaquil are UTC−5 all year, Mexico City UTC−6 (no DST since 2022), Santiago
 * UTC−3 until 5 April and from 6 September (UTC−4 between), New York UTC−5 until 8 March and from
 * 1 November (UTC−4 between).
 */

interface Outcome {
  allowed: boolean;
  reason?: ComplianceError;
  retryAt?: string;
}

function check(input: AttemptInput | AttemptInputFactory, now: string): Outcome {
  const built = input instanceof AttemptInputFactory ? input.build() : input;
  const verdict = evaluateAttempt(built, new Date(now));
  if (verdict.allowed) return { allowed: true };
  return verdict.retryAt
    ? { allowed: false, reason: verdict.reason, retryAt: verdict.retryAt.toISOString() }
    : { allowed: false, reason: verdict.reason };
}

const allowed: Outcome = { allowed: true };

function refused(reason: ComplianceError, retryAt?: string): Outcome {
  return retryAt ? { allowed: false, reason, retryAt } : { allowed: false, reason };
}

const NO_LIMITS: Omit<FrequencyCap, 'channels'> = {
  maxAttemptsPerDay: null,
  maxAttemptsPerWeek: null,
  maxContactsPerDay: null,
  maxContactsPerWeek: null,
  minGapMinutes: null,
  minDaysApart: null,
  uncountedOutcomes: [],
};

describe('evaluateAttempt', () => {
  describe('contact windows in Colombia (Mon–Fri 07:00–19:00, Sat 08:00–15:00)', () => {
    const co = AttemptInputFactory.in('CO');

    it('allows a call at 18:59 Bogotá time on a Friday', () => {
      expect(check(co, '2026-03-06T23:59:00Z')).toEqual(allowed);
    });

    it('refuses a call at 19:05 Bogotá time on a Friday and retries at Saturday 08:00', () => {
      expect(check(co, '2026-03-07T00:05:00Z')).toEqual(
        refused(ComplianceError.OutsideWindow, '2026-03-07T13:00:00.000Z'),
      );
    });

    it('refuses a call at 19:00 sharp, because a window closes at its end time', () => {
      expect(check(co, '2026-03-07T00:00:00Z')).toEqual(
        refused(ComplianceError.OutsideWindow, '2026-03-07T13:00:00.000Z'),
      );
    });

    it('refuses a call at 06:59 on a Monday and retries at 07:00', () => {
      expect(check(co, '2026-03-09T11:59:00Z')).toEqual(
        refused(ComplianceError.OutsideWindow, '2026-03-09T12:00:00.000Z'),
      );
    });

    it('allows 14:59 on a Saturday, refuses 15:00 and reopens Monday 07:00', () => {
      expect(check(co, '2026-03-07T19:59:00Z')).toEqual(allowed);
      expect(check(co, '2026-03-07T20:00:00Z')).toEqual(
        refused(ComplianceError.OutsideWindow, '2026-03-09T12:00:00.000Z'),
      );
    });

    it('refuses any contact on a Sunday and retries Monday 07:00', () => {
      expect(check(co.on('email'), '2026-03-08T15:00:00Z')).toEqual(
        refused(ComplianceError.NoWindowToday, '2026-03-09T12:00:00.000Z'),
      );
    });

    it('refuses a call on Reyes, moved by Ley Emiliani to Monday 12 January 2026', () => {
      expect(check(co, '2026-01-12T15:00:00Z')).toEqual(
        refused(ComplianceError.Holiday, '2026-01-13T12:00:00.000Z'),
      );
    });

    it('skips Jueves and Viernes Santo 2026 when looking for the next window', () => {
      // Wednesday 1 April 19:30 → Saturday 4 April 08:00.
      expect(check(co, '2026-04-02T00:30:00Z')).toEqual(
        refused(ComplianceError.OutsideWindow, '2026-04-04T13:00:00.000Z'),
      );
    });

    it('evaluates the window in the debtor zone, not the one the profile comes from', () => {
      // A Colombian profile for a debtor living in Madrid: 10:00 there is 09:00 UTC in March.
      const abroad = co.inZone('Europe/Madrid');
      expect(check(abroad, '2026-03-10T09:00:00Z')).toEqual(allowed);
      expect(check(abroad, '2026-03-10T05:30:00Z')).toEqual(
        refused(ComplianceError.OutsideWindow, '2026-03-10T06:00:00.000Z'),
      );
    });
  });

  describe('contact windows elsewhere', () => {
    it('allows a call at 10:00 on a Sunday and on a holiday in Mexico City', () => {
      const mx = AttemptInputFactory.in('MX');
      expect(check(mx, '2026-03-08T16:00:00Z')).toEqual(allowed);
      expect(check(mx, '2026-09-16T16:00:00Z')).toEqual(allowed);
    });

    it('refuses 06:30 in Mexico City and retries at 07:00 local, UTC−6 all year', () => {
      const mx = AttemptInputFactory.in('MX');
      expect(check(mx, '2026-07-08T12:30:00Z')).toEqual(
        refused(ComplianceError.OutsideWindow, '2026-07-08T13:00:00.000Z'),
      );
      expect(check(mx, '2026-03-10T04:00:00Z')).toEqual(
        refused(ComplianceError.OutsideWindow, '2026-03-10T13:00:00.000Z'),
      );
    });

    it('refuses Saturdays in Peru and skips Jueves and Viernes Santo', () => {
      const pe = AttemptInputFactory.in('PE');
      expect(check(pe, '2026-03-07T15:00:00Z')).toEqual(
        refused(ComplianceError.NoWindowToday, '2026-03-09T12:00:00.000Z'),
      );
      // Wednesday 1 April 20:00 Lima → Monday 6 April 07:00.
      expect(check(pe, '2026-04-02T01:00:00Z')).toEqual(
        refused(ComplianceError.OutsideWindow, '2026-04-06T12:00:00.000Z'),
      );
    });

    it('skips both days of Carnaval in Ecuador', () => {
      // Friday 13 February 20:00 Guayaquil → Wednesday 18 February 07:00.
      const ec = AttemptInputFactory.in('EC');
      expect(check(ec, '2026-02-14T01:00:00Z')).toEqual(
        refused(ComplianceError.OutsideWindow, '2026-02-18T12:00:00.000Z'),
      );
      expect(check(ec, '2026-02-16T15:00:00Z')).toEqual(
        refused(ComplianceError.Holiday, '2026-02-18T12:00:00.000Z'),
      );
    });
  });

  describe('Santiago across its clock changes (CL: Mon–Sat 08:00–20:00)', () => {
    const cl = AttemptInputFactory.in('CL');

    it('opens at 08:00 summer time (UTC−3) in March', () => {
      expect(check(cl, '2026-03-10T11:00:00Z')).toEqual(allowed);
      expect(check(cl, '2026-03-10T10:59:00Z')).toEqual(
        refused(ComplianceError.OutsideWindow, '2026-03-10T11:00:00.000Z'),
      );
    });

    it('opens at 08:00 winter time (UTC−4) after the clocks go back on 5 April', () => {
      expect(check(cl, '2026-04-07T11:30:00Z')).toEqual(
        refused(ComplianceError.OutsideWindow, '2026-04-07T12:00:00.000Z'),
      );
    });

    it('skips Viernes and Sábado Santo and Sunday, reopening in winter time', () => {
      // Thursday 2 April 20:00 (UTC−3) → Monday 6 April 08:00 (UTC−4).
      expect(check(cl, '2026-04-02T23:00:00Z')).toEqual(
        refused(ComplianceError.OutsideWindow, '2026-04-06T12:00:00.000Z'),
      );
    });

    it('reopens on Monday in summer time after the clocks go forward on Sunday 6 September', () => {
      // Saturday 5 September 20:30 (UTC−4) → Monday 7 September 08:00 (UTC−3).
      expect(check(cl, '2026-09-06T00:30:00Z')).toEqual(
        refused(ComplianceError.OutsideWindow, '2026-09-07T11:00:00.000Z'),
      );
    });

    it('skips Fiestas Patrias on 18 and 19 September', () => {
      // Thursday 17 September 20:00 → Monday 21 September 08:00.
      expect(check(cl, '2026-09-17T23:00:00Z')).toEqual(
        refused(ComplianceError.OutsideWindow, '2026-09-21T11:00:00.000Z'),
      );
    });
  });

  describe('New York across the 2026 clock changes (US: 08:00–21:00 every day)', () => {
    const us = AttemptInputFactory.in('US');

    it('refuses 07:30 EST on the Saturday before the change and retries at 08:00 EST', () => {
      expect(check(us, '2026-03-07T12:30:00Z')).toEqual(
        refused(ComplianceError.OutsideWindow, '2026-03-07T13:00:00.000Z'),
      );
    });

    it('allows 08:30 EDT on Sunday 8 March, an hour earlier in UTC than the day before', () => {
      expect(check(us, '2026-03-08T12:30:00Z')).toEqual(allowed);
    });

    it('retries a Saturday 21:00 EST call at Sunday 08:00 EDT', () => {
      expect(check(us, '2026-03-08T02:00:00Z')).toEqual(
        refused(ComplianceError.OutsideWindow, '2026-03-08T12:00:00.000Z'),
      );
    });

    it('retries a Saturday 21:30 EDT call at Sunday 08:00 EST when the clocks go back on 1 November', () => {
      expect(check(us, '2026-11-01T01:30:00Z')).toEqual(
        refused(ComplianceError.OutsideWindow, '2026-11-01T13:00:00.000Z'),
      );
      expect(check(us, '2026-11-01T12:30:00Z')).toEqual(
        refused(ComplianceError.OutsideWindow, '2026-11-01T13:00:00.000Z'),
      );
    });

    it('does not close on US federal holidays', () => {
      expect(check(us, '2026-11-26T15:00:00Z')).toEqual(allowed);
    });

    it("honours the debtor's inconvenient times inside the legal window", () => {
      const busyAtWork = us.inconvenientAt({
        weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
        from: '12:00',
        to: '14:00',
      });
      // Monday 9 March 12:30 EDT → 14:00 EDT.
      expect(check(busyAtWork, '2026-03-09T16:30:00Z')).toEqual(
        refused(ComplianceError.InconvenientTime, '2026-03-09T18:00:00.000Z'),
      );
      expect(check(busyAtWork, '2026-03-14T16:30:00Z')).toEqual(allowed);
    });
  });

  describe('daily and weekly caps', () => {
    it('refuses a second call the same day in Ecuador but allows an SMS', () => {
      // Tuesday 10 March: a call at 09:00, another asked for at 15:00 → Wednesday 07:00.
      const ec = AttemptInputFactory.in('EC').attempted('2026-03-10T14:00:00Z');
      expect(check(ec, '2026-03-10T20:00:00Z')).toEqual(
        refused(ComplianceError.DailyCap, '2026-03-11T12:00:00.000Z'),
      );
      expect(check(ec.on('sms'), '2026-03-10T20:00:00Z')).toEqual(allowed);
    });

    it('counts the day in the debtor calendar, not in UTC', () => {
      // 00:30 UTC on 10 March is 19:30 on Monday 9 in Guayaquil: 09:00 on Tuesday is a new day there.
      const ec = AttemptInputFactory.in('EC').attempted('2026-03-10T00:30:00Z');
      expect(check(ec, '2026-03-10T14:00:00Z')).toEqual(allowed);
    });

    it('refuses an eighth call within seven consecutive days under Reg F', () => {
      const us = AttemptInputFactory.in('US')
        .attempted('2026-03-03T15:00:00Z')
        .attempted('2026-03-03T20:00:00Z')
        .attempted('2026-03-04T15:00:00Z')
        .attempted('2026-03-05T15:00:00Z')
        .attempted('2026-03-05T20:00:00Z')
        .attempted('2026-03-06T15:00:00Z')
        .attempted('2026-03-07T15:00:00Z', { outcome: 'machine' });
      // Monday 9 March: 3–9 March holds seven calls; on Tuesday the two of 3 March drop out.
      expect(check(us, '2026-03-09T14:00:00Z')).toEqual(
        refused(ComplianceError.WeeklyCap, '2026-03-10T12:00:00.000Z'),
      );
      expect(check(us, '2026-03-10T14:00:00Z')).toEqual(allowed);
    });

    it('does not count calls that never connected (busy, not in service) under Reg F', () => {
      const us = AttemptInputFactory.in('US')
        .attempted('2026-03-03T15:00:00Z', { outcome: 'busy' })
        .attempted('2026-03-03T20:00:00Z', { outcome: 'failed' })
        .attempted('2026-03-04T15:00:00Z')
        .attempted('2026-03-05T15:00:00Z')
        .attempted('2026-03-05T20:00:00Z')
        .attempted('2026-03-06T15:00:00Z')
        .attempted('2026-03-07T15:00:00Z');
      expect(check(us, '2026-03-09T14:00:00Z')).toEqual(allowed);
    });

    it('allows one call per rolling week in Chile, whatever the calendar week', () => {
      // A call on Tuesday 10 March 10:00: Monday 16 is still within 7 days; Tuesday 17 08:00 is not.
      const cl = AttemptInputFactory.in('CL').attempted('2026-03-10T13:00:00Z');
      expect(check(cl, '2026-03-16T13:00:00Z')).toEqual(
        refused(ComplianceError.WeeklyCap, '2026-03-17T11:00:00.000Z'),
      );
    });

    it('keeps other Chilean channels two days apart', () => {
      const cl = AttemptInputFactory.in('CL')
        .on('email')
        .attempted('2026-03-09T13:00:00Z', { channel: 'sms' });
      expect(check(cl, '2026-03-10T13:00:00Z')).toEqual(
        refused(ComplianceError.MinDaysApart, '2026-03-11T11:00:00.000Z'),
      );
      expect(check(cl, '2026-03-11T11:00:00Z')).toEqual(allowed);
    });

    it('allows two messages per rolling week in Chile, counting SMS, e-mail and WhatsApp together', () => {
      const cl = AttemptInputFactory.in('CL')
        .on('whatsapp')
        .attempted('2026-03-09T13:00:00Z', { channel: 'sms' })
        .attempted('2026-03-11T13:00:00Z', { channel: 'email' });
      expect(check(cl, '2026-03-13T13:00:00Z')).toEqual(
        refused(ComplianceError.WeeklyCap, '2026-03-16T11:00:00.000Z'),
      );
      // The call budget is separate.
      expect(check(cl.on('voice'), '2026-03-13T13:00:00Z')).toEqual(allowed);
    });

    it('refuses a zero cap for good, with no retry time', () => {
      const closed = AttemptInputFactory.in('PE').withProfile((p) => ({
        ...p,
        caps: [{ ...NO_LIMITS, channels: ['whatsapp'], maxAttemptsPerDay: 0 }],
      }));
      expect(check(closed.on('whatsapp'), '2026-03-10T15:00:00Z')).toEqual(refused(ComplianceError.DailyCap));
      expect(check(closed.on('voice'), '2026-03-10T15:00:00Z')).toEqual(allowed);
    });

    it('reports the calendar before a cap when both refuse', () => {
      const ec = AttemptInputFactory.in('EC').attempted('2026-03-10T14:00:00Z');
      expect(check(ec, '2026-03-11T02:00:00Z')).toEqual(
        refused(ComplianceError.OutsideWindow, '2026-03-11T12:00:00.000Z'),
      );
    });
  });

  describe('minimum gap', () => {
    const gapped = AttemptInputFactory.in('CO').withProfile((p) => ({
      ...p,
      caps: [...p.caps, { ...NO_LIMITS, channels: ['voice'], minGapMinutes: 90 }],
    }));

    it('refuses a call 30 minutes after the last one and retries exactly at the end of the gap', () => {
      const input = gapped.attempted('2026-03-10T15:00:00Z');
      expect(check(input, '2026-03-10T15:30:00Z')).toEqual(
        refused(ComplianceError.MinGap, '2026-03-10T16:30:00.000Z'),
      );
    });

    it('moves a gap that ends after closing time to the next opening', () => {
      // Tuesday 18:00 + 90 min = 19:30, after the 19:00 close → Wednesday 07:00.
      const input = gapped.attempted('2026-03-10T23:00:00Z');
      expect(check(input, '2026-03-10T23:30:00Z')).toEqual(
        refused(ComplianceError.MinGap, '2026-03-11T12:00:00.000Z'),
      );
    });
  });

  describe('cool-downs after a conversation', () => {
    const talkedMonday = AttemptInputFactory.in('US').talked('2026-03-02T15:00:00Z');

    it('refuses a call within seven days of a conversation, the conversation day being day 1', () => {
      // Conversation Monday 2 March → no calls through Sunday 8, next Monday 08:00 EDT.
      expect(check(talkedMonday, '2026-03-08T23:00:00Z')).toEqual(
        refused(ComplianceError.CoolDownAfterContact, '2026-03-09T12:00:00.000Z'),
      );
      expect(check(talkedMonday, '2026-03-09T12:00:00Z')).toEqual(allowed);
    });

    it('starts the wait after a conversation the debtor started too', () => {
      const calledUs = AttemptInputFactory.in('US').talked('2026-03-02T15:00:00Z', 'voice', 'inbound');
      expect(check(calledUs, '2026-03-04T15:00:00Z')).toEqual(
        refused(ComplianceError.CoolDownAfterContact, '2026-03-09T12:00:00.000Z'),
      );
    });

    it('counts only calls we placed toward the seven-call limit', () => {
      // Six calls of ours on 3–8 March and a call in from someone else: a seventh call of ours may go.
      const sixCalls = [3, 4, 5, 6, 7, 8].reduce(
        (input, day) => input.attempted(`2026-03-0${day}T15:00:00Z`),
        AttemptInputFactory.in('US').attempted('2026-03-05T20:00:00Z', {
          direction: 'inbound',
          outcome: 'human',
        }),
      );
      expect(check(sixCalls, '2026-03-09T14:00:00Z')).toEqual(allowed);
      expect(check(sixCalls.attempted('2026-03-09T13:00:00Z'), '2026-03-09T14:00:00Z')).toEqual(
        refused(ComplianceError.WeeklyCap, '2026-03-10T12:00:00.000Z'),
      );
    });

    it('does not hold back texts and e-mails after a phone conversation', () => {
      expect(check(talkedMonday.on('sms'), '2026-03-03T15:00:00Z')).toEqual(allowed);
    });
  });

  describe('Colombia after a direct contact', () => {
    const co = AttemptInputFactory.in('CO');

    it('refuses a second contact the same day and retries Saturday 08:00', () => {
      const input = co.talked('2026-03-13T15:00:00Z');
      expect(check(input, '2026-03-13T20:00:00Z')).toEqual(
        refused(ComplianceError.DailyContactCap, '2026-03-14T13:00:00.000Z'),
      );
    });

    it('does not cap unanswered attempts before a contact', () => {
      const input = co
        .attempted('2026-03-13T13:00:00Z')
        .attempted('2026-03-13T15:00:00Z', { outcome: 'busy' })
        .attempted('2026-03-13T17:00:00Z', { outcome: 'machine' });
      expect(check(input, '2026-03-13T20:00:00Z')).toEqual(allowed);
    });

    it('refuses another channel in the same calendar week and allows it from Monday', () => {
      // Voice contact on Friday 13 March; an SMS on Saturday waits for Monday 16 at 07:00.
      const input = co.talked('2026-03-13T15:00:00Z');
      expect(check(input.on('sms'), '2026-03-14T14:00:00Z')).toEqual(
        refused(ComplianceError.ChannelMix, '2026-03-16T12:00:00.000Z'),
      );
      expect(check(input.on('sms'), '2026-03-16T12:00:00Z')).toEqual(allowed);
      expect(check(input.on('voice'), '2026-03-14T14:00:00Z')).toEqual(allowed);
    });
  });

  describe('abandoned calls', () => {
    const co = AttemptInputFactory.in('CO');

    it('blocks redialling an abandoned number for exactly 72 hours', () => {
      const input = co.attempted('2026-03-09T15:00:00Z', { outcome: 'abandoned' });
      expect(check(input, '2026-03-10T15:00:00Z')).toEqual(
        refused(ComplianceError.AbandonedRecently, '2026-03-12T15:00:00.000Z'),
      );
      expect(check(input, '2026-03-12T15:00:00Z')).toEqual(allowed);
    });

    it("blocks only the abandoned number's calls: other numbers and texts to it may go", () => {
      const input = co.attempted('2026-03-09T15:00:00Z', { outcome: 'abandoned', contactPointId: 'cp-2' });
      expect(check(input, '2026-03-10T15:00:00Z')).toEqual(allowed);
      const sameNumber = co.attempted('2026-03-09T15:00:00Z', { outcome: 'abandoned' });
      expect(check(sameNumber.on('sms'), '2026-03-10T15:00:00Z')).toEqual(allowed);
    });

    it('moves the end of the block past a closed Saturday evening and Sunday', () => {
      // Abandoned Wednesday 18:30 → free Saturday 18:30, after the 15:00 close → Monday 07:00.
      const input = co.attempted('2026-03-11T23:30:00Z', { outcome: 'abandoned' });
      expect(check(input, '2026-03-12T15:00:00Z')).toEqual(
        refused(ComplianceError.AbandonedRecently, '2026-03-16T12:00:00.000Z'),
      );
    });
  });

  describe('contact point, consent and legal stage', () => {
    it('refuses a do-not-contact number with no retry time', () => {
      const input = AttemptInputFactory.in('MX').withContactPoint({ doNotContact: true });
      expect(check(input, '2026-03-10T16:00:00Z')).toEqual(refused(ComplianceError.DoNotContact));
    });

    it('refuses an invalid contact point', () => {
      const input = AttemptInputFactory.in('MX').withContactPoint({ valid: false });
      expect(check(input, '2026-03-10T16:00:00Z')).toEqual(refused(ComplianceError.InvalidContactPoint));
    });

    it('refuses a channel whose consent was withdrawn, and only that channel', () => {
      const input = AttemptInputFactory.in('MX').withContactPoint({ consent: { sms: 'withdrawn' } });
      expect(check(input.on('sms'), '2026-03-10T16:00:00Z')).toEqual(
        refused(ComplianceError.ConsentWithdrawn),
      );
      expect(check(input.on('voice'), '2026-03-10T16:00:00Z')).toEqual(allowed);
    });

    it('requires an authorised channel in Colombia but not in Mexico', () => {
      expect(
        check(AttemptInputFactory.in('CO').withContactPoint({ consent: {} }), '2026-03-10T15:00:00Z'),
      ).toEqual(refused(ComplianceError.ConsentMissing));
      expect(
        check(AttemptInputFactory.in('MX').withContactPoint({ consent: {} }), '2026-03-10T16:00:00Z'),
      ).toEqual(allowed);
    });

    it('never contacts a personal reference, but does contact a guarantor', () => {
      const mx = AttemptInputFactory.in('MX');
      expect(check(mx.withContactPoint({ party: 'reference' }), '2026-03-10T16:00:00Z')).toEqual(
        refused(ComplianceError.PartyNotAllowed),
      );
      expect(check(mx.withContactPoint({ party: 'guarantor' }), '2026-03-10T16:00:00Z')).toEqual(allowed);
    });

    it('stops collection in Chile once a lawsuit is served, but not in Colombia', () => {
      expect(check(AttemptInputFactory.in('CL').lawsuitServed(), '2026-03-10T13:00:00Z')).toEqual(
        refused(ComplianceError.LawsuitServed),
      );
      expect(check(AttemptInputFactory.in('CO').lawsuitServed(), '2026-03-10T15:00:00Z')).toEqual(allowed);
    });

    it('keeps a served Chilean lawsuit closed to every outbound channel, with no time to retry at', () => {
      // Tuesday 10 March 10:00 in Santiago (UTC−3): inside the window, so only the legal stage refuses.
      const served = AttemptInputFactory.in('CL').lawsuitServed();
      for (const channel of ['voice', 'sms', 'whatsapp', 'email'] as const) {
        expect(check(served.on(channel), '2026-03-10T13:00:00Z')).toEqual(
          refused(ComplianceError.LawsuitServed),
        );
        expect(check(AttemptInputFactory.in('CL').on(channel), '2026-03-10T13:00:00Z')).toEqual(allowed);
      }
      expect(nextAllowedInstant(served.build(), new Date('2026-03-10T13:00:00Z'))).toBeNull();
    });

    it('refuses to judge an attempt with a broken profile', () => {
      const broken = AttemptInputFactory.in('CO').withProfile((p) => ({
        ...p,
        windows: { ...p.windows, mon: [{ from: '25:00', to: '26:00' }] },
      }));
      expect(() => check(broken, '2026-03-10T15:00:00Z')).toThrow(/Invalid compliance profile CO/);
    });
  });
});

describe('nextAllowedInstant', () => {
  it('returns the instant itself when the attempt is allowed then', () => {
    const input = AttemptInputFactory.in('CO').build();
    expect(nextAllowedInstant(input, new Date('2026-03-10T15:00:00Z'))?.toISOString()).toBe(
      '2026-03-10T15:00:00.000Z',
    );
  });

  it('finds the next opening, as retryAt does', () => {
    const input = AttemptInputFactory.in('CO').build();
    expect(nextAllowedInstant(input, new Date('2026-03-07T00:05:00Z'))?.toISOString()).toBe(
      '2026-03-07T13:00:00.000Z',
    );
  });

  it('returns null when waiting cannot help', () => {
    const input = AttemptInputFactory.in('CO').withContactPoint({ doNotContact: true }).build();
    expect(nextAllowedInstant(input, new Date('2026-03-10T15:00:00Z'))).toBeNull();
  });

  it('returns null when the profile never opens', () => {
    const input = AttemptInputFactory.in('CO')
      .withProfile((p) => ({
        ...p,
        windows: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      }))
      .build();
    expect(nextAllowedInstant(input, new Date('2026-03-10T15:00:00Z'))).toBeNull();
  });
});
