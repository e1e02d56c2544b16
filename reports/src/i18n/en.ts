/** How a language writes the numbers and dates of a report. */
export interface LocaleFormat {
  /** The BCP 47 tag Intl formats with. */
  locale: string;
  /** Months in dates as Intl writes them ('numeric': 2020. 2. 11., 'short': 11 Feb 2020), or 'iso' for ISO 8601 (2020-02-11). */
  month: 'iso' | 'numeric' | 'short';
  percent: (value: string) => string;
  hours: (value: string) => string;
  days: (value: string) => string;
}

const format: LocaleFormat = {
  locale: 'en',
  month: 'iso', // English reports have always shown ISO 8601 dates
  percent: (value) => `${value} %`,
  hours: (value) => `${value} h`,
  days: (value) => `${value} d`,
};

const notReached = 'not reached';

/**
 * Every text of the reports, in English. Numbers and dates come in already formatted; enum values
 * come in as the domain's labels. Korean and Indonesian are typed by this, so none can miss a text.
 */
export const en = {
  format,
  document: {
    generated: (at: string) => `Generated ${at}`,
    page: (page: string, pages: string) => `Page ${page} of ${pages}`,
    fingerprint: (sha256: string) => `Data fingerprint (SHA-256): ${sha256}`,
  },
  titles: {
    compliance: (kind: string, firstMonth: string, lastMonth: string) => `${kind} ${firstMonth} to ${lastMonth}`,
    brief: (kind: string, platform: string) => `${kind}: ${platform}`,
  },
  cover: {
    period: (from: string, to: string) => `Requests sent from ${from} up to ${to} (exclusive)`,
    asOf: (asOf: string) => `Answers counted as of ${asOf}`,
    agency: (agency: string) => `Requesting agency: ${agency}`,
  },
  summary: {
    heading: 'Summary',
    overall: (n: {
      sent: string;
      platforms: string;
      from: string;
      to: string;
      answered: string;
      asOf: string;
      rate: string;
      unanswered: string;
      overdue: string;
    }) =>
      `${n.sent} requests were sent to ${n.platforms} platforms between ${n.from} and ${n.to}; ` +
      `${n.answered} had been answered by ${n.asOf} (${n.rate}), ${n.unanswered} had not, and ${n.overdue} of those were past their deadline.`,
    platform: (n: { platform: string; sent: string; answered: string; rate: string; overdue: string }) =>
      `${n.platform}: ${n.sent} sent, ${n.answered} answered (${n.rate}), ${n.overdue} overdue.`,
    answeredNone: 'It answered none of them.',
  },
  metrics: {
    heading: 'Responsiveness by platform',
    columns: {
      platform: 'Platform',
      sent: 'Sent',
      answered: 'Answered',
      responseRate: 'Response rate',
      onTime: 'On time',
      overdue: 'Overdue',
      medianResponse: 'Median response',
      p90Response: 'p90 response',
      kmMedian: 'KM median',
      itemsRemoved: 'Items removed / requested',
      medianRemoval: 'Median removal',
    },
    notReached,
  },
  charts: {
    responseRate: 'Response rate by platform',
    trend: 'Requests sent and answered, by month',
    noRequests: 'no requests',
    sent: 'sent',
    answered: 'answered',
  },
  waiting: {
    heading: (total: string) => `Unanswered requests (${total})`,
    intro:
      "Requests with no answer from the platform at the as-of time, oldest first. Those past their deadline are in red. 'E-mails' counts the e-mails sent for the request from this tracker (the request and its reminders): none of them was answered.",
    listed: (listed: string, total: string) => `The ${listed} oldest are listed; the CSV that comes with this report lists all ${total}.`,
    none: 'Every request sent in the period had been answered.',
    columns: {
      reference: 'Reference',
      platform: 'Platform',
      type: 'Type',
      channel: 'Channel',
      sent: 'Sent',
      emails: 'E-mails',
      daysWaiting: 'Days waiting',
    },
  },
  consultations: {
    heading: 'Consultations held in the period',
    none: 'No consultation was recorded in the period.',
    noActionItems: 'No action items.',
    columns: { owner: 'Owner', action: 'Action', due: 'Due', state: 'State' },
  },
  crossCheck: {
    heading: 'What the platforms say and what we recorded',
    intro:
      "Figures the platforms publish in their transparency reports, for periods within this report's period, beside what our ledger holds for the same company or service, period, jurisdiction and requester type. Our side counts the requests of every agency in the tracker with that jurisdiction and requester type, not only this report's agency; the methodology says how each figure is measured.",
    none: "No figures published by the platforms are recorded for this report's period and platforms. To compare, import the platforms' transparency files (Google's government removal requests CSV, the table 3 CSV of a DSA transparency report) in the console's published figures screen, then generate the report again.",
    more: (listed: string, more: string) =>
      `The ${listed} most recent published periods are shown; ${more} more are not. The console's cross-check screen shows them all.`,
    halfYear: (year: string, half: 1 | 2) => `${year}-H${half}`,
    allJurisdictions: 'all jurisdictions',
    allRequesters: 'all requesters',
    published: 'Published',
    ours: 'Recorded by us',
    km: (hours: string) => `KM ${hours}`,
    noFinding: 'No gap beyond what the rounding and the thresholds of the methodology allow.',
    columns: {
      requests: 'Requests',
      items: 'Items',
      itemsRemoved: 'Items removed',
      removalRate: 'Removal rate',
      confirmReceipt: 'Median to confirm receipt',
      giveEffect: 'Median to give effect',
    },
  },
  methodology: {
    heading: 'Methodology',
    counted:
      'Requests counted: those with a sending time in the period [from, to), excluding drafts and withdrawn requests. Every figure is evaluated as of the as-of time: an answer recorded after it does not count, and an item state is the one set by its last check at or before it, so a report for a past as-of time never changes.',
    answered: (platformEvents: string) =>
      `Sent: requests in the period. Answered: of those, requests with a platform-originated event (${platformEvents}) at or before the as-of time. Unanswered = sent − answered. Response rate = answered / sent (shown as – when nothing was sent).`,
    responseTime:
      'Response time of a request: first platform-originated event − sending time, in hours. Median and p90: continuous percentiles (as PostgreSQL percentile_cont) over the answered requests only.',
    kmMedian: `KM median: the Kaplan-Meier estimate of the median time to first response, counting unanswered requests as censored at the as-of time; the smallest time at which the estimated share still unanswered is at most one half ("${notReached}" when it never is). Unlike the plain median, it does not flatter a platform that leaves most requests unanswered.`,
    deadline: (defaultHours: string, csamHours: string, csam: string) =>
      `Deadline: sending time + the platform's response deadline for the request type at the time of sending (${defaultHours} h unless set otherwise; always ${csamHours} h for ${csam}). Overdue: unanswered and past the deadline at the as-of time. On time = answered by the deadline (and by the as-of time) / sent.`,
    removal:
      'Removal requests: items requested, removed and still online as of the as-of time; requests with items are counted as removed completely (every item removed), partially (some) or not at all (none). Median removal: median of resolution time − sending time over requests resolved as removed or partially removed by the as-of time.',
    crossCheck: (n: { orders: string; infoOrders: string; legal: string; policy: string; receipt: string; effect: string }) =>
      `What the platforms say: our ledger is measured the way the publishers measure. Requests are orders to act against content (${n.orders}), counted apart from orders to provide information (${n.infoOrders}), sent in the period to the platforms the company or service stands for by agencies of the figure's jurisdiction and requester type. Items removed are the items of those orders now restricted on legal grounds (${n.legal}) or taken down under the platform's policy (${n.policy}), the two shares the publishers give; the removal rate is items removed / items. The DSA's two medians: hours from sending to the platform's first confirmation of receipt (its first answer or “${n.receipt}” event) and from sending to the outcome that gave effect (${n.effect}), over the orders that got there. Beside each is the Kaplan-Meier median, which counts the orders still waiting as censored: a platform's own median leaves unanswered orders out.`,
    crossCheckRanges: (n: {
      pct: string;
      items: string;
      low: string;
      high: string;
      from: string;
      to: string;
      points: string;
      hours: string;
      share: string;
    }) =>
      `A published percentage is rounded, so a count derived from it is a range: ${n.pct} % of ${n.items} items is ${n.low} to ${n.high} items (${n.pct} stands for ${n.from} to ${n.to}). A removal rate is reported as a gap when it differs from ours by more than ${n.points} percentage points beyond that range; a median, when it differs from ours by more than ${n.hours} h and by more than ${n.share} % of ours. Unlike the rest of this report, our side of this comparison is measured on the ledger as it stood when the report was generated. A gap is not proof by itself: each one comes with what could explain it.`,
    fingerprint:
      'The data fingerprint is a SHA-256 of the figures and rows this report was built from; the same parameters and as-of time give the same fingerprint.',
  },
  brief: {
    asOf: (asOf: string, sha256: string) => `As of ${asOf}. Data fingerprint (SHA-256): ${sha256}`,
    metricsHeading: 'Responsiveness, all requests to date',
    openRequests: (total: string) => `Open requests (${total})`,
    noOpenRequests: 'No request is waiting for an answer.',
    openActionItems: (total: string) => `Open action items (${total})`,
    noOpenActionItems: 'No open action item.',
    columns: { consultation: 'Consultation', owner: 'Owner', action: 'Action', due: 'Due' },
  },
};

export type ReportTexts = typeof en;
