import { HttpError } from 'ra-core';
import { DEFAULT_LANGUAGE, type ErrorBody, errorText, isErrorCode, isLanguage } from '../../../domain/src';

/** The text of an API error body in the console's language, from its stable code; its own message when it has no code. */
export function errorMessage(body: Partial<ErrorBody> | null | undefined, locale: string, fallback: string): string {
  if (!body || !isErrorCode(body.code)) return body?.message ?? fallback;
  return errorText(isLanguage(locale) ? locale : DEFAULT_LANGUAGE, {
    code: body.code,
    message: body.message ?? fallback,
    field: body.field,
    params: body.params,
  });
}

/** An HttpError from the API, its message in the console's language (react-admin shows the message as it is). */
export function inConsoleLanguage(error: unknown, locale: string): unknown {
  if (!(error instanceof HttpError) || !isErrorCode(error.body?.code)) return error;
  return new HttpError(errorMessage(error.body, locale, error.message), error.status, error.body);
}
