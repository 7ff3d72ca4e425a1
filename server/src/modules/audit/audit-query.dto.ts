import { IsISO8601, IsOptional, Matches, MaxLength } from 'class-validator';
import type { AuditQuery } from '@recupera/shared';
import { PageQueryDto } from '../../common/http/page-query.dto';

export class AuditQueryDto extends PageQueryDto implements AuditQuery {
  @IsOptional() @Matches(/^\d+$/) actorId?: string;
  @IsOptional() @MaxLength(40) entityType?: string;
  @IsOptional() @MaxLength(60) action?: string;
  @IsOptional() @IsISO8601() from?: string;
  @IsOptional() @IsISO8601() to?: string;
}
