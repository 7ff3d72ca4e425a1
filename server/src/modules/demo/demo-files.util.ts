import { GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, SeededRandom, SURNAMES } from '@recupera/shared';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function letters(rng: SeededRandom, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += LETTERS[rng.int(0, 25)];
  return out;
}

export function personName(rng: SeededRandom, female: boolean): string {
  const given = rng.pick(female ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE);
  return `${given} ${rng.pick(SURNAMES)} ${rng.pick(SURNAMES)}`;
}

async function writeLine(out: NodeJS.WritableStream, line: string): Promise<void> {
  if (!out.write(line)) await once(out, 'drain');
}

/**
 * The UCI file carries no names or phones (shared/data/README.md): this writes a copy with seeded,
 * generated ones (a CURP-shaped id from age and sex, a Mexico City mobile number) for the demo bank.
 */
export async function writeEnrichedUciFile(source: string, target: string, seed: number): Promise<void> {
  const rng = new SeededRandom(seed);
  const out = createWriteStream(target);
  const lines = createInterface({ input: createReadStream(source), crlfDelay: Infinity });
  let header: string[] | null = null;
  for await (const line of lines) {
    if (!header) {
      header = line.split(',');
      await writeLine(out, `${line},NOMBRE,CURP,TELEFONO,EMAIL\n`);
      continue;
    }
    if (!line.trim()) continue;
    const cells = line.split(',');
    const female = cells[header.indexOf('SEX')] === '2';
    const age = Number(cells[header.indexOf('AGE')]) || 40;
    const name = personName(rng, female);
    const birthYear = String(2005 - age).slice(-2);
    const curp = `${letters(rng, 4)}${birthYear}${rng.digits(4)}${female ? 'M' : 'H'}${letters(rng, 5)}${rng.digits(2)}`;
    const phone = `55${rng.digits(8)}`;
    const email = rng.chance(0.4)
      ? `${name
          .split(' ')[0]
          .normalize('NFD')
          .replace(/[^a-zA-Z]/g, '')
          .toLowerCase()}.${rng.digits(4)}@correo.example`
      : '';
    await writeLine(out, `${line},${name},${curp},${phone},${email}\n`);
  }
  out.end();
  await once(out, 'finish');
}

const SECTORS = ['Residencial', 'Comercial', 'Industrial', 'Oficial'];
const REDES = ['Red Norte', 'Red Centro', 'Red Sur', 'Red Valle'];

/** A water utility's portfolio: cédula, name, Ecuadorian mobile, bills by sector / red / zona. */
export async function writeUtilityFile(
  target: string,
  count: number,
  seed: number,
  prefix: string,
  today: Date,
): Promise<void> {
  const rng = new SeededRandom(seed);
  const out = createWriteStream(target);
  await writeLine(
    out,
    'CUENTA;CEDULA;NOMBRE;TELEFONO;SALDO;VALOR_ORIGINAL;FECHA_VENCIMIENTO;SECTOR;RED;ZONA;SERVICIO\n',
  );
  for (let i = 1; i <= count; i++) {
    const months = rng.weighted({ 1: 30, 2: 25, 3: 18, 4: 10, 6: 9, 9: 5, 14: 3 });
    const due = new Date(today.getTime() - Number(months) * 30 * 86_400_000 - rng.int(0, 20) * 86_400_000);
    const bill = rng.int(900, 6500);
    const balance = bill * Number(months) + rng.int(0, 99);
    const due_ = `${String(due.getUTCDate()).padStart(2, '0')}/${String(due.getUTCMonth() + 1).padStart(2, '0')}/${due.getUTCFullYear()}`;
    const line = [
      `${prefix}${String(i).padStart(7, '0')}`,
      `09${rng.digits(8)}`,
      personName(rng, rng.chance(0.5)),
      `099${rng.digits(7)}`,
      (balance / 100).toFixed(2),
      ((bill * Number(months)) / 100).toFixed(2),
      due_,
      rng.pick(SECTORS),
      rng.pick(REDES),
      `Zona ${rng.int(1, 12)}`,
      'Agua potable y alcantarillado',
    ].join(';');
    await writeLine(out, `${line}\n`);
  }
  out.end();
  await once(out, 'finish');
}
