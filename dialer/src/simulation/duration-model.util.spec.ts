import { SeededRandom } from '@recupera/shared';
import { meanDuration, sampleDuration } from './duration-model.util';
import type { DurationModel } from './simulation.type';

function stats(model: DurationModel, draws: number): { mean: number; cv: number } {
  const rng = new SeededRandom(11);
  const samples = Array.from({ length: draws }, () => sampleDuration(model, rng));
  const mean = samples.reduce((sum, x) => sum + x, 0) / draws;
  const variance = samples.reduce((sum, x) => sum + (x - mean) ** 2, 0) / draws;
  return { mean, cv: Math.sqrt(variance) / mean };
}

describe(sampleDuration.name, () => {
  it('draws exponential talk times with the asked mean', () => {
    const { mean, cv } = stats({ kind: 'exponential', meanMs: 180_000 }, 50_000);
    expect(mean / 180_000).toBeCloseTo(1, 1);
    expect(cv).toBeCloseTo(1, 1);
  });

  it('draws log-normal durations with the asked mean and spread', () => {
    const { mean, cv } = stats({ kind: 'lognormal', meanMs: 30_000, cv: 0.5 }, 50_000);
    expect(mean / 30_000).toBeCloseTo(1, 1);
    expect(cv).toBeCloseTo(0.5, 1);
  });

  it('keeps uniform draws inside their range', () => {
    const rng = new SeededRandom(3);
    const model: DurationModel = { kind: 'uniform', minMs: 4_000, maxMs: 14_000 };
    for (let i = 0; i < 1_000; i++) {
      const draw = sampleDuration(model, rng);
      expect(draw).toBeGreaterThanOrEqual(4_000);
      expect(draw).toBeLessThan(14_000);
    }
    expect(meanDuration(model)).toBe(9_000);
  });
});
