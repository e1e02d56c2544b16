import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsEmail, IsIn, IsInt, IsOptional, IsString, MaxLength, MinLength, ValidateBy } from 'class-validator';
import { type Agency } from './agency.entity';
import { AGENCY_KINDS, type AgencyKind, isJurisdiction, REQUESTER_TYPES, type RequesterType } from '../../../domain/src';

/** An assigned ISO 3166-1 alpha-2 code in upper case, by the domain's list. */
const IsJurisdiction = () =>
  ValidateBy({
    name: 'isJurisdiction',
    validator: { validate: isJurisdiction, defaultMessage: () => 'jurisdiction must be an ISO 3166-1 alpha-2 code such as KR' },
  });

export class AgencyInputDto {
  @ApiProperty({ example: 'Korean National Police Agency' }) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiPropertyOptional({ enum: AGENCY_KINDS, default: 'other' }) @IsOptional() @IsIn(AGENCY_KINDS) kind?: AgencyKind;
  @ApiPropertyOptional({ example: 'KR' }) @IsOptional() @IsString() @MaxLength(100) country?: string | null;
  @ApiPropertyOptional({ example: 'KR', nullable: true, type: String }) @IsOptional() @IsJurisdiction() jurisdiction?: string | null;
  @ApiPropertyOptional({ enum: REQUESTER_TYPES, default: 'other' }) @IsOptional() @IsIn(REQUESTER_TYPES) requesterType?: RequesterType;
  @ApiPropertyOptional() @IsOptional() @IsEmail() contactEmail?: string | null;

  @ApiPropertyOptional({ description: "the law the agency's requests rest on, quoted in the e-mails it sends" })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  legalBasis?: string | null;
}

export class UpdateAgencyDto extends AgencyInputDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() version?: number;
  @Allow() id?: unknown;
  @Allow() createdAt?: unknown;
  @Allow() updatedAt?: unknown;
}

export class AgencyResponse {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: AGENCY_KINDS }) kind: AgencyKind;
  @ApiProperty({ nullable: true, type: String }) country: string | null;
  @ApiProperty({ nullable: true, type: String }) jurisdiction: string | null;
  @ApiProperty({ enum: REQUESTER_TYPES }) requesterType: RequesterType;
  @ApiProperty({ nullable: true, type: String }) contactEmail: string | null;
  @ApiProperty({ nullable: true, type: String }) legalBasis: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export const toAgencyResponse = (a: Agency): AgencyResponse => ({
  id: a.id,
  name: a.name,
  kind: a.kind,
  country: a.country,
  jurisdiction: a.jurisdiction,
  requesterType: a.requesterType,
  contactEmail: a.contactEmail,
  legalBasis: a.legalBasis,
  version: a.version,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

export const agencyColumns = (dto: AgencyInputDto): Partial<Agency> => ({
  name: dto.name,
  kind: dto.kind ?? 'other',
  country: dto.country ?? null,
  jurisdiction: dto.jurisdiction ?? null,
  requesterType: dto.requesterType ?? 'other',
  contactEmail: dto.contactEmail ?? null,
  legalBasis: dto.legalBasis ?? null,
});
