/**
 * The lint's import boundaries catch a wrong import: each case lints one made-up file through the
 * real ESLint configuration (eslint.config.mjs) and expects the rule that refuses it.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** The rule ids ESLint reports for `code` as if it were the file at `path`. */
function lint(path: string, code: string): string[] {
  const run = spawnSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', path],
    {
      cwd: ROOT,
      input: code,
      encoding: 'utf8',
    },
  );
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import boundaries', () => {
  jest.setTimeout(60_000);

  it.each([
    [
      'the domain importing the API',
      'domain/src/wrong.ts',
      "import { AppModule } from '../../api/src/app.module';\nexport const x = AppModule;\n",
      /package-boundaries: domain\/ may import only nothing/,
    ],
    [
      'the domain importing a framework',
      'domain/src/wrong.ts',
      "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
      /no-restricted-imports: .*pure TypeScript/,
    ],
    [
      'the reports importing the API',
      'reports/src/wrong.ts',
      "import { Report } from '../../api/src/reports/report.entity';\nexport const x = Report;\n",
      /package-boundaries: reports\/ may import only domain, not api\//,
    ],
    [
      'the console importing the API',
      'web/src/wrong.ts',
      "import { PERMISSION_KEY } from '../../api/src/common/http/access';\nexport const x = PERMISSION_KEY;\n",
      /package-boundaries: web\/ may import only domain, not api\//,
    ],
    [
      'a feature importing database internals',
      'api/src/requests/wrong.ts',
      "import { runMigrations } from '../database/migrate';\nexport const x = runMigrations;\n",
      /no-restricted-imports: .*helpers of database/,
    ],
    [
      'a feature importing the app root',
      'api/src/requests/wrong.ts',
      "import { configureApp } from '../app.setup';\nexport const x = configureApp;\n",
      /no-restricted-imports: .*app root/,
    ],
    [
      'a folder cycle',
      'api/src/audit/wrong.ts',
      "import { RequestsService } from '../requests/requests.service';\nexport const x = RequestsService;\n",
      /folder-cycles: folder cycle: api\/audit -> api\/requests -> .*api\/audit/,
    ],
  ])('should refuse %s', (_name, path, code, expected) => {
    expect(lint(path, code)).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  it('should accept the same kind of file importing what its layer may', () => {
    expect(
      lint(
        'api/src/requests/right.ts',
        "import { countedSql } from '../../../domain/src';\nimport { CheckIn } from '../database/check';\nexport const x = [countedSql, CheckIn];\n",
      ),
    ).toEqual([]);
  });
});
