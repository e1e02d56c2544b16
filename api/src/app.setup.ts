import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { DestinationStream, Logger } from 'pino';
import { ConstraintCatalog } from './common/errors/constraint-catalog';
import { HttpErrorFilter } from './common/errors/http-error.filter';
import { CodedValidationPipe } from './common/errors/validation';
import { PlainInputPipe } from './common/http/plain-input.pipe';
import { Environment } from './config/environment';
import { PublicFiles } from './public-snapshots/public-files';
import { PUBLIC_PATH } from '../../domain/src';
import { createLogger, NestPinoLogger, requestLogging } from './logging/logger';

// From the build output (api/dist/api/src) to the web console's build (web/dist).
export const DEFAULT_WEB_ROOT = resolve(__dirname, '../../../../web/dist');

/**
 * The built web console at /, when there is one: its files, and index.html for any other page
 * address the browser asks for (not under /api), so that reloading a deep link works.
 */
function serveWebConsole(app: NestExpressApplication, webRoot: string): void {
  app.useStaticAssets(webRoot, { index: 'index.html' });
  const index = resolve(webRoot, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || !req.accepts('html')) return next();
    res.sendFile(index);
  });
}

/**
 * Secure headers. The console is same-origin scripts only; MUI writes its styles inline at run time,
 * and downloads are blob: links.
 */
const secureHeaders = () =>
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // helmet's default would send the browser to https for the lazily loaded parts of the console,
        // which breaks a server run over plain http (npm start); TLS, where there is any, is in front.
        upgradeInsecureRequests: null,
      },
    },
    // Tokens never travel in URLs, but report addresses can carry ids: send no referrer at all.
    referrerPolicy: { policy: 'no-referrer' },
  });

export interface AppSetupOptions {
  webRoot?: string;
  /** The process's logger when it already has one (main.ts); else one is made at LOG_LEVEL. */
  logger?: Logger;
  /** Where the JSON log lines go (stdout by default); the tests read them from here. */
  logDestination?: DestinationStream;
}

/** Everything main.ts sets on the app besides listening; the e2e tests build their app with it too. */
export function configureApp(app: INestApplication, options: AppSetupOptions = {}): INestApplication {
  const env = app.get(Environment);
  const logger = options.logger ?? createLogger(env.LOG_LEVEL, options.logDestination);
  app.useLogger(new NestPinoLogger(logger));
  app.use(requestLogging(logger));
  app.use(secureHeaders());
  // No ETag on API answers: express hashed every body for it (a list page is tens of kilobytes), and
  // answers behind a token are not cached anyway. The console's files keep theirs (serve-static).
  (app as NestExpressApplication).set('etag', false);
  // The published snapshots, without a token, before the console (whose fallback would answer any page address).
  app.use(PUBLIC_PATH, app.get(PublicFiles).handler());
  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  if (existsSync(resolve(webRoot, 'index.html'))) serveWebConsole(app as NestExpressApplication, webRoot);
  app.setGlobalPrefix('api');
  // Only the configured origins may call from a browser; the console is served from the same origin.
  app.enableCors({ origin: env.CORS_ORIGINS, exposedHeaders: ['Content-Range', 'X-Total-Estimated', 'X-Request-Id'] });
  app.useGlobalPipes(new PlainInputPipe(), new CodedValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter(app.get(ConstraintCatalog)));

  if (env.API_DOCS ?? env.NODE_ENV !== 'production') {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Platform compliance tracker')
        .setDescription('Requests sent to online platforms, their answers, and how responsive each platform is.')
        .setVersion('1')
        .addBearerAuth()
        .build(),
    );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  }
  return app;
}
