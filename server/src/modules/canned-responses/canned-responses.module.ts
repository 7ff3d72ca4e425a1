import { Module } from '@nestjs/common';
import { ScriptsModule } from '../scripts/scripts.module';
import { CannedResponsesController } from './canned-responses.controller';
import { CannedResponsesRepository } from './canned-responses.repository';
import { CannedResponsesService } from './canned-responses.service';

/** Canned chat responses with script fields, rendered for the chat's account. */
@Module({
  imports: [ScriptsModule],
  controllers: [CannedResponsesController],
  providers: [CannedResponsesRepository, CannedResponsesService],
  exports: [CannedResponsesService],
})
export class CannedResponsesModule {}
