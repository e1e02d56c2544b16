import { type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { invalid } from '../errors/domain-error';

/** Far deeper than any body or query the API takes (an action item's field is three levels down). */
export const MAX_INPUT_DEPTH = 32;

/** NUL, which PostgreSQL text cannot hold, and unpaired surrogates, which UTF-8 cannot encode (and validators choke on). */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this refuses
const UNSTORABLE = /[\u0000\p{Cs}]/u;

/**
 * Refuses, naming the field, input that would otherwise end in a 500: nesting deep enough to overflow
 * the validator's recursion, and text that cannot be stored as it was sent. Runs before the
 * ValidationPipe and walks without recursion, so that the walk itself cannot overflow.
 */
export class PlainInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' || metadata.type === 'query') assertPlainInput(value);
    return value;
  }
}

/**
 * The check itself; `name` prefixes the fields in messages, for JSON found inside a query parameter
 * (a list's filter: "filter.q must not contain…").
 */
export function assertPlainInput(value: unknown, name?: string): void {
  const pending: [node: unknown, path: string, depth: number][] = [[value, name ?? 'body', 0]];
  while (pending.length > 0) {
    const [node, path, depth] = pending.pop()!;
    if (typeof node === 'string' && UNSTORABLE.test(node)) {
      throw invalid(path, 'must not contain NUL characters or unpaired UTF-16 surrogates', 'input.bad_characters');
    }
    if (node === null || typeof node !== 'object') continue;
    if (depth === MAX_INPUT_DEPTH) throw invalid(path, `is nested more than ${MAX_INPUT_DEPTH} levels deep`, 'input.too_deep');
    for (const [key, child] of Object.entries(node)) pending.push([child, depth === 0 && !name ? key : `${path}.${key}`, depth + 1]);
  }
}
