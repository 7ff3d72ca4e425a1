import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/env.schema';
import { dataSourceOptions } from './data-source.factory';
import { ENTITIES } from './entities.constant';
import { UnitOfWork } from './unit-of-work.service';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config.databaseUrl),
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  providers: [UnitOfWork],
  exports: [TypeOrmModule, UnitOfWork],
})
export class DatabaseModule {}
