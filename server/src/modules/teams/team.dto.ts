import { IsOptional, IsString, Length, Matches } from 'class-validator';
import type { CreateTeamRequest, UpdateTeamRequest } from '@recupera/shared';

export class CreateTeamDto implements CreateTeamRequest {
  @IsString() @Length(2, 80) name!: string;
  @Matches(/^\d+$/) supervisorId!: string;
}

export class UpdateTeamDto implements UpdateTeamRequest {
  @IsOptional() @IsString() @Length(2, 80) name?: string;
  @IsOptional() @Matches(/^\d+$/) supervisorId?: string;
}
