import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ErrorCode } from '../../../../domain/src';
import { DomainError } from './domain-error';

/** class-validator's constraint names that have a code of their own; the rest are input.invalid. */
const CODE_BY_CONSTRAINT: Record<string, ErrorCode> = {
  whitelistValidation: 'input.unknown_field',
  isDefined: 'input.required',
  isNotEmpty: 'input.required',
  isIso8601: 'input.not_a_date',
  isDateString: 'input.not_a_date',
};

/** The first failing field, as a path (`items[0].url`), and the constraint it broke. */
function firstFailure(errors: ValidationError[], parent = ''): { field: string; constraint: string } | undefined {
  for (const error of errors) {
    const field = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    const [constraint] = Object.keys(error.constraints ?? {});
    if (constraint) return { field, constraint };
    const nested = firstFailure(error.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

/** The ValidationPipe whose refusals carry a code and the field, with class-validator's messages as they are. */
export class CodedValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // "property x should not exist" names the unknown field; keep the messages as they are.
      stopAtFirstError: true,
    });
  }

  createExceptionFactory() {
    return (errors: ValidationError[] = []) => {
      const failure = firstFailure(errors);
      const message = this.flattenValidationErrors(errors).join('; ');
      return new DomainError(
        failure ? (CODE_BY_CONSTRAINT[failure.constraint] ?? 'input.invalid') : 'input.invalid',
        message,
        failure?.field,
      );
    };
  }
}
