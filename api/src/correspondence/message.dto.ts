import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import {
  can,
  DKIM_RESULTS,
  type DkimResult,
  type Language,
  LANGUAGES,
  MESSAGE_CLASSIFICATIONS,
  MESSAGE_DIRECTIONS,
  MESSAGE_STATUSES,
  type MessageClassification,
  type MessageDirection,
  type MessageStatus,
  type Role,
} from '../../../domain/src';
import type { Message } from './message.entity';

export class FileMessageDto {
  @ApiProperty() @IsInt() @Min(1) requestId: number;
}

export class DispatchDto {
  @ApiPropertyOptional({ enum: LANGUAGES, description: "the mail's language (default English)" })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ description: 'an extra paragraph for this mail' }) @IsOptional() @IsString() @MaxLength(5000) note?: string;
}

export class AttachmentResponse {
  @ApiProperty() index: number;
  @ApiProperty({ description: 'the sender’s name for it, made safe' }) fileName: string;
  @ApiProperty({ description: 'as the sender declared it; served as application/octet-stream whatever it says' }) contentType: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
}

export class MessageResponse {
  @ApiProperty() id: number;
  @ApiProperty({ enum: MESSAGE_DIRECTIONS }) direction: MessageDirection;
  @ApiProperty({ nullable: true, type: Number, description: 'null while in triage' }) requestId: number | null;
  @ApiProperty({ nullable: true, type: String }) messageId: string | null;
  @ApiProperty({ nullable: true, type: String }) inReplyTo: string | null;
  @ApiProperty({ type: [String] }) references: string[];
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty({ nullable: true, type: String }) to: string | null;
  @ApiProperty({ nullable: true, type: String }) subject: string | null;
  @ApiProperty({ nullable: true, type: Date, description: "the sender's Date: header, as claimed" }) claimedDate: Date | null;
  @ApiProperty({
    nullable: true,
    type: Date,
    description: "the mailbox's receipt time; for out, the SMTP server's acceptance (null: prepared, not sent)",
  })
  receivedAt: Date | null;
  @ApiProperty() sha256: string;
  @ApiProperty() size: number;
  @ApiProperty() truncated: boolean;
  @ApiProperty({ enum: DKIM_RESULTS }) dkim: DkimResult;
  @ApiProperty({ nullable: true, type: String }) dkimDomain: string | null;
  @ApiProperty({ enum: MESSAGE_CLASSIFICATIONS }) classification: MessageClassification;
  @ApiProperty({ enum: MESSAGE_STATUSES }) status: MessageStatus;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'the body as plain text (HTML is never served); addresses hidden for roles without content:urls',
  })
  text: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ nullable: true, type: String }) bounceReason: string | null;
  @ApiProperty({ type: [AttachmentResponse], description: 'downloads at /api/messages/:id/attachments/:index' })
  attachments: AttachmentResponse[];
  @ApiProperty() createdAt: Date;
}

export const toMessageResponse = (m: Message): MessageResponse => ({
  id: m.id,
  direction: m.direction,
  requestId: m.requestId,
  messageId: m.messageId,
  inReplyTo: m.inReplyTo,
  references: m.references,
  from: m.fromAddress,
  to: m.toAddress,
  subject: m.subject,
  claimedDate: m.claimedDate,
  receivedAt: m.receivedAt,
  sha256: m.sha256,
  size: m.size,
  truncated: m.truncated,
  dkim: m.dkim,
  dkimDomain: m.dkimDomain,
  classification: m.classification,
  status: m.status,
  text: m.bodyText,
  note: m.note,
  bounceReason: m.bounceReason,
  attachments: (m.attachments ?? []).map((a, index) => ({ index, ...a })),
  createdAt: m.createdAt,
});

/** Web addresses in a text; roles without content:urls see none (the reported content's among them). */
const URLS = /\b(?:https?|ftp):\/\/[^\s<>"']+|\bwww\.[^\s<>"']+/gi;

export const messageVisibleTo =
  (role: Role) =>
  (m: MessageResponse): MessageResponse =>
    can(role, 'content:urls') ? m : { ...m, subject: hideUrls(m.subject), text: hideUrls(m.text) };

const hideUrls = (text: string | null): string | null => text && text.replace(URLS, '[address hidden]');

/** What the audit log keeps of a message: its record without the body text (the raw bytes stay in the message). */
export const toMessageAudit = (m: Message): Omit<MessageResponse, 'text'> => {
  const { text: _text, ...rest } = toMessageResponse(m);
  return rest;
};
