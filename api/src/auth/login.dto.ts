import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@example.org' })
  @IsEmail()
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  password: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'the refresh token from sign-in or from the last renewal' })
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}

export class LogoutDto {
  @ApiPropertyOptional({ description: 'the session to end; without it, every session of the account ends' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}

export class TokenDto {
  @ApiProperty({ description: 'short-lived bearer token for the API' })
  accessToken: string;

  @ApiProperty({ description: 'single-use token that renews the session at POST /api/auth/refresh' })
  refreshToken: string;

  @ApiProperty({ description: 'seconds until the access token expires' })
  expiresIn: number;
}
