import type { DataSource } from 'typeorm';

/** What a named constraint covers: its table, its columns (as the API names them) and the table it refers to. */
export interface ConstraintInfo {
  table: string;
  fields: string[];
  references: string | null;
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Unique and foreign-key constraints by name, read once from PostgreSQL's catalog, so that a refusal
 * is explained from the constraint it names (err.constraint) rather than from the wording of its message.
 */
export async function readConstraints(dataSource: DataSource): Promise<Map<string, ConstraintInfo>> {
  const rows: { name: string; table: string; columns: string[]; references: string | null }[] = await dataSource.query(
    `SELECT c.conname AS name, t.relname AS "table", r.relname AS "references",
            array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid LEFT JOIN pg_class r ON r.oid = c.confrelid
      WHERE c.contype IN ('u', 'f', 'p') AND t.relnamespace = 'public'::regnamespace
     UNION ALL
     SELECT i.relname, t.relname, NULL,
            array(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, i)
                  JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n ORDER BY k.i)
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      WHERE x.indisunique AND t.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
  );
  return new Map(rows.map((r) => [r.name, { table: r.table, fields: r.columns.map(camel), references: r.references }]));
}
