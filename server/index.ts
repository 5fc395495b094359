// Process: server. Entry point (npm run token-server): configuration from the environment, JSON
// logs on stdout, graceful drain on SIGTERM/SIGINT (what App Service and container platforms send
// before stopping).
import type { AddressInfo } from 'node:net';
import { buildApp } from './app';
import { configFromEnv } from './config';
import { invitationConfigFromEnv } from './invitation-config';
import { createInvitationDeps } from './invitation-wiring';
import { createJsonLog } from './log';

const log = createJsonLog();
const parsed = configFromEnv(process.env);
if (!parsed.ok) {
  log.error('invalidConfiguration', { problems: parsed.problems.join('; ') });
  process.exit(1);
}

const invitations = invitationConfigFromEnv(process.env);
if (!invitations.ok) {
  log.error('invalidConfiguration', { problems: invitations.problems.join('; ') });
  process.exit(1);
}

const app = buildApp({ config: parsed.config, log, ...(invitations.config ? { invitations: createInvitationDeps(invitations.config, { log }) } : {}) });
try {
  await app.listen({ host: parsed.config.host, port: parsed.config.port });
  const address = app.server.address() as AddressInfo;
  log.info('listening', { host: address.address, port: address.port });
} catch (error) {
  log.error('listenFailed', { code: (error as { code?: string }).code });
  process.exit(1);
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info('shuttingDown', { signal });
    void app.lifecycle.drainAndClose().then(() => {
      log.info('stopped');
      process.exit(0);
    });
  });
}
