import { classify } from './classification';
import { parseMail } from './parsing';

const mail = (headers: Record<string, string>, body = 'Hello.') =>
  Buffer.from(
    [
      'From: Someone <someone@platform.example>',
      'Message-ID: <m1@platform.example>',
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      '',
      body,
      '',
    ].join('\r\n'),
  );
const kindOf = async (raw: Buffer) => classify(await parseMail(raw)).classification;

describe('classification of received mail', () => {
  it('should take a plain reply for a person', async () => {
    expect(await kindOf(mail({ Subject: 'Re: [KCSC-1] Removal' }))).toBe('human');
  });

  it.each([
    [{ Subject: 'Re: your report', 'Auto-Submitted': 'auto-replied' }],
    [{ Subject: 'Re: your report', 'X-Autoreply': 'yes' }],
    [{ Subject: 'Re: your report', Precedence: 'auto_reply' }],
    [{ Subject: 'Automatic reply: [KCSC-1] Removal' }],
    [{ Subject: '[Request received] Your report' }],
    [{ Subject: 'Ticket #4711 has been created' }],
    [{ Subject: 'We have received your request' }],
  ])('should take %j for an automatic reply', async (headers) => {
    expect(await kindOf(mail(headers))).toBe('auto_reply');
  });

  it('should not take Auto-Submitted: no for an automatic reply', async () => {
    expect(await kindOf(mail({ Subject: 'Re: x', 'Auto-Submitted': 'no' }))).toBe('human');
  });

  it("should take a mailer daemon's failure notice for a bounce and read the returned Message-ID", async () => {
    const raw = Buffer.from(
      [
        'From: MAILER-DAEMON@mx.example',
        'Subject: Mail delivery failed: returning message to sender',
        'Message-ID: <b1@mx.example>',
        '',
        'This message was created automatically by mail delivery software.',
        '',
        '------ This is a copy of the message, including all the headers. ------',
        'Message-ID: <ours@tracker.example>',
        'Subject: [KCSC-1] Removal',
        '',
      ].join('\r\n'),
    );
    expect(classify(await parseMail(raw))).toMatchObject({ classification: 'bounce', returnedMessageId: '<ours@tracker.example>' });
  });

  it('should keep what it cannot read as unreadable, and what nests too deeply unparsed', async () => {
    expect(await kindOf(Buffer.from([0, 1, 2, 3, 10, 10, 0]))).toBe('unreadable');
    const nested = Array.from({ length: 60 }, (_, i) => `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}`).join('\r\n');
    const parsed = await parseMail(mail({ Subject: 'deep', 'MIME-Version': '1.0' }, nested));
    expect(parsed.unreadable).toMatch(/multipart containers/);
  });

  it('should give text without control characters, never HTML', async () => {
    const parsed = await parseMail(
      mail({ Subject: 'Re: x', 'Content-Type': 'text/html' }, '<p>Removed <b>now</b>\u0000</p><script>x()</script>'),
    );
    expect(parsed.text).toBe('Removed now');
  });
});
