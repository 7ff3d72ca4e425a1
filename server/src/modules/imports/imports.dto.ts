import { IsObject, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import type { ColumnMapping, StartImportRequest } from '@recupera/shared';

export class StartImportDto implements StartImportRequest {
  @IsUUID() uploadId!: string;
  @Matches(/^\d+$/) portfolioId!: string;
  @IsObject() mapping!: ColumnMapping;
  @IsOptional() @IsString() @Length(2, 80) saveMappingAs?: string;
}

export class MappingsQueryDto {
  @Matches(/^\d+$/) clientId!: string;
}
