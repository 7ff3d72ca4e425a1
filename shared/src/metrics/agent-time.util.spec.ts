import { agentTime } from './agent-time.util';

const at = (hhmm: string) => new Date(`2026-11-11T${hhmm}:00Z`);

describe('agentTime', () => {
  it('splits a morning into idle, talk, wrap and break, and ignores offline', () => {
    /*
     * 08:00 available, 08:10 on a call, 08:16 wrap-up, 08:17 available, 09:00 break, 09:15
     * available, 10:00 offline; counted 07:00–11:00. Logged 08:00–10:00 = 7 200 s: talk 6 min =
     * 360 s, wrap 60 s, break 15 min = 900 s, idle the rest = 7 200 − 360 − 60 − 900 = 5 880 s.
     */
    const changes = [
      { state: 'available' as const, at: at('08:00') },
      { state: 'on_call' as const, at: at('08:10') },
      { state: 'wrap_up' as const, at: at('08:16') },
      { state: 'available' as const, at: at('08:17') },
      { state: 'break' as const, at: at('09:00') },
      { state: 'available' as const, at: at('09:15') },
      { state: 'offline' as const, at: at('10:00') },
    ];
    expect(agentTime('offline', changes, at('07:00'), at('11:00'))).toEqual({
      loggedSeconds: 7_200,
      talkSeconds: 360,
      wrapSeconds: 60,
      breakSeconds: 900,
      idleSeconds: 5_880,
    });
  });

  it('counts a state already running at the start of the window from the window, up to now', () => {
    // On a call since before midnight: from 00:00 to 00:05 is 300 s of talk, then available till 00:10.
    const changes = [{ state: 'available' as const, at: at('00:05') }];
    expect(agentTime('on_call', changes, at('00:00'), at('00:10'))).toEqual({
      loggedSeconds: 600,
      talkSeconds: 300,
      wrapSeconds: 0,
      breakSeconds: 0,
      idleSeconds: 300,
    });
  });
});
