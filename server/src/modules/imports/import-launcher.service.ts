import { Injectable } from '@nestjs/common';
import type { ImportResponse } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import type { StartImportDto } from './imports.dto';
import { ImportsProducer } from './imports.producer';
import { ImportsService } from './imports.service';

/** Starts an import from the console: recorded first, then queued for a worker. */
@Injectable()
export class ImportLauncher {
  constructor(
    private readonly imports: ImportsService,
    private readonly producer: ImportsProducer,
  ) {}

  async start(user: AuthUser, dto: StartImportDto, ip: string | null): Promise<ImportResponse> {
    const run = await this.imports.create(user, dto, ip);
    await this.producer.enqueue('import.run', { importId: run.id });
    return run;
  }
}
