import { Matches } from 'class-validator';

/** Ids are BIGINTs sent as decimal strings. */
export class IdParamDto {
  @Matches(/^[1-9]\d{0,18}$/, { message: 'id must be a positive integer' }) id!: string;
}
