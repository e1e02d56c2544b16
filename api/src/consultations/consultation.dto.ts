import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { type Consultation } from './consultation.entity';
import {
  ACTION_OWNER_SIDES,
  ACTION_STATES,
  type ActionOwnerSide,
  type ActionState,
  CONSULTATION_FORMATS,
  type ConsultationFormat,
} from '../../../domain/src';

export class ActionItemInputDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) id?: number;
  @ApiProperty({ enum: ACTION_OWNER_SIDES }) @IsIn(ACTION_OWNER_SIDES) ownerSide: ActionOwnerSide;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) text: string;
  @ApiPropertyOptional({ example: '2024-07-01' }) @IsOptional() @IsISO8601({ strict: true }) dueDate?: string | null;
  @ApiPropertyOptional({ enum: ACTION_STATES, default: 'open' }) @IsOptional() @IsIn(ACTION_STATES) state?: ActionState;
  @Allow() consultationId?: unknown;
}

export class ConsultationInputDto {
  @ApiProperty() @IsInt() @Min(1) platformId: number;
  @ApiProperty({ example: '2024-09-03T05:00:00Z' }) @IsISO8601({ strict: true }) heldAt: string;
  @ApiProperty({ enum: CONSULTATION_FORMATS }) @IsIn(CONSULTATION_FORMATS) format: ConsultationFormat;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) title: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  attendees?: string[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) agenda?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100000) minutes?: string | null;

  @ApiPropertyOptional({ type: [Number], description: 'requests discussed; they must have been sent to this platform' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsInt({ each: true })
  requestIds?: number[];

  @ApiPropertyOptional({ type: [ActionItemInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ActionItemInputDto)
  actionItems?: ActionItemInputDto[];
}

export class UpdateConsultationDto extends ConsultationInputDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() version?: number;
  @Allow() id?: unknown;
  @Allow() createdAt?: unknown;
  @Allow() updatedAt?: unknown;
}

export class ActionItemResponse {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ACTION_OWNER_SIDES }) ownerSide: ActionOwnerSide;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: String }) dueDate: string | null;
  @ApiProperty({ enum: ACTION_STATES }) state: ActionState;
}

export class ConsultationResponse {
  @ApiProperty() id: number;
  @ApiProperty() platformId: number;
  @ApiProperty() heldAt: Date;
  @ApiProperty({ enum: CONSULTATION_FORMATS }) format: ConsultationFormat;
  @ApiProperty() title: string;
  @ApiProperty({ type: [String] }) attendees: string[];
  @ApiProperty({ nullable: true, type: String }) agenda: string | null;
  @ApiProperty({ nullable: true, type: String }) minutes: string | null;
  @ApiProperty({ type: [Number] }) requestIds: number[];
  @ApiProperty({ type: [ActionItemResponse] }) actionItems: ActionItemResponse[];
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export const toConsultationResponse = (c: Consultation): ConsultationResponse => ({
  id: c.id,
  platformId: c.platformId,
  heldAt: c.heldAt,
  format: c.format,
  title: c.title,
  attendees: c.attendees,
  agenda: c.agenda,
  minutes: c.minutes,
  requestIds: (c.requests ?? []).map((r) => r.id).sort((a, b) => a - b),
  actionItems: [...(c.actionItems ?? [])]
    .sort((a, b) => a.id - b.id)
    .map((a) => ({ id: a.id, ownerSide: a.ownerSide, text: a.text, dueDate: a.dueDate, state: a.state })),
  version: c.version,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});
