import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { ImportsModule } from '../imports/imports.module';
import { TeamsModule } from '../teams/teams.module';
import { UsersModule } from '../users/users.module';
import { DemoRepository } from './demo.repository';
import { DemoService } from './demo.service';

@Module({
  imports: [ClientsModule, ImportsModule, TeamsModule, UsersModule],
  providers: [DemoRepository, DemoService],
  exports: [DemoService],
})
export class DemoModule {}
