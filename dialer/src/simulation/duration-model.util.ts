import { assertNever, type SeededRandom } from '@recupera/shared';
import type { DurationModel } from './simulation.type';

/** Standard normal draw (Box–Muller); 1 − u keeps the logarithm away from 0. */
function standardNormal(rng: SeededRandom): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function sampleDuration(model: DurationModel, rng: SeededRandom): number {
  switch (model.kind) {
    case 'fixed':
      return model.ms;
    case 'uniform':
      return model.minMs + rng.next() * (model.maxMs - model.minMs);
    case 'exponential':
      return -model.meanMs * Math.log(1 - rng.next());
    case 'lognormal': {
      // Parameters chosen so the draw has the asked mean and coefficient of variation.
      const sigma2 = Math.log(1 + model.cv * model.cv);
      const mu = Math.log(model.meanMs) - sigma2 / 2;
      return Math.exp(mu + Math.sqrt(sigma2) * standardNormal(rng));
    }
    default:
      return assertNever(model);
  }
}

export function meanDuration(model: DurationModel): number {
  switch (model.kind) {
    case 'fixed':
      return model.ms;
    case 'uniform':
      return (model.minMs + model.maxMs) / 2;
    case 'exponential':
    case 'lognormal':
      return model.meanMs;
    default:
      return assertNever(model);
  }
}
