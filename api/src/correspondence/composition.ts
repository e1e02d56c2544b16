import MailComposer from 'nodemailer/lib/mail-composer';

export interface MailParts {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  date: Date;
  /** The Message-IDs of the thread so far, oldest first: the new mail answers the last one. */
  thread?: string[];
}

/** A plain-text mail as the exact bytes that will be sent and kept, with CRLF line ends as SMTP carries them. */
export async function composeMail({ thread = [], ...parts }: MailParts): Promise<Buffer> {
  const built = await new MailComposer({
    ...parts,
    ...(thread.length ? { inReplyTo: thread[thread.length - 1], references: thread } : {}),
  })
    .compile()
    .build();
  // The composer leaves a text body's line ends bare: what we keep must be what the server receives.
  return Buffer.from(built.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
}
