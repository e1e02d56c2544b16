import { Check } from 'typeorm';

/** A CHECK constraint that keeps a text column within its enum, so the database refuses what the API would. */
export const CheckIn = (name: string, column: string, values: readonly string[], nullable = false) =>
  Check(name, `${nullable ? `"${column}" IS NULL OR ` : ''}"${column}" IN (${values.map((v) => `'${v}'`).join(', ')})`);
