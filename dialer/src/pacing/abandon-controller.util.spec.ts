import {
  ABANDON_CONTROLLER_DEFAULTS,
  initialAbandonControllerState,
  updateAbandonController,
  type AbandonControllerState,
} from './abandon-controller.util';

const NOW = 1_700_000_000_000;
const SETTINGS = ABANDON_CONTROLLER_DEFAULTS; // cap 3 %, setpoint 90 % of it = 2.7 %
const AT_MINUS_2: AbandonControllerState = { offset: -2, updatedAt: null };

describe(updateAbandonController.name, () => {
  it('starts from the configured offset', () => {
    expect(initialAbandonControllerState()).toEqual({ offset: -3, updatedAt: null });
  });

  it('moves c down when the abandon rate exceeds the cap', () => {
    // 6 %: error = (2.7 − 6) / 3 = −1.1 → step = 0.2 × −1.1 = −0.22
    const next = updateAbandonController(AT_MINUS_2, { abandoned: 60, answered: 1_000 }, SETTINGS, NOW);
    expect(next.offset).toBeCloseTo(-2.22);
    expect(next.updatedAt).toBe(NOW);
  });

  it('moves c up slowly when the abandon rate is under the setpoint', () => {
    // 1 %: error = (2.7 − 1) / 3 = 0.5667 → step = 0.1 × 0.5667 = +0.0567
    const next = updateAbandonController(AT_MINUS_2, { abandoned: 10, answered: 1_000 }, SETTINGS, NOW);
    expect(next.offset).toBeCloseTo(-2 + 0.1 * (1.7 / 3));
  });

  it('cuts faster above the cap than it raises below the setpoint', () => {
    // 4.5 % and 0.9 % are both 1.8 points from the 2.7 % setpoint.
    const down = updateAbandonController(AT_MINUS_2, { abandoned: 45, answered: 1_000 }, SETTINGS, NOW);
    const up = updateAbandonController(AT_MINUS_2, { abandoned: 9, answered: 1_000 }, SETTINGS, NOW);
    expect(-2 - down.offset).toBeCloseTo(2 * (up.offset + 2));
  });

  it('eases c down gently between the setpoint and the cap', () => {
    // 2.9 %: error = (2.7 − 2.9) / 3 → step = 0.1 × −0.0667 = −0.0067
    const next = updateAbandonController(AT_MINUS_2, { abandoned: 29, answered: 1_000 }, SETTINGS, NOW);
    expect(next.offset).toBeCloseTo(-2 - 0.1 * (0.2 / 3));
  });

  it('raises c less on a thin sample but cuts on any evidence over the cap', () => {
    // 0 of 20: error 0.9, evidence 20 / 100 → +0.1 × 0.9 × 0.2 = +0.018
    expect(
      updateAbandonController(AT_MINUS_2, { abandoned: 0, answered: 20 }, SETTINGS, NOW).offset,
    ).toBeCloseTo(-1.982);
    // 2 of 20 = 10 %: error = (2.7 − 10) / 3 = −2.433 → step = max(−0.5, −0.487) = −0.487
    expect(
      updateAbandonController(AT_MINUS_2, { abandoned: 2, answered: 20 }, SETTINGS, NOW).offset,
    ).toBeCloseTo(-2.4867);
  });

  it('waits for its interval between updates', () => {
    const state: AbandonControllerState = { offset: -2, updatedAt: NOW - SETTINGS.intervalMs + 1 };
    expect(updateAbandonController(state, { abandoned: 100, answered: 1_000 }, SETTINGS, NOW)).toBe(state);
  });

  it('stays within its bounds however long the rate stays off target', () => {
    let low: AbandonControllerState = AT_MINUS_2;
    let high: AbandonControllerState = AT_MINUS_2;
    for (let step = 0; step < 500; step++) {
      const now = NOW + step * SETTINGS.intervalMs;
      low = updateAbandonController(low, { abandoned: 500, answered: 1_000 }, SETTINGS, now);
      high = updateAbandonController(high, { abandoned: 0, answered: 1_000 }, SETTINGS, now);
    }
    expect(low.offset).toBe(SETTINGS.minOffset);
    expect(high.offset).toBe(SETTINGS.maxOffset);
  });
});
