// A second process for the exactly-once test: boots the app on a database and runs one job's slot.
// Usage: node -r @swc-node/register run-job.ts <databaseUrl> <job> <slot ISO>
import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../../api/src/app.module';
import { validateEnvironment } from '../../../api/src/config/environment';
import { type Job, JOBS } from '../../../api/src/jobs/job';
import { JobRunner } from '../../../api/src/jobs/job-runner.service';

async function main() {
  const [databaseUrl, name, slot] = process.argv.slice(2);
  const env = validateEnvironment({
    NODE_ENV: 'test',
    JOBS_ENABLED: 'false',
    ADMIN_PASSWORD: 'admin-password-1',
    JWT_SECRET: 'test-secret-that-is-long-enough',
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot({ env, databaseUrl, seedDemo: false })] }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  await app.init();
  const job = (app.get(JOBS) as Job[]).find((j) => j.name === name)!;
  // Both processes wait for the same instant, so that their runs really overlap.
  const start = Number(process.env.START_AT ?? Date.now());
  await new Promise((r) => setTimeout(r, Math.max(0, start - Date.now())));
  const run = await app.get(JobRunner).run(job, 'schedule', { slot: new Date(slot) });
  process.stdout.write(JSON.stringify(run));
  await app.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
