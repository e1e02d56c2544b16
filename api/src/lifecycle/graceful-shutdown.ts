import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { ShutdownState } from './shutdown-state';

/**
 * Stops taking new connections, lets the requests under way finish (up to `graceMs`, then cuts the
 * rest), and only then closes the app: jobs and the report queue stop at a safe point, and the
 * database pool closes last. Nest's own close would drop the database before the HTTP server.
 */
export async function shutDownGracefully(app: INestApplication, graceMs = 25_000): Promise<void> {
  app.get(ShutdownState).draining = true;
  const server = app.getHttpServer() as Server;
  await new Promise<void>((done) => {
    const force = setTimeout(() => {
      server.closeAllConnections();
      done();
    }, graceMs);
    // Node also closes idle keep-alive connections here, so only requests under way hold it open.
    server.close(() => {
      clearTimeout(force);
      done();
    });
  });
  await app.close();
}
