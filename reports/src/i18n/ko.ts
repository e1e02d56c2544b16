import type { ReportTexts } from './en';

const notReached = '도달하지 않음';

/** 한국어 (Korean). */
export const ko: ReportTexts = {
  format: {
    locale: 'ko-KR',
    month: 'numeric',
    percent: (value) => `${value}%`,
    hours: (value) => `${value}시간`,
    days: (value) => `${value}일`,
  },
  document: {
    generated: (at) => `생성 시각: ${at}`,
    page: (page, pages) => `${page} / ${pages}쪽`,
    fingerprint: (sha256) => `데이터 지문(SHA-256): ${sha256}`,
  },
  titles: {
    compliance: (kind, firstMonth, lastMonth) => `${kind} (${firstMonth}~${lastMonth})`,
    brief: (kind, platform) => `${kind}: ${platform}`,
  },
  cover: {
    period: (from, to) => `${from}부터 ${to} 전까지 발송한 요청`,
    asOf: (asOf) => `응답 집계 기준 시각: ${asOf}`,
    agency: (agency) => `요청 기관: ${agency}`,
  },
  summary: {
    heading: '요약',
    overall: (n) =>
      `${n.from}부터 ${n.to} 전까지 플랫폼 ${n.platforms}곳에 요청 ${n.sent}건을 발송했습니다. ` +
      `${n.asOf} 기준으로 ${n.answered}건이 응답을 받았고(${n.rate}), ${n.unanswered}건은 응답을 받지 못했으며 그중 ${n.overdue}건은 기한을 넘겼습니다.`,
    platform: (n) => `${n.platform}: 발송 ${n.sent}건, 응답 ${n.answered}건(${n.rate}), 기한 초과 ${n.overdue}건.`,
    answeredNone: '한 건도 응답하지 않았습니다.',
  },
  metrics: {
    heading: '플랫폼별 응답 현황',
    columns: {
      platform: '플랫폼',
      sent: '발송',
      answered: '응답',
      responseRate: '응답률',
      onTime: '기한 내 응답',
      overdue: '기한 초과',
      medianResponse: '응답 시간 중앙값',
      p90Response: '응답 시간 p90',
      kmMedian: 'KM 중앙값',
      itemsRemoved: '삭제 항목 / 요청 항목',
      medianRemoval: '삭제 시간 중앙값',
    },
    notReached,
  },
  charts: {
    responseRate: '플랫폼별 응답률',
    trend: '월별 요청 발송 및 응답',
    noRequests: '요청 없음',
    sent: '발송',
    answered: '응답',
  },
  waiting: {
    heading: (total) => `미답변 요청 (${total}건)`,
    intro:
      "기준 시각까지 플랫폼이 응답하지 않은 요청을 오래된 순으로 나열했습니다. 기한을 넘긴 요청은 빨간색으로 표시했습니다. '보낸 메일'은 이 시스템에서 요청에 대해 보낸 메일(요청과 독촉)의 수이며, 그중 어느 것에도 회신이 없었습니다.",
    listed: (listed, total) => `가장 오래된 ${listed}건만 싣습니다. 이 보고서와 함께 제공되는 CSV에는 ${total}건이 모두 들어 있습니다.`,
    none: '기간 중 발송한 요청은 모두 응답을 받았습니다.',
    columns: {
      reference: '요청 번호',
      platform: '플랫폼',
      type: '유형',
      channel: '발송 경로',
      sent: '발송일',
      emails: '보낸 메일',
      daysWaiting: '대기 일수',
    },
  },
  consultations: {
    heading: '기간 중 열린 협의',
    none: '기간 중 기록된 협의가 없습니다.',
    noActionItems: '후속 조치가 없습니다.',
    columns: { owner: '담당', action: '조치 사항', due: '기한', state: '상태' },
  },
  crossCheck: {
    heading: '플랫폼이 밝힌 수치와 우리가 기록한 수치',
    intro:
      '플랫폼이 투명성 보고서에 공개한 수치 가운데 기간이 이 보고서의 기간 안에 드는 것을, 같은 회사 또는 서비스, 기간, 관할, 요청 주체 유형에 대한 우리 기록과 나란히 놓았습니다. 우리 쪽 수치는 이 보고서의 요청 기관만이 아니라 같은 관할과 요청 주체 유형에 속하는 모든 기관이 보낸 요청을 셉니다. 각 수치의 산정 방법은 산정 방법 절에 적었습니다.',
    none: '이 보고서의 기간과 플랫폼에 대해 기록된 플랫폼 공개 수치가 없습니다. 비교하려면 콘솔의 공개 수치 화면에서 플랫폼의 투명성 보고서 파일(Google 정부 삭제 요청 CSV, DSA 투명성 보고서의 표 3 CSV)을 가져온 뒤 보고서를 다시 생성하십시오.',
    more: (listed, more) =>
      `가장 최근의 공개 기간 ${listed}개만 싣고 나머지 ${more}개는 싣지 않았습니다. 콘솔의 교차 확인 화면에서 모두 볼 수 있습니다.`,
    halfYear: (year, half) => `${year}년 ${half === 1 ? '상반기' : '하반기'}`,
    allJurisdictions: '전체 관할',
    allRequesters: '전체 요청 주체',
    published: '플랫폼 공개',
    ours: '우리 기록',
    km: (hours) => `KM ${hours}`,
    noFinding: '반올림과 산정 방법의 기준이 허용하는 범위를 넘는 차이는 없습니다.',
    columns: {
      requests: '요청',
      items: '항목',
      itemsRemoved: '삭제된 항목',
      removalRate: '삭제율',
      confirmReceipt: '수신 확인 시간 중앙값',
      giveEffect: '조치 이행 시간 중앙값',
    },
  },
  methodology: {
    heading: '산정 방법',
    counted:
      '집계 대상: 발송 시각이 기간 [시작, 끝) 안에 있는 요청이며, 초안과 철회된 요청은 제외합니다. 모든 수치는 기준 시각 시점으로 산정합니다. 기준 시각 이후에 기록된 응답은 세지 않고, 콘텐츠 상태는 기준 시각 또는 그 이전의 마지막 확인에서 정해진 상태를 따르므로, 과거 기준 시각의 보고서는 바뀌지 않습니다.',
    answered: (platformEvents) =>
      `발송: 기간 중 발송한 요청. 응답: 그중 기준 시각 또는 그 이전에 플랫폼 측 기록(${platformEvents})이 있는 요청. 미답변 = 발송 − 응답. 응답률 = 응답 / 발송(발송한 요청이 없으면 –로 표시).`,
    responseTime:
      '요청의 응답 시간: 플랫폼 측 첫 기록 시각 − 발송 시각(시간 단위). 중앙값과 p90: 응답을 받은 요청만을 대상으로 한 연속 백분위수(PostgreSQL의 percentile_cont와 같은 방식).',
    kmMedian: `KM 중앙값: 첫 응답까지 걸린 시간의 중앙값을 Kaplan-Meier 방법으로 추정한 값으로, 미답변 요청은 기준 시각에 중도 절단된 것으로 봅니다. 아직 응답하지 않은 비율의 추정치가 절반 이하가 되는 가장 짧은 시간이며, 그런 시간이 없으면 "${notReached}"으로 표시합니다. 단순 중앙값과 달리, 대부분의 요청에 응답하지 않는 플랫폼을 유리하게 보이게 하지 않습니다.`,
    deadline: (defaultHours, csamHours, csam) =>
      `기한: 발송 시각 + 발송 당시 해당 플랫폼의 요청 유형별 응답 기한(따로 정하지 않으면 ${defaultHours}시간, ${csam}은 항상 ${csamHours}시간). 기한 초과: 기준 시각에 미답변이면서 기한이 지난 요청. 기한 내 응답 = 기한까지(그리고 기준 시각까지) 응답한 요청 / 발송.`,
    removal:
      '삭제 요청: 기준 시각 현재 요청한 콘텐츠 항목, 삭제된 항목, 아직 게시 중인 항목의 수. 항목이 있는 요청은 전부 삭제(모든 항목 삭제), 일부 삭제(일부 항목 삭제), 미삭제(삭제된 항목 없음)로 나누어 셉니다. 삭제 시간 중앙값: 기준 시각까지 삭제 또는 일부 삭제로 처리된 요청의 처리 시각 − 발송 시각의 중앙값.',
    crossCheck: (n) =>
      `플랫폼 공개 수치와의 비교: 우리 기록을 공개 주체가 세는 방식대로 산정합니다. 요청은 콘텐츠에 대한 조치 명령(${n.orders})이며, 정보 제공 명령(${n.infoOrders})과 따로 셉니다. 해당 수치의 관할과 요청 주체 유형에 속하는 기관이 기간 중 그 회사 또는 서비스에 해당하는 플랫폼에 보낸 요청이 대상입니다. 삭제된 항목은 그 요청의 항목 가운데 현재 법적 근거로 접속이 제한된 항목(${n.legal})과 플랫폼 정책에 따라 삭제된 항목(${n.policy})으로, 공개 주체가 밝히는 두 비율에 해당합니다. 삭제율 = 삭제된 항목 / 항목. DSA의 두 중앙값은 발송부터 플랫폼의 첫 수신 확인(첫 응답 또는 "${n.receipt}" 기록)까지, 그리고 발송부터 조치를 이행한 처리 결과(${n.effect})까지의 시간이며, 그 단계에 이른 요청만을 대상으로 합니다. 각 중앙값 옆에는 아직 기다리는 요청을 중도 절단으로 세는 Kaplan-Meier 중앙값을 함께 적습니다. 플랫폼이 공개하는 중앙값에는 응답하지 않은 요청이 빠지기 때문입니다.`,
    crossCheckRanges: (n) =>
      `공개된 백분율은 반올림한 값이므로 이로부터 구한 건수는 범위가 됩니다. 항목 ${n.items}개의 ${n.pct}%는 ${n.low}~${n.high}개입니다(${n.pct}는 ${n.from}~${n.to}를 반올림한 값). 삭제율은 그 범위를 넘어 우리 값과 ${n.points}%p 넘게 차이 날 때, 중앙값은 우리 값과 ${n.hours}시간 넘게, 그리고 우리 값의 ${n.share}% 넘게 차이 날 때 차이로 보고합니다. 이 보고서의 다른 수치와 달리, 이 비교의 우리 쪽 수치는 보고서를 생성한 시점의 기록으로 산정합니다. 차이 자체가 증거는 아니므로 각 차이에는 이를 설명할 수 있는 사정을 함께 적습니다.`,
    fingerprint: '데이터 지문은 이 보고서를 만든 수치와 행 데이터의 SHA-256 값입니다. 매개변수와 기준 시각이 같으면 지문도 같습니다.',
  },
  brief: {
    asOf: (asOf, sha256) => `${asOf} 기준. 데이터 지문(SHA-256): ${sha256}`,
    metricsHeading: '응답 현황(현재까지의 모든 요청)',
    openRequests: (total) => `응답 대기 요청 (${total}건)`,
    noOpenRequests: '응답을 기다리는 요청이 없습니다.',
    openActionItems: (total) => `진행 중인 후속 조치 (${total}건)`,
    noOpenActionItems: '진행 중인 후속 조치가 없습니다.',
    columns: { consultation: '협의', owner: '담당', action: '조치 사항', due: '기한' },
  },
};
