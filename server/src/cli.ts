import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import {
  IMPORT_FIELDS,
  IMPORT_MAPPING_PRESETS,
  type ColumnMapping,
  type ImportField,
} from '@recupera/shared';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CliModule } from './cli.module';
import { migrate } from './bootstrap/migrate.util';
import { preflight, PreflightError } from './bootstrap/preflight.util';
import { AppException } from './common/errors/app.exception';
import { ConfigError, loadConfig } from './config/env.schema';
import { ClientsService } from './modules/clients/clients.service';
import { FileRejection } from './modules/imports/file-inspection.util';
import { ImportRunner } from './modules/imports/import-runner.service';
import { ImportsService } from './modules/imports/imports.service';
import { UploadStore } from './modules/imports/upload-store.service';
import { RollupService } from './modules/metrics/rollup.service';

const USAGE = `Usage:
  npm run import -- <file.csv|file.xlsx> --client <code> --portfolio <name> [--mapping <saved mapping or preset>] [--json]
  npm run migrate
  npm run metrics:rebuild -- <YYYY-MM> [<YYYY-MM> …]`;

class UsageError extends Error {}

function autoMapping(header: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const field of IMPORT_FIELDS) {
    const column = header.find((h) => h.toLowerCase() === field.toLowerCase());
    if (column) mapping[field as ImportField] = column;
  }
  return mapping;
}

function progressBar(fraction: number, width = 30): string {
  const done = Math.round(fraction * width);
  return `[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${(fraction * 100).toFixed(0).padStart(3)}%`;
}

async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      client: { type: 'string' },
      portfolio: { type: 'string' },
      mapping: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const file = positionals[0];
  if (!file || !values.client || !values.portfolio) throw new UsageError(USAGE);

  const config = { ...loadConfig(), runWorkers: false, seedDemo: false };
  await preflight(config.databaseUrl, null);
  await migrate(config.databaseUrl);
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  try {
    const clients = app.get(ClientsService);
    const client = await clients.findClientByCode(values.client);
    if (!client) throw new UsageError(`No client with code "${values.client}"`);
    const portfolio = await clients.findPortfolioByName(client.id, values.portfolio);
    if (!portfolio)
      throw new UsageError(`Client ${client.code} has no portfolio named "${values.portfolio}"`);

    const upload = await app.get(UploadStore).register(resolve(file), basename(file), null, false);
    const imports = app.get(ImportsService);
    let mapping: ColumnMapping;
    if (values.mapping) {
      const saved = (await imports.mappings(client.id)).find((m) => m.name === values.mapping);
      const preset = IMPORT_MAPPING_PRESETS.find((p) => p.name === values.mapping);
      if (!saved && !preset)
        throw new UsageError(`No saved mapping or preset named "${values.mapping}" for ${client.code}`);
      mapping = (saved ?? preset)!.mapping;
    } else {
      mapping = autoMapping(upload.header);
    }
    const created = await imports.create(null, {
      uploadId: upload.uploadId,
      portfolioId: portfolio.id,
      mapping,
    });

    const started = Date.now();
    const tty = process.stderr.isTTY;
    let lastTenth = -1;
    const run = await app.get(ImportRunner).run(created.id, {
      progressed: (p) => {
        const fraction = p.bytesRead / Math.max(1, p.sizeBytes);
        const rate = Math.round(p.processedRows / Math.max(0.001, (Date.now() - started) / 1000));
        const line = `${progressBar(fraction)} ${p.processedRows.toLocaleString('en')} rows, ${rate.toLocaleString('en')} rows/s, ${p.rejected} rejected`;
        if (tty) process.stderr.write(`\r${line}`);
        else if (Math.floor(fraction * 10) > lastTenth) {
          lastTenth = Math.floor(fraction * 10);
          process.stderr.write(`${line}\n`);
        }
      },
    });
    if (tty) process.stderr.write('\n');
    const seconds = (Date.now() - started) / 1000;
    if (run.status !== 'completed') {
      console.error(`Import ${run.id} failed: ${run.error}`);
      return 1;
    }
    const summary = {
      importId: run.id,
      rows: run.processedRows,
      inserted: run.inserted,
      updated: run.updated,
      unchanged: run.unchanged,
      rejected: run.rejected,
      seconds: Math.round(seconds * 100) / 100,
      rowsPerSecond: Math.round(run.processedRows / seconds),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    if (values.json) console.log(JSON.stringify(summary));
    else {
      console.log(
        `Import ${run.id}: ${run.processedRows} rows in ${summary.seconds} s (${summary.rowsPerSecond} rows/s): ` +
          `${run.inserted} new, ${run.updated} changed, ${run.unchanged} unchanged, ${run.rejected} rejected`,
      );
      if (run.rejected > 0) console.log(`Reject report: GET /api/imports/${run.id}/rejects.csv`);
    }
    return 0;
  } finally {
    await app.close();
  }
}

/** Recounts the dashboards' rollups of whole months from raw history, one month at a time. */
async function rebuildMetrics(months: string[]): Promise<number> {
  if (months.length === 0 || months.some((m) => !/^\d{4}-(0[1-9]|1[0-2])$/.test(m)))
    throw new UsageError(USAGE);
  const config = { ...loadConfig(), runWorkers: false, seedDemo: false };
  await preflight(config.databaseUrl, null);
  await migrate(config.databaseUrl);
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  try {
    const rollups = app.get(RollupService);
    for (const [index, month] of months.entries()) {
      process.stderr.write(`${progressBar(index / months.length)} rebuilding ${month}…\n`);
      const result = await rollups.rebuild(month);
      console.log(
        `${month}: ${result.interactions} interactions, ${result.payments} payments, ${result.agreements} agreements, ` +
          `${result.members} account memberships in ${result.seconds.toFixed(1)} s`,
      );
      for (const step of result.steps) console.log(`  ${step.name}: ${step.seconds.toFixed(1)} s`);
    }
    process.stderr.write(`${progressBar(1)} done\n`);
    return 0;
  } finally {
    await app.close();
  }
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  switch (command) {
    case 'import':
      return runImport(rest);
    case 'migrate': {
      const config = loadConfig();
      await preflight(config.databaseUrl, null);
      const ran = await migrate(config.databaseUrl);
      console.log(ran.length ? `Ran ${ran.join(', ')}` : 'The database is up to date');
      return 0;
    }
    case 'rebuild-metrics':
      return rebuildMetrics(rest);
    default:
      throw new UsageError(USAGE);
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (
      error instanceof UsageError ||
      error instanceof PreflightError ||
      error instanceof ConfigError ||
      error instanceof FileRejection ||
      error instanceof AppException
    ) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exit(1);
  });
