import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CannedResponseRequest } from '@recupera/shared';
import { IsNumberString, IsOptional, IsString, Length, ValidateIf } from 'class-validator';

export class CannedResponseDto implements CannedResponseRequest {
  @ApiPropertyOptional({ nullable: true, description: 'Only for this client; null or absent: for all' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsNumberString()
  clientId?: string | null;

  @ApiProperty()
  @IsString()
  @Length(1, 80)
  title!: string;

  @ApiProperty({ description: 'Text with script fields, e.g. {{debtor.firstName}}' })
  @IsString()
  @Length(1, 1600)
  body!: string;
}
