import type { ErrorCode } from '../errors';
import type { ExplanationCode, FindingCode } from '../transparency';
import type { CellStatus, PublicMetric } from '../public-data';
import type { EnumLabels } from '../vocabulary';

/** The words of a public snapshot's page and of the index of snapshots; `%{name}` placeholders are filled in. */
export interface PublicDataTexts {
  /** The page's <title>. */
  title: string;
  heading: string;
  /** The period (dates), and when answers were counted. */
  period: string;
  intro: string;
  replaces: string;
  agencies: string;
  publisher: string;
  languages: string;
  skip: string;
  tableHeading: string;
  caption: string;
  columns: Record<PublicMetric | 'platform', string>;
  total: string;
  /** What a cell says when it is not shown: "fewer than %{min}", "withheld", "–". */
  cells: Record<Exclude<CellStatus, 'shown'>, string>;
  notReached: string;
  /** Under the table: what each mark means. */
  legend: Record<Exclude<CellStatus, 'shown'>, string>;
  chartsHeading: string;
  charts: { responseRate: string; onTimeRate: string; noBar: string };
  trendHeading: string;
  trendCaption: string;
  trendNone: string;
  methodologyHeading: string;
  methodology: string[];
  downloadsHeading: string;
  downloads: { json: string; csv: string; manifest: string; index: string };
  licence: string;
  fingerprint: string;
  published: string;
  index: { title: string; heading: string; intro: string; latest: string; corrected: string; snapshots: string };
}

/** The domain's words in one language: the label of every enum value and the text of every error code. */
export interface DomainMessages {
  enums: EnumLabels;
  errors: Record<ErrorCode, string>;
  /** What the cross-check says of a gap between published figures and ours, and what could explain it. */
  findings: Record<FindingCode | ExplanationCode, string>;
  /** A public snapshot's page. */
  publicData: PublicDataTexts;
}

