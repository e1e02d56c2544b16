import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { validateEnvironment } from './config/environment';
import { type RunningDatabase, startEmbeddedDatabase } from './database/embedded-database';

async function main(): Promise<void> {
  const logger = new Logger('Main');
  const env = validateEnvironment(process.env);
  let database: RunningDatabase;
  if (env.DATABASE_URL) {
    database = { url: env.DATABASE_URL, stop: async () => undefined };
  } else {
    logger.log(`No DATABASE_URL: starting the embedded PostgreSQL in ${env.DATA_DIR}`);
    database = await startEmbeddedDatabase(env.DATA_DIR);
  }
  const seedDemo = env.SEED_DEMO ?? !env.DATABASE_URL;

  const app = configureApp(await NestFactory.create(AppModule.forRoot({ env, databaseUrl: database.url, seedDemo })));
  await app.listen(env.PORT);
  logger.log(`Serving on http://localhost:${env.PORT} (API under /api, docs at /api/docs)`);

  // Ctrl-C or a stop signal: finish with the app, then shut the embedded database down cleanly.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: shutting down`);
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
