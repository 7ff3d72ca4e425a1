import {
  ABANDON_CONTROLLER_DEFAULTS,
  abandonGuardCut,
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

  it('does not raise c while the last hour is at or over the setpoint', () => {
    const calmRun = { abandoned: 10, answered: 1_000 };
    const raised = updateAbandonController(AT_MINUS_2, calmRun, SETTINGS, NOW, {
      abandoned: 2,
      answered: 200,
    });
    expect(raised.offset).toBeGreaterThan(-2);
    // 6 of 200 = 3 % ≥ 2.7 %: the long window says raise, the last hour says hold.
    const held = updateAbandonController(AT_MINUS_2, calmRun, SETTINGS, NOW, { abandoned: 6, answered: 200 });
    expect(held).toEqual({ offset: -2, updatedAt: NOW });
    // Cuts go through whatever the last hour says.
    const hot = { abandoned: 60, answered: 1_000 };
    expect(
      updateAbandonController(AT_MINUS_2, hot, SETTINGS, NOW, { abandoned: 0, answered: 200 }).offset,
    ).toBeCloseTo(-2.22);
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

describe(abandonGuardCut.name, () => {
  it('cuts nothing while the hour can still afford five abandons', () => {
    // 10-agent floor, 160 answers in the hour: 5 % allows 8; 3 abandoned → 5 left.
    expect(abandonGuardCut({ abandoned: 3, answered: 160 }, SETTINGS)).toBe(0);
  });

  it('cuts harder as the abandons left run out, up to the full cut', () => {
    // 8 − 4 = 4 left: (5 − 4) / (5 − 2) of 3 agents = 1; 8 − 6 = 2 left: the full 3 agents.
    expect(abandonGuardCut({ abandoned: 4, answered: 160 }, SETTINGS)).toBeCloseTo(1);
    expect(abandonGuardCut({ abandoned: 6, answered: 160 }, SETTINGS)).toBe(3);
    expect(abandonGuardCut({ abandoned: 12, answered: 160 }, SETTINGS)).toBe(3);
  });

  it('counts a thin hour as a hundred answers, so one early abandon does not read as 100 %', () => {
    // max(3, 100) × 5 % = 5 allowed − 1 = 4 left → a third of the full cut.
    expect(abandonGuardCut({ abandoned: 1, answered: 3 }, SETTINGS)).toBeCloseTo(1);
    expect(abandonGuardCut({ abandoned: 0, answered: 0 }, SETTINGS)).toBe(0);
  });

  it("starts at 30 % of the hour's allowance left on a large floor", () => {
    // 1,000 answers: 50 allowed; starts below 15 left (35 abandoned), full at 5 left (45).
    expect(abandonGuardCut({ abandoned: 35, answered: 1_000 }, SETTINGS)).toBe(0);
    expect(abandonGuardCut({ abandoned: 40, answered: 1_000 }, SETTINGS)).toBeCloseTo(1.5);
    expect(abandonGuardCut({ abandoned: 45, answered: 1_000 }, SETTINGS)).toBe(3);
  });
});
