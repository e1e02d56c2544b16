import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  IsArray,
  IsBoolean,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { Platform } from './platform.entity';
import { DEFAULT_SLA_HOURS, REQUEST_TYPES } from '../../../domain/src';

export class SlaHoursDto {
  @ApiProperty({ example: DEFAULT_SLA_HOURS }) @IsInt() @Min(1) @Max(8760) removal: number;
  @ApiProperty({ example: DEFAULT_SLA_HOURS }) @IsInt() @Min(1) @Max(8760) blocking: number;
  @ApiProperty({ example: DEFAULT_SLA_HOURS }) @IsInt() @Min(1) @Max(8760) investigation: number;
  @ApiProperty({ example: DEFAULT_SLA_HOURS }) @IsInt() @Min(1) @Max(8760) preservation: number;
}

export class ContactChannelDto {
  @ApiProperty({ example: 'email' }) @IsString() @MinLength(1) @MaxLength(50) kind: string;
  @ApiProperty({ example: 'abuse@example.com' }) @IsString() @MinLength(1) @MaxLength(500) value: string;
}

/** Where requests of each type are e-mailed. */
export class MailAddressesDto {
  @ApiPropertyOptional() @IsOptional() @IsEmail() removal?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() blocking?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() investigation?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() preservation?: string;
}

/** Re-notice: an unanswered mailed request is sent again, in its thread, every `everyHours`, at most `times` times. */
export class RenoticeDto {
  @ApiProperty({ example: 24 }) @IsInt() @Min(1) @Max(8760) everyHours: number;
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) @Max(50) times: number;
}

export class PlatformInputDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name: string;

  @ApiProperty({ example: 'telegram', description: 'lower-case letters, digits and dashes' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'slug must be lower-case letters, digits and dashes' })
  slug: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) parentCompany?: string | null;

  @ApiPropertyOptional({ description: 'has a legal representative or office in the jurisdiction' })
  @IsOptional()
  @IsBoolean()
  hasLocalRepresentative?: boolean;

  @ApiPropertyOptional({ type: [ContactChannelDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ContactChannelDto)
  contactChannels?: ContactChannelDto[];

  @ApiPropertyOptional({ type: SlaHoursDto, description: 'response deadline per request type; csam requests always get 24 h' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SlaHoursDto)
  slaHours?: SlaHoursDto;

  @ApiPropertyOptional({ type: MailAddressesDto, description: 'e-mail address per request type, used by dispatch' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MailAddressesDto)
  mailTo?: MailAddressesDto;

  @ApiPropertyOptional({ type: RenoticeDto, nullable: true, description: 'null: no re-notice' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RenoticeDto)
  renotice?: RenoticeDto | null;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) notes?: string | null;
}

export class UpdatePlatformDto extends PlatformInputDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() version?: number;
  @Allow() id?: unknown;
  @Allow() createdAt?: unknown;
  @Allow() updatedAt?: unknown;
}

export class PlatformResponse {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ nullable: true, type: String }) parentCompany: string | null;
  @ApiProperty() hasLocalRepresentative: boolean;
  @ApiProperty({ type: [ContactChannelDto] }) contactChannels: ContactChannelDto[];
  @ApiProperty({ type: SlaHoursDto }) slaHours: SlaHoursDto;
  @ApiProperty({ type: MailAddressesDto }) mailTo: MailAddressesDto;
  @ApiProperty({ type: RenoticeDto, nullable: true }) renotice: RenoticeDto | null;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export const toPlatformResponse = (p: Platform): PlatformResponse => ({
  id: p.id,
  name: p.name,
  slug: p.slug,
  parentCompany: p.parentCompany,
  hasLocalRepresentative: p.hasLocalRepresentative,
  contactChannels: p.contactChannels,
  slaHours: {
    removal: p.slaRemovalHours,
    blocking: p.slaBlockingHours,
    investigation: p.slaInvestigationHours,
    preservation: p.slaPreservationHours,
  },
  mailTo: p.mailTo ?? {},
  renotice: p.renoticeHours ? { everyHours: p.renoticeHours, times: p.renoticeMax } : null,
  notes: p.notes,
  version: p.version,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});

/** The entity columns an input sets; absent optional fields keep their current (or default) value. */
export const platformColumns = (dto: PlatformInputDto): Partial<Platform> => ({
  name: dto.name,
  slug: dto.slug,
  parentCompany: dto.parentCompany ?? null,
  notes: dto.notes ?? null,
  ...(dto.hasLocalRepresentative !== undefined && { hasLocalRepresentative: dto.hasLocalRepresentative }),
  ...(dto.mailTo && {
    mailTo: Object.fromEntries(REQUEST_TYPES.filter((t) => dto.mailTo![t]).map((t) => [t, dto.mailTo![t]!.trim()])),
  }),
  ...(dto.renotice !== undefined && {
    renoticeHours: dto.renotice?.everyHours ?? null,
    renoticeMax: dto.renotice?.times ?? 0,
  }),
  ...(dto.contactChannels && { contactChannels: dto.contactChannels.map(({ kind, value }) => ({ kind, value })) }),
  ...(dto.slaHours && {
    slaRemovalHours: dto.slaHours.removal,
    slaBlockingHours: dto.slaHours.blocking,
    slaInvestigationHours: dto.slaHours.investigation,
    slaPreservationHours: dto.slaHours.preservation,
  }),
});
