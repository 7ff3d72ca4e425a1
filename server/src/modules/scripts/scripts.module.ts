import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ScriptsController } from './scripts.controller';
import { ScriptsRepository } from './scripts.repository';
import { ScriptsService } from './scripts.service';

/** Versioned call scripts: editing, publishing, previews, and the script each call is shown. */
@Module({
  imports: [AccountsModule],
  controllers: [ScriptsController],
  providers: [ScriptsRepository, ScriptsService],
  exports: [ScriptsService],
})
export class ScriptsModule {}
