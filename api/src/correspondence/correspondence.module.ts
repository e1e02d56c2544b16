import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RequestsModule } from '../requests/requests.module';
import { DispatchController } from './dispatch.controller';
import { DkimVerifier } from './dkim';
import { Evidence } from './evidence';
import { EvidenceController } from './evidence.controller';
import { Filing } from './filing';
import { Inbound } from './inbound';
import { InboundPoller } from './inbound-poller';
import { MailboxCursor } from './mailbox-cursor.entity';
import { Message } from './message.entity';
import { MessagesController } from './messages.controller';
import { Messages } from './messages.service';
import { Outbound } from './outbound';
import { Renotice } from './renotice';
import { Triage } from './triage';

/** Correspondence: requests sent by e-mail, the platforms' replies read from a mailbox, every message kept as evidence. */
@Module({
  imports: [TypeOrmModule.forFeature([Message, MailboxCursor]), RequestsModule],
  controllers: [MessagesController, DispatchController, EvidenceController],
  providers: [DkimVerifier, Evidence, Filing, Inbound, InboundPoller, Messages, Outbound, Renotice, Triage],
  exports: [Outbound, InboundPoller, DkimVerifier, Renotice],
})
export class CorrespondenceModule {}
