import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  PASSWORD_MIN_LENGTH,
  ROLES,
  type CreateUserRequest,
  type Locale,
  type Role,
  type UpdateUserRequest,
} from '@recupera/shared';

const LOCALES: Locale[] = ['es', 'en'];

export class CreateUserDto implements CreateUserRequest {
  @IsEmail() @MaxLength(190) email!: string;
  @IsString() @Length(2, 120) fullName!: string;
  @IsIn(ROLES) role!: Role;
  @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(200) password!: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(/^\d+$/) teamId?: string | null;
  @IsOptional() @IsIn(LOCALES) locale?: Locale;
}

export class UpdateUserDto implements UpdateUserRequest {
  @IsOptional() @IsString() @Length(2, 120) fullName?: string;
  @IsOptional() @IsIn(ROLES) role?: Role;
  @IsOptional() @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(200) password?: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(/^\d+$/) teamId?: string | null;
  @IsOptional() @IsIn(LOCALES) locale?: Locale;
  @IsOptional() @IsBoolean() active?: boolean;
}
