/**
 * Every error the API answers with has one of these stable codes, beside the field it is about and
 * an English message. The HTTP status belongs to the code; the console shows the code's text in the
 * user's language (./i18n), filled in from the error's `params`.
 */
export const ERROR_STATUS = {
  // Input that cannot be taken as it is
  'input.invalid': 400,
  'input.unknown_field': 400,
  'input.malformed_json': 400,
  'input.not_a_date': 400,
  'input.in_future': 400,
  'input.period_reversed': 400,
  'input.not_one_of': 400,
  'input.bad_characters': 400,
  'input.too_deep': 400,
  'input.required': 400,
  'input.out_of_range': 400,
  'input.too_large': 413,
  'input.unsupported_media_type': 415,
  'input.unprocessable': 422,
  // Lists: sort, range, filter
  'list.bad_parameter': 400,
  'list.range_too_large': 400,
  'list.unknown_filter': 400,
  // Records
  'record.not_found': 404,
  'route.not_found': 404,
  'record.stale_version': 409,
  'record.duplicate': 409,
  'record.still_referenced': 409,
  'record.unknown_reference': 400,
  'record.rule_broken': 400,
  'record.conflict': 409,
  // The request lifecycle
  'request.not_draft': 409,
  'request.closed': 409,
  'request.draft_not_sent': 409,
  'request.already_sent': 409,
  'request.before_sent': 400,
  'request.outcome_required': 400,
  'request.outcome_not_allowed': 400,
  'request.items_not_allowed': 400,
  'request.items_required': 400,
  'request.unknown_item': 400,
  'request.item_listed_twice': 400,
  'request.item_checked': 409,
  'request.field_locked': 400,
  'request.event_forbidden': 403,
  'request.message_event_manual': 400,
  // Correspondence
  'message.other_request': 400,
  'message.duplicate': 409,
  'message.not_in_triage': 409,
  'mail.no_address': 400,
  'mail.not_dispatchable': 409,
  'mail.dispatch_in_progress': 409,
  'mail.send_failed': 502,
  // Consultations, reports, users
  'consultation.platform_mismatch': 400,
  'consultation.unknown_action_item': 400,
  'report.not_ready': 409,
  // Public snapshots
  'snapshot.period_overlaps': 409,
  'snapshot.already_replaced': 409,
  'snapshot.replaces_other_period': 400,
  'snapshot.changed_since_preview': 409,
  'snapshot.nothing_to_publish': 400,
  'user.self_change': 409,
  'user.self_delete': 409,
  // Sign-in and access
  'auth.token_required': 401,
  'auth.token_invalid': 401,
  'auth.account_inactive': 401,
  'auth.wrong_credentials': 401,
  'auth.refresh_refused': 401,
  'auth.forbidden': 403,
  'auth.locked': 423,
  'rate.limited': 429,
  // Retries
  'idempotency.bad_key': 400,
  'idempotency.key_reused': 422,
  'idempotency.in_progress': 409,
  // CSV import
  'import.rows_invalid': 400,
  'import.unknown_column': 400,
  'import.malformed_form': 400,
  'import.file_missing': 400,
  'import.interrupted': 400,
  'import.unknown_format': 400,
  // The server
  'server.unavailable': 503,
  'server.shutting_down': 503,
  'server.error': 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && code in ERROR_STATUS;

/** The code an error gets when nothing more specific is known than its HTTP status. */
export const ERROR_CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'input.invalid',
  401: 'auth.token_invalid',
  403: 'auth.forbidden',
  404: 'route.not_found',
  409: 'record.conflict',
  413: 'input.too_large',
  415: 'input.unsupported_media_type',
  422: 'input.unprocessable',
  423: 'auth.locked',
  429: 'rate.limited',
  502: 'mail.send_failed',
  503: 'server.unavailable',
};

/** Values an error's text is filled in with (`%{name}` in the texts). */
export type ErrorParams = Record<string, string | number>;

/** The error body every API error has (docs/domain.md, "Errors"). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: ErrorCode;
  message: string;
  field?: string;
  params?: ErrorParams;
}

/** Fills `%{name}` placeholders; unknown names stay as they are. */
export const interpolate = (text: string, params: ErrorParams = {}): string =>
  text.replace(/%\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
