import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import type { LoginRequest, RefreshRequest } from '@recupera/shared';

export class LoginDto implements LoginRequest {
  @IsEmail() @MaxLength(190) email!: string;
  @IsString() @MinLength(1) @MaxLength(200) password!: string;
}

export class RefreshDto implements RefreshRequest {
  @IsString() @MinLength(10) @MaxLength(200) refreshToken!: string;
}
