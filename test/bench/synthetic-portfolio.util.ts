import { GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, SeededRandom, SURNAMES } from '@recupera/shared';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export const SYNTHETIC_HEADER = [
  'numero_cuenta',
  'cedula',
  'nombre',
  'telefono',
  'saldo',
  'monto_original',
  'fecha_vencimiento',
  'producto',
  'sector',
  'zona',
];

const PRODUCTS = [
  'Tarjeta clásica',
  'Tarjeta oro',
  'Crédito de consumo',
  'Microcrédito',
  'Crédito vehicular',
];
const SECTORS = ['Comercio', 'Servicios', 'Agro', 'Industria', 'Hogar'];

/**
 * Writes a seeded Colombian-style portfolio: one account per row with cédula, name, mobile,
 * balance, due date, product, sector and zone — the shape a bank hands a collection agency.
 */
export async function writeSyntheticPortfolio(
  path: string,
  rows: number,
  seed: number,
  today: Date,
): Promise<void> {
  const rng = new SeededRandom(seed);
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  out.write(`${SYNTHETIC_HEADER.join(',')}\n`);
  let buffer = '';
  for (let i = 1; i <= rows; i++) {
    const female = rng.chance(0.5);
    const name = `${rng.pick(female ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE)} ${rng.pick(SURNAMES)} ${rng.pick(SURNAMES)}`;
    const original = rng.int(200_000, 25_000_000);
    const balance = Math.floor(original * rng.next());
    const due = new Date(today.getTime() - rng.int(0, 720) * 86_400_000).toISOString().slice(0, 10);
    buffer += `${1_000_000_000 + i},${rng.int(10_000_000, 1_199_999_999)},${name},30${rng.int(0, 5)}${rng.digits(7)},${(balance / 100).toFixed(2)},${(original / 100).toFixed(2)},${due},${rng.pick(PRODUCTS)},${rng.pick(SECTORS)},Zona ${rng.int(1, 40)}\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.write(buffer);
  out.end();
  await once(out, 'finish');
}
