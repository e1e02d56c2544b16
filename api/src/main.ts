import 'reflect-metadata';
import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { validateEnvironment } from './config/environment';
import { type RunningDatabase, startEmbeddedDatabase } from './database/embedded-database';
import { shutDownGracefully } from './lifecycle/graceful-shutdown';
import { createLogger, NestPinoLogger } from './logging/logger';

async function main(): Promise<void> {
  const env = validateEnvironment(process.env);
  // JSON lines from the first message on, Nest's start-up included.
  const pino = createLogger(env.LOG_LEVEL);
  const nestLogger = new NestPinoLogger(pino);
  Logger.overrideLogger(nestLogger);
  const logger = new Logger('Main');
  let database: RunningDatabase;
  if (env.DATABASE_URL) {
    database = { url: env.DATABASE_URL, stop: async () => undefined };
  } else {
    logger.log(`No DATABASE_URL: starting the embedded PostgreSQL in ${env.DATA_DIR}`);
    database = await startEmbeddedDatabase(env.DATA_DIR);
  }
  const seedDemo = env.SEED_DEMO ?? !env.DATABASE_URL;

  // Ctrl-C or a stop signal, even during start-up: finish the requests under way (once serving), then
  // the app, then the embedded database, which would otherwise outlive the process.
  // eslint-disable-next-line prefer-const -- assigned once started; `stop` may run before that and must see undefined
  let app: INestApplication | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing the requests under way, then shutting down`);
    if (app) await shutDownGracefully(app);
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  app = configureApp(await NestFactory.create(AppModule.forRoot({ env, databaseUrl: database.url, seedDemo }), { logger: nestLogger }), {
    logger: pino,
  });
  await app.listen(env.PORT);
  logger.log(`Serving on http://localhost:${env.PORT} (API under /api, docs at /api/docs)`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
