import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { ImportsCoreModule } from '../imports/imports-core.module';
import { TeamsModule } from '../teams/teams.module';
import { UsersModule } from '../users/users.module';
import { DemoRepository } from './demo.repository';
import { DemoService } from './demo.service';

@Module({
  imports: [ClientsModule, ImportsCoreModule, TeamsModule, UsersModule],
  providers: [DemoRepository, DemoService],
  exports: [DemoService],
})
export class DemoModule {}
