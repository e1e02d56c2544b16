import { enumLabel, type Language, type RequestCategory, type RequestType } from '../../../domain/src';

/** What a request's e-mail says: everything the platform needs to act, nothing it must look up. */
export interface RequestMail {
  language: Language;
  reference: string;
  type: RequestType;
  category: RequestCategory;
  platform: string;
  agency: string;
  legalBasis: string | null;
  dueAt: Date;
  slaHours: number;
  urls: (string | null)[];
  note: string | null;
  /** For a reminder: its number and when the request was first sent. */
  reminder?: { number: number; firstSentAt: Date };
}

interface Wording {
  ask: Record<RequestType, (agency: string) => string>;
  greeting: (platform: string) => string;
  reference: string;
  legalBasis: string;
  noLegalBasis: string;
  deadline: (due: string, hours: number) => string;
  content: string;
  reminder: (n: number, first: string) => string;
  subjectReminder: (n: number) => string;
}

const WORDING: Record<Language, Wording> = {
  en: {
    greeting: (p) => `To the ${p} trust and safety team,`,
    ask: {
      removal: (a) => `${a} asks you to remove the content listed below.`,
      blocking: (a) => `${a} asks you to block access to the content listed below in our jurisdiction.`,
      investigation: (a) => `${a} asks for your assistance with an investigation concerning the content and accounts listed below.`,
      preservation: (a) => `${a} asks you to preserve the data associated with the content and accounts listed below.`,
    },
    reference: 'Our reference (please keep it in the subject of your reply)',
    legalBasis: 'Legal basis',
    noLegalBasis: 'stated in the attached correspondence',
    deadline: (d, h) => `Please answer by ${d} (${h} hours).`,
    content: 'Content concerned',
    reminder: (n, f) => `Reminder ${n}: we have not received an answer to our request of ${f}. The request follows again.`,
    subjectReminder: (n) => `Reminder ${n}`,
  },
  ko: {
    greeting: (p) => `${p} 신뢰·안전 담당자께,`,
    ask: {
      removal: (a) => `${a}은(는) 아래 콘텐츠의 삭제를 요청합니다.`,
      blocking: (a) => `${a}은(는) 아래 콘텐츠에 대한 국내 접속 차단을 요청합니다.`,
      investigation: (a) => `${a}은(는) 아래 콘텐츠 및 계정과 관련된 수사 협조를 요청합니다.`,
      preservation: (a) => `${a}은(는) 아래 콘텐츠 및 계정과 관련된 자료의 보존을 요청합니다.`,
    },
    reference: '요청 번호(회신 시 제목에 그대로 두어 주십시오)',
    legalBasis: '법적 근거',
    noLegalBasis: '별도 공문에 기재',
    deadline: (d, h) => `${d}까지(${h}시간 이내) 회신해 주십시오.`,
    content: '대상 콘텐츠',
    reminder: (n, f) => `독촉 ${n}회: ${f}에 보낸 요청에 대한 회신을 받지 못했습니다. 요청 내용을 다시 보냅니다.`,
    subjectReminder: (n) => `독촉 ${n}회`,
  },
  id: {
    greeting: (p) => `Kepada tim trust and safety ${p},`,
    ask: {
      removal: (a) => `${a} meminta Anda menghapus konten yang tercantum di bawah ini.`,
      blocking: (a) => `${a} meminta Anda memblokir akses ke konten di bawah ini di yurisdiksi kami.`,
      investigation: (a) => `${a} meminta bantuan Anda dalam penyelidikan terkait konten dan akun di bawah ini.`,
      preservation: (a) => `${a} meminta Anda menyimpan data terkait konten dan akun di bawah ini.`,
    },
    reference: 'Nomor referensi kami (mohon tetap dicantumkan pada subjek balasan)',
    legalBasis: 'Dasar hukum',
    noLegalBasis: 'tercantum dalam surat terlampir',
    deadline: (d, h) => `Mohon dijawab paling lambat ${d} (${h} jam).`,
    content: 'Konten terkait',
    reminder: (n, f) => `Pengingat ${n}: kami belum menerima jawaban atas permintaan kami tanggal ${f}. Permintaan kami sampaikan kembali.`,
    subjectReminder: (n) => `Pengingat ${n}`,
  },
};

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** The subject always carries the reference in brackets: replies that lose the thread are still matched by it. */
export function requestSubject(mail: RequestMail): string {
  const w = WORDING[mail.language];
  const base = `[${mail.reference}] ${enumLabel(mail.language, 'type', mail.type)} – ${mail.agency}`;
  return mail.reminder ? `Re: ${w.subjectReminder(mail.reminder.number)}: ${base}` : base;
}

export function requestText(mail: RequestMail): string {
  const w = WORDING[mail.language];
  const lines = [
    ...(mail.reminder ? [w.reminder(mail.reminder.number, utc(mail.reminder.firstSentAt)), ''] : []),
    w.greeting(mail.platform),
    '',
    `${w.ask[mail.type](mail.agency)} (${enumLabel(mail.language, 'category', mail.category)})`,
    '',
    `${w.reference}: ${mail.reference}`,
    `${w.legalBasis}: ${mail.legalBasis ?? w.noLegalBasis}`,
    w.deadline(utc(mail.dueAt), mail.slaHours),
    '',
    `${w.content}:`,
    ...mail.urls.map((url, i) => `${i + 1}. ${url ?? ''}`),
    ...(mail.note ? ['', mail.note] : []),
    '',
    mail.agency,
  ];
  return `${lines.join('\n')}\n`;
}