/** English. */
export const en: DomainMessages = {
  enums: {
    type: {
      removal: 'Removal',
      blocking: 'Blocking',
      investigation: 'Investigative assistance',
      preservation: 'Preservation',
    },
    category: {
      ncii: 'Non-consensual intimate images',
      deepfake_sexual: 'Sexual deepfake',
      csam: 'Child sexual abuse material',
      sextortion: 'Sextortion',
      grooming: 'Grooming',
      other: 'Other',
    },
    channel: {
      email: 'Email',
      web_form: 'Web form',
      portal: 'Portal',
      api: 'API',
      letter: 'Letter',
      in_person: 'In person',
    },
    status: {
      draft: 'Draft',
      sent: 'Sent',
      acknowledged: 'Acknowledged',
      resolved: 'Resolved',
      withdrawn: 'Withdrawn',
    },
    outcome: {
      removed: 'Removed',
      partially_removed: 'Partially removed',
      refused: 'Refused',
      data_provided: 'Data provided',
      no_action: 'No action',
    },
    itemState: {
      pending: 'Pending',
      removed: 'Removed',
      still_online: 'Still online',
      geo_blocked: 'Geo-blocked',
      not_found: 'Not found',
    },
    eventKind: {
      acknowledged: 'Acknowledged',
      info_requested: 'Information requested',
      outcome: 'Outcome',
      refused: 'Refused',
      message_received: 'Reply received by mail',
      receipt_confirmed: 'Receipt confirmed (automatic)',
      sent: 'Sent',
      reminder_sent: 'Reminder sent',
      escalated: 'Escalated',
      note: 'Note',
      item_checked: 'Content re-checked',
      withdrawn: 'Withdrawn',
      delivery_failed: 'Not delivered (bounce)',
    },
    format: {
      in_person: 'In person',
      video: 'Video call',
      call: 'Phone call',
      letter: 'Letter',
      email: 'Email',
    },
    ownerSide: {
      platform: 'Platform',
      regulator: 'Regulator',
    },
    actionState: {
      open: 'Open',
      done: 'Done',
      missed: 'Missed',
    },
    role: {
      admin: 'Administrator',
      regulator: 'Regulator',
      analyst: 'Analyst',
      liaison: 'Liaison officer',
    },
    agencyKind: {
      regulator: 'Regulator',
      police: 'Police',
      ngo: 'NGO',
      other: 'Other',
    },
    requesterType: {
      information_communications_authority: 'Information and communications authority',
      police: 'Police',
      government_officials: 'Government officials',
      court: 'Court',
      data_protection_authority: 'Data protection authority',
      consumer_protection_authority: 'Consumer protection authority',
      military: 'Military',
      other: 'Other',
    },
    reportStatus: {
      queued: 'Queued',
      running: 'Generating',
      done: 'Ready',
      failed: 'Failed',
    },
    reportKind: {
      compliance: 'Compliance report',
      consultation_brief: 'Consultation brief',
    },
    messageDirection: { in: 'Received', out: 'Sent' },
    messageClassification: {
      human: 'Reply from a person',
      auto_reply: 'Automatic reply',
      bounce: 'Not delivered (bounce)',
      unreadable: 'Unreadable',
    },
    messageStatus: { filed: 'Filed', triage: 'To sort', dismissed: 'Dismissed' },
  },
  errors: {
    'input.invalid': '%{field} is not valid.',
    'input.unknown_field': '%{field} is not a field of this record.',
    'input.malformed_json': 'The data sent could not be read (it is not valid JSON).',
    'input.not_a_date': '%{field} must be a date and time.',
    'input.in_future': '%{field} cannot be in the future.',
    'input.period_reversed': 'The end of the period must come after its start.',
    'input.not_one_of': '%{field} must be one of: %{allowed}.',
    'input.bad_characters': '%{field} contains characters that cannot be stored.',
    'input.too_deep': '%{field} is nested too deeply.',
    'input.required': '%{field} is required.',
    'input.out_of_range': 'A value has the wrong format or is out of range.',
    'input.too_large': 'What was sent is too large.',
    'input.unsupported_media_type': 'This kind of file cannot be read here; send a CSV file.',
    'input.unprocessable': 'The request cannot be processed as sent.',
    'list.bad_parameter': "The list's %{field} setting is not valid.",
    'list.range_too_large': 'A page may show at most %{max} records.',
    'list.unknown_filter': 'The list cannot be filtered by %{field}.',
    'record.not_found': 'This %{resource} does not exist (any more).',
    'route.not_found': 'This address does not exist.',
    'record.stale_version': 'Someone else changed this record while you were editing it. Reload it and make your change again.',
    'record.duplicate': 'A record with this %{field} already exists.',
    'record.still_referenced': 'This record cannot be deleted: other records still refer to it.',
    'record.unknown_reference': '%{field} does not match any existing record.',
    'record.rule_broken': 'A value breaks a rule of the data (%{constraint}).',
    'record.conflict': 'This change conflicts with the record as it is now.',
    'request.not_draft': 'The request is %{status} and can no longer be edited or deleted; add a note or withdraw it instead.',
    'request.closed': 'The request is %{status}; only a note can be added to it.',
    'request.draft_not_sent': "The request is a draft: record that it was sent before recording '%{kind}'.",
    'request.already_sent': 'The request has already been sent.',
    'request.before_sent': 'The date is before the request was sent.',
    'request.outcome_required': 'Choose the outcome.',
    'request.outcome_not_allowed': 'An outcome can only be given with an outcome event.',
    'request.items_not_allowed': 'Content states can only be recorded with an outcome or a re-check.',
    'request.items_required': 'A re-check must name at least one item of content.',
    'request.unknown_item': 'Item %{id} is not part of this request.',
    'request.item_listed_twice': 'Item %{id} is listed twice.',
    'request.item_checked': 'Content whose state has been recorded cannot be removed from the request.',
    'request.field_locked': '%{field} can only be changed while the request is a draft.',
    'request.event_forbidden': "Your role (%{role}) may record platform responses and notes, not '%{kind}'.",
    'request.message_event_manual': "'%{kind}' is recorded from a stored e-mail (a reply or a bounce), not by hand.",
    'message.other_request': 'E-mail %{id} belongs to another request.',
    'message.duplicate': 'This e-mail is already stored (e-mail %{id}).',
    'message.not_in_triage': 'This e-mail is %{status}; only an e-mail waiting to be sorted can be filed or dismissed.',
    'mail.no_address': "%{platform} has no e-mail address for %{type} requests; add one on the platform's page.",
    'mail.not_dispatchable': 'The request is %{status}; only a draft, or a request whose e-mail was not delivered, can be e-mailed.',
    'mail.dispatch_in_progress': "This request's e-mail is being sent right now.",
    'mail.send_failed': 'The mail server did not accept the e-mail: %{reason}',
    'consultation.platform_mismatch': "Request %{id} was sent to another platform than this consultation's.",
    'consultation.unknown_action_item': 'Action item %{id} is not part of this consultation.',
    'report.not_ready': 'The report is %{status}; it can be downloaded once it is ready.',
    'snapshot.period_overlaps': 'Snapshot %{id} already covers part of this period: publish a correction of it instead.',
    'snapshot.already_replaced': 'Snapshot %{id} has already been corrected by snapshot %{by}: correct that one instead.',
    'snapshot.replaces_other_period': 'A correction covers the same period as the snapshot it replaces (%{period}).',
    'snapshot.changed_since_preview': 'The figures have changed since the preview: preview again, then publish.',
    'snapshot.nothing_to_publish': 'No platform had requests sent in this period: there is nothing to publish.',
    'user.self_change': 'You cannot change your own role or deactivate yourself; ask another administrator.',
    'user.self_delete': 'You cannot delete your own account.',
    'auth.token_required': 'Please sign in.',
    'auth.token_invalid': 'Your session has expired; please sign in again.',
    'auth.account_inactive': 'This account no longer exists or has been deactivated.',
    'auth.wrong_credentials': 'The email or password is wrong.',
    'auth.refresh_refused': 'Your session has ended; please sign in again.',
    'auth.forbidden': 'Your role (%{role}) may not do this.',
    'auth.locked': 'This account is locked after too many failed sign-ins; try again later or ask an administrator.',
    'rate.limited': 'Too many attempts in a short time; wait a moment and try again.',
    'idempotency.bad_key': 'The Idempotency-Key header must be 1 to 255 visible characters.',
    'idempotency.key_reused': 'This Idempotency-Key was already used for a different request; use a new key.',
    'idempotency.in_progress': 'The same request is still being processed; wait for it to finish.',
    'import.rows_invalid': '%{rows} rows of the file have errors; nothing was imported.',
    'import.unknown_column': "The file's header does not have the expected columns; nothing was imported.",
    'import.malformed_form': 'The uploaded form could not be read.',
    'import.file_missing': 'No file was sent.',
    'import.interrupted': 'The upload was interrupted before it was complete; nothing was imported.',
    'import.unknown_format': 'The file is in none of the formats the tracker reads; nothing was imported.',
    'server.unavailable': 'The database is unavailable at the moment; try again in a few seconds.',
    'server.shutting_down': 'The server is restarting; try again in a few seconds.',
    'server.error': 'Something went wrong on the server. The error has been logged.',
  },
  findings: {
    under_reporting: 'The platform reports %{published} requests; we recorded %{ours} sent in this scope. It may be under-reporting.',
    more_than_we_sent: 'The platform reports %{published} requests, more than the %{ours} we recorded in this scope.',
    removal_rate_above_ours: 'The platform reports %{published}% of items removed; we observed %{ours}%.',
    removal_rate_below_ours: 'The platform reports %{published}% of items removed, less than the %{ours}% we observed.',
    confirm_receipt_median_far_from_ours:
      "The platform's median time to confirm receipt is %{published} h; ours is %{ours} h (Kaplan-Meier: %{km} h).",
    give_effect_median_far_from_ours:
      "The platform's median time to give effect is %{published} h; ours is %{ours} h (Kaplan-Meier: %{km} h).",
    no_matching_platform: 'No platform in the tracker belongs to this company or service: add it, or set its parent company, to compare.',
    category_not_tracked: 'The category “%{category}” matches none of the categories we record.',
    other_agencies: 'Other agencies of the same type in the country send requests too; the platform counts theirs with ours.',
    date_received: 'Platforms count requests by the date they received them; we count by the date we sent them.',
    several_services: "A company's figures cover all its services; one request can name items on several of them.",
    rounding: 'Published percentages are rounded; the comparison allows for the range each one stands for.',
  },
  publicData: {
    title: '%{label}: how platforms answered our requests',
    heading: 'How platforms answered our requests',
    period: 'Requests sent from %{from} to %{to}; answers counted up to %{asOf}.',
    intro:
      'These are the figures of our own record of the requests we sent to each online platform to remove, block or preserve content or to help an investigation, and of how each platform answered. Only totals per platform are published: no request, no content and no person can be identified from them.',
    replaces: 'This snapshot corrects snapshot %{id} (%{label}), which stays published as it was.',
    agencies: 'Requests sent by: %{names}.',
    publisher: 'Published by %{publisher}.',
    languages: 'Language',
    skip: 'Skip to the figures',
    tableHeading: 'Figures per platform',
    caption: 'Requests sent to each platform, %{label}, and how the platform answered (as of %{asOf})',
    columns: {
      platform: 'Platform',
      sent: 'Requests sent',
      responded: 'Answered',
      responseRate: 'Response rate',
      medianResponseHours: 'Median time to first response',
      kmMedianResponseHours: 'Kaplan-Meier median time to first response',
      onTimeRate: 'Answered on time',
      removalRate: 'Content removed',
    },
    total: 'All platforms shown',
    cells: { fewer_than_min: 'fewer than %{min}', withheld: 'withheld', none: '–' },
    notReached: 'not reached',
    legend: {
      fewer_than_min: '“fewer than %{min}”: a count of 1 to %{below} requests, not shown so that no single request can be singled out.',
      withheld:
        '“withheld”: a figure that would reveal such a count (a rate or median computed from it, a total over it, or the other part of a total).',
      none: '“–”: nothing to compute (no request sent, none answered, or no removal request).',
    },
    chartsHeading: 'Charts',
    charts: {
      responseRate: 'Response rate per platform',
      onTimeRate: 'Requests answered on time, per platform',
      noBar: 'A platform without a bar has its figure withheld or nothing to show; the table says which.',
    },
    trendHeading: 'Over the periods published',
    trendCaption: 'Response rate per platform in each snapshot published so far (corrections replace the snapshot they correct)',
    trendNone: 'This is the first period published.',
    methodologyHeading: 'How the figures are counted',
    methodology: [
      'Every figure comes from our record of the requests we sent. A request counts in the period in which it was sent; drafts and withdrawn requests never count. Answers, deadlines and removals are counted as they stood on %{asOf}.',
      'Answered: the platform acknowledged the request, asked for more information, gave its decision or refused, by %{asOf}. An automatic acknowledgement of receipt is not an answer. The response rate is the requests answered divided by the requests sent.',
      'The median time to first response is the middle of the times between sending and the platform’s first answer, over the requests that were answered. It leaves out the requests never answered, so it flatters a platform that ignores most of them: the Kaplan-Meier median counts those as still waiting, and is “not reached” when fewer than half of the requests were ever answered.',
      'On time: answered by the deadline the platform had for the request (72 hours unless agreed otherwise, 24 hours for child sexual abuse material). Content removed: the share of the pieces of content named in removal requests that had been taken down by %{asOf}.',
      'Small numbers: a count of fewer than %{min} requests is shown as “fewer than %{min}”, and every figure that would reveal one is withheld: a rate or median computed from it, a total over it, or the other part of a total. Totals cover only the platforms shown and are withheld when any of their cells is.',
      'This snapshot is frozen: its files never change, and manifest.json gives the SHA-256 of each. A correction is published as a new snapshot that names the one it replaces.',
    ],
    downloadsHeading: 'The data',
    downloads: {
      json: 'The same figures as JSON',
      csv: 'The same figures as CSV',
      manifest: 'The files of this snapshot with their SHA-256 (manifest)',
      index: 'Every snapshot published',
    },
    licence: 'Published under the %{licence} licence: you may reuse these figures, naming their source.',
    fingerprint: 'Data fingerprint (SHA-256): %{sha256}',
    published: 'Published on %{at}.',
    index: {
      title: 'Published figures: every snapshot',
      heading: 'How platforms answered our requests: every snapshot published',
      intro:
        'Each snapshot is frozen once published. index.json lists the same snapshots with the SHA-256 of each file, so that anyone can follow a platform across periods.',
      latest: 'Latest snapshot',
      corrected: 'corrected by snapshot %{id}',
      snapshots: 'Snapshots',
    },
  },
};
