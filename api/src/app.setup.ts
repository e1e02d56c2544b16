import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type INestApplication, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { HttpErrorFilter } from './common/errors/http-error.filter';

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

/** Everything main.ts sets on the app besides listening; the e2e tests build their app with it too. */
export function configureApp(app: INestApplication, options: { webRoot?: string } = {}): INestApplication {
  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  if (existsSync(resolve(webRoot, 'index.html'))) serveWebConsole(app as NestExpressApplication, webRoot);
  app.setGlobalPrefix('api');
  app.enableCors({ exposedHeaders: ['Content-Range'] });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // "property x should not exist" names the unknown field; keep the messages as they are.
      stopAtFirstError: true,
    }),
  );
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();

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
  return app;
}
