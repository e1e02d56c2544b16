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
  crossCheck: {
    heading: 'Apa kata platform dan apa yang kami catat',
    intro:
      'Angka yang dipublikasikan platform dalam laporan transparansinya, untuk periode di dalam periode laporan ini, berdampingan dengan catatan kami untuk perusahaan atau layanan, periode, yurisdiksi, dan jenis pemohon yang sama. Sisi kami menghitung permintaan dari semua instansi di pelacak dengan yurisdiksi dan jenis pemohon tersebut, bukan hanya instansi laporan ini; metodologi menjelaskan cara setiap angka diukur.',
    none: 'Belum ada angka publikasi platform yang tercatat untuk periode dan platform laporan ini. Untuk membandingkan, impor berkas transparansi platform (CSV permintaan penghapusan dari pemerintah milik Google, CSV tabel 3 laporan transparansi DSA) di layar angka publikasi pada konsol, lalu buat laporan ini kembali.',
    more: (listed, more) =>
      `Hanya ${listed} periode publikasi terbaru yang dicantumkan; ${more} lainnya tidak. Layar pemeriksaan silang di konsol menampilkan semuanya.`,
    halfYear: (year, half) => `Semester ${half} ${year}`,
    allJurisdictions: 'semua yurisdiksi',
    allRequesters: 'semua pemohon',
    published: 'Dipublikasikan',
    ours: 'Catatan kami',
    km: (hours) => `KM ${hours}`,
    noFinding: 'Tidak ada selisih di luar yang dimungkinkan oleh pembulatan dan ambang dalam metodologi.',
    columns: {
      requests: 'Permintaan',
      items: 'Konten',
      itemsRemoved: 'Konten dihapus',
      removalRate: 'Tingkat penghapusan',
      confirmReceipt: 'Median waktu konfirmasi penerimaan',
      giveEffect: 'Median waktu pelaksanaan perintah',
    },
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
    crossCheck: (n) =>
      `Apa kata platform: catatan kami diukur dengan cara penerbit mengukur. Permintaan adalah perintah untuk bertindak terhadap konten (${n.orders}), dihitung terpisah dari perintah untuk memberikan informasi (${n.infoOrders}), yang dikirim dalam periode ke platform yang diwakili perusahaan atau layanan tersebut oleh instansi dengan yurisdiksi dan jenis pemohon angka itu. Konten dihapus adalah konten dari perintah tersebut yang kini dibatasi atas dasar hukum (${n.legal}) atau diturunkan berdasarkan kebijakan platform (${n.policy}), dua porsi yang diberikan penerbit; tingkat penghapusan = konten dihapus / konten. Dua median DSA: jam dari pengiriman hingga konfirmasi penerimaan pertama oleh platform (jawaban pertamanya atau peristiwa “${n.receipt}”) dan dari pengiriman hingga hasil yang melaksanakan perintah (${n.effect}), atas perintah yang telah sampai ke tahap itu. Di samping masing-masing ada median Kaplan-Meier, yang menghitung perintah yang masih menunggu sebagai tersensor: median milik platform sendiri tidak menyertakan perintah yang belum dijawab.`,
    crossCheckRanges: (n) =>
      `Persentase yang dipublikasikan telah dibulatkan, sehingga jumlah yang diturunkan darinya berupa rentang: ${n.pct}% dari ${n.items} konten adalah ${n.low} hingga ${n.high} konten (${n.pct} mewakili ${n.from} hingga ${n.to}). Tingkat penghapusan dilaporkan sebagai selisih bila berbeda dari angka kami lebih dari ${n.points} poin persentase di luar rentang itu; median, bila berbeda dari angka kami lebih dari ${n.hours} jam dan lebih dari ${n.share}% angka kami. Berbeda dengan bagian lain laporan ini, sisi kami dalam perbandingan ini diukur pada catatan sebagaimana adanya saat laporan dibuat. Selisih bukan bukti dengan sendirinya: setiap selisih disertai hal yang dapat menjelaskannya.`,
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
