import { decideDials } from '../pacing/pacing.util';
import { SIMULATION_PACING_SETTINGS } from '../simulation/simulation.constant';
import { buildPacingSnapshot } from './pacing-snapshot.util';

const NOW = 1_000_000;
const measured = {
  outcomes: [true, false, false, false, false],
  answerMs: [5_000],
  talkMs: [180_000],
  wrapMs: [30_000],
  abandons: [false, true],
  lastHour: { answered: 2, abandoned: 1 },
};
const lines = {
  inFlightStartedAt: [NOW - 3_000],
  waiting: 1,
  campaignLines: 3,
  carrierLines: 7,
  recentDialsAt: [NOW - 200],
};

describe(buildPacingSnapshot.name, () => {
  it('gives the pacer the floor, the lines and the rolling measurements as the simulator does', () => {
    const floor = { free: 2, talkStartedAt: [NOW - 60_000], wrapStartedAt: [NOW - 10_000], readyAt: [] };
    const snapshot = buildPacingSnapshot(floor, lines, measured, SIMULATION_PACING_SETTINGS, -2, NOW);
    expect(snapshot).toMatchObject({
      freeAgents: 2,
      answeredWaiting: 1,
      otherLinesInUse: 4,
      offset: -2,
      statistics: { completedDials: 5, personAnswers: 1, abandon: { abandoned: 1, answered: 2 } },
    });
    expect(snapshot.statistics.talkTime.counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(decideDials(snapshot, NOW).explanation.reason).toBe('ramp-up');
  });

  it('counts an agent who said they are ready within the horizon as about to free', () => {
    const floor = {
      free: 0,
      talkStartedAt: [],
      wrapStartedAt: [NOW - 1_000, NOW - 2_000],
      readyAt: [NOW + 3_000],
    };
    const snapshot = buildPacingSnapshot(floor, lines, measured, SIMULATION_PACING_SETTINGS, 0, NOW);
    expect(snapshot.wrapStartedAt).toEqual([0, NOW - 1_000]);
    const later = buildPacingSnapshot(
      { ...floor, readyAt: [NOW + 60_000] },
      lines,
      measured,
      SIMULATION_PACING_SETTINGS,
      0,
      NOW,
    );
    expect(later.wrapStartedAt).toEqual([NOW - 2_000, NOW - 1_000]);
  });
});
