import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { ImportRunner } from './import-runner.service';
import { ImportRunsRepository } from './import-runs.repository';
import { ImportWriteRepository } from './import-write.repository';
import { ImportsService } from './imports.service';
import { UploadStore } from './upload-store.service';

/** Reading, validating and writing imports, without queues or sockets (the CLI runs on just this). */
@Module({
  imports: [ClientsModule],
  providers: [ImportsService, ImportRunner, ImportRunsRepository, ImportWriteRepository, UploadStore],
  exports: [ImportsService, ImportRunner, UploadStore, ClientsModule],
})
export class ImportsCoreModule {}
