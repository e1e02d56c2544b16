import type { ReportTexts } from './en';

const notReached = 'tidak tercapai';

/** Bahasa Indonesia (Indonesian). */
export const id: ReportTexts = {
  format: {
    locale: 'id-ID',
    month: 'short',
    percent: (value) => `${value}%`,
    hours: (value) => `${value} jam`,
    days: (value) => `${value} hari`,
  },
  document: {
    generated: (at) => `Dibuat ${at}`,
    page: (page, pages) => `Halaman ${page} dari ${pages}`,
    fingerprint: (sha256) => `Sidik data (SHA-256): ${sha256}`,
  },
  titles: {
    compliance: (kind, firstMonth, lastMonth) => `${kind} ${firstMonth} s.d. ${lastMonth}`,
    brief: (kind, platform) => `${kind}: ${platform}`,
  },
  cover: {
    period: (from, to) => `Permintaan yang dikirim sejak ${from} hingga sebelum ${to}`,
    asOf: (asOf) => `Jawaban dihitung per ${asOf}`,
    agency: (agency) => `Instansi pemohon: ${agency}`,
  },
  summary: {
    heading: 'Ringkasan',
    overall: (n) =>
      `${n.sent} permintaan dikirim ke ${n.platforms} platform antara ${n.from} dan ${n.to}; ` +
      `${n.answered} telah dijawab per ${n.asOf} (${n.rate}), ${n.unanswered} belum, dan ${n.overdue} di antaranya telah melewati tenggat.`,
    platform: (n) => `${n.platform}: ${n.sent} dikirim, ${n.answered} dijawab (${n.rate}), ${n.overdue} lewat tenggat.`,
    answeredNone: 'Tidak satu pun dijawab.',
  },
  metrics: {
    heading: 'Responsivitas per platform',
    columns: {
      platform: 'Platform',
      sent: 'Dikirim',
      answered: 'Dijawab',
      responseRate: 'Tingkat respons',
      onTime: 'Tepat waktu',
      overdue: 'Lewat tenggat',
      medianResponse: 'Median respons',
      p90Response: 'Respons p90',
      kmMedian: 'Median KM',
      itemsRemoved: 'Konten dihapus / diminta',
      medianRemoval: 'Median waktu hapus',
    },
    notReached,
  },
  charts: {
    responseRate: 'Tingkat respons per platform',
    trend: 'Permintaan dikirim dan dijawab, per bulan',
    noRequests: 'tidak ada permintaan',
    sent: 'dikirim',
    answered: 'dijawab',
  },
  waiting: {
    heading: (total) => `Permintaan belum dijawab (${total})`,
    intro:
      "Permintaan yang belum dijawab platform pada waktu acuan, dari yang terlama. Yang telah melewati tenggat ditandai merah. 'E-mail' menghitung e-mail yang dikirim dari sistem ini untuk permintaan tersebut (permintaan dan pengingatnya): tidak satu pun dijawab.",
    listed: (listed, total) => `Hanya ${listed} yang terlama dicantumkan; CSV yang menyertai laporan ini memuat seluruh ${total}.`,
    none: 'Semua permintaan yang dikirim dalam periode ini telah dijawab.',
    columns: {
      reference: 'Referensi',
      platform: 'Platform',
      type: 'Jenis',
      channel: 'Saluran',
      sent: 'Dikirim',
      emails: 'E-mail',
      daysWaiting: 'Hari menunggu',
    },
  },
  consultations: {
    heading: 'Konsultasi dalam periode ini',
    none: 'Tidak ada konsultasi yang tercatat dalam periode ini.',
    noActionItems: 'Tidak ada tindak lanjut.',
    columns: { owner: 'Penanggung jawab', action: 'Tindak lanjut', due: 'Tenggat', state: 'Status' },
  },
  methodology: {
    heading: 'Metodologi',
    counted:
      'Permintaan yang dihitung: permintaan dengan waktu pengiriman dalam periode [dari, sampai), tidak termasuk draf dan permintaan yang ditarik. Setiap angka dihitung per waktu acuan: jawaban yang dicatat sesudahnya tidak dihitung, dan status suatu konten adalah status dari pemeriksaan terakhirnya pada atau sebelum waktu acuan, sehingga laporan untuk waktu acuan yang telah lewat tidak pernah berubah.',
    answered: (platformEvents) =>
      `Dikirim: permintaan dalam periode. Dijawab: di antaranya, permintaan yang memiliki peristiwa dari pihak platform (${platformEvents}) pada atau sebelum waktu acuan. Belum dijawab = dikirim − dijawab. Tingkat respons = dijawab / dikirim (ditampilkan sebagai – bila tidak ada yang dikirim).`,
    responseTime:
      'Waktu respons suatu permintaan: peristiwa pertama dari pihak platform − waktu pengiriman, dalam jam. Median dan p90: persentil kontinu (seperti percentile_cont pada PostgreSQL) atas permintaan yang dijawab saja.',
    kmMedian: `Median KM: estimasi Kaplan-Meier atas median waktu hingga respons pertama, dengan permintaan yang belum dijawab dianggap tersensor pada waktu acuan; yaitu waktu terkecil saat estimasi porsi yang masih belum dijawab paling banyak setengah ("${notReached}" bila tidak pernah). Berbeda dengan median biasa, angka ini tidak menguntungkan platform yang membiarkan sebagian besar permintaan tidak dijawab.`,
    deadline: (defaultHours, csamHours, csam) =>
      `Tenggat: waktu pengiriman + tenggat respons platform untuk jenis permintaan tersebut pada saat pengiriman (${defaultHours} jam kecuali ditetapkan lain; selalu ${csamHours} jam untuk ${csam}). Lewat tenggat: belum dijawab dan telah melewati tenggat pada waktu acuan. Tepat waktu = dijawab sebelum tenggat (dan sebelum waktu acuan) / dikirim.`,
    removal:
      'Permintaan penghapusan: jumlah konten yang diminta, dihapus, dan masih daring per waktu acuan; permintaan yang memuat konten dihitung sebagai terhapus seluruhnya (semua konten dihapus), sebagian (sebagian konten) atau tidak sama sekali (tidak ada). Median penghapusan: median dari waktu penyelesaian − waktu pengiriman atas permintaan yang diselesaikan sebagai dihapus atau dihapus sebagian hingga waktu acuan.',
    fingerprint:
      'Sidik data adalah SHA-256 dari angka dan baris yang menjadi dasar laporan ini; parameter dan waktu acuan yang sama menghasilkan sidik yang sama.',
  },
  brief: {
    asOf: (asOf, sha256) => `Per ${asOf}. Sidik data (SHA-256): ${sha256}`,
    metricsHeading: 'Responsivitas, semua permintaan hingga kini',
    openRequests: (total) => `Permintaan terbuka (${total})`,
    noOpenRequests: 'Tidak ada permintaan yang menunggu jawaban.',
    openActionItems: (total) => `Tindak lanjut terbuka (${total})`,
    noOpenActionItems: 'Tidak ada tindak lanjut terbuka.',
    columns: { consultation: 'Konsultasi', owner: 'Penanggung jawab', action: 'Tindak lanjut', due: 'Tenggat' },
  },
};
