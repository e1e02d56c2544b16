import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsAcceptablePassword } from './password-policy';
import { type User } from './user.entity';
import { PASSWORD_MIN_LENGTH, type Role, ROLES } from '../../../domain/src';

class UserFieldsDto {
  @ApiProperty()
  @IsEmail()
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;
}

export class CreateUserDto extends UserFieldsDto {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, description: 'At least 12 characters, 5 different ones, not a common password' })
  @IsAcceptablePassword()
  password: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** The whole record as read back; a password is only set when given. */
export class UpdateUserDto extends UserFieldsDto {
  @ApiPropertyOptional({ minLength: PASSWORD_MIN_LENGTH })
  @IsOptional()
  @IsAcceptablePassword()
  password?: string;

  @ApiProperty()
  @IsBoolean()
  active: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  version?: number;

  /** Send null to unlock an account locked by failed sign-ins; any other value is kept as it is. */
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  @Allow()
  lockedUntil?: unknown;

  // Read-only fields that react-admin sends back; accepted and ignored.
  @Allow() id?: unknown;
  @Allow() createdAt?: unknown;
  @Allow() updatedAt?: unknown;
}

export class UserResponse {
  @ApiProperty() id: number;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() active: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'locked by failed sign-ins until then' }) lockedUntil: Date | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export const toUserResponse = (u: User): UserResponse => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  active: u.active,
  lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil : null,
  version: u.version,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
});
