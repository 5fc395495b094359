// Entry point (npm run token-server): configuration from the environment, JSON logs on stdout,
// graceful shutdown on SIGTERM (what App Service and container platforms send before stopping).
import { configFromEnv } from './config';
import { createJsonLog } from './log';
import { createTokenServer } from './token-server';

const log = createJsonLog();
const parsed = configFromEnv(process.env);
if (!parsed.ok) {
  log.error('invalidConfiguration', { problems: parsed.problems.join('; ') });
  process.exit(1);
}

const service = createTokenServer(parsed.config, { log });
try {
  await service.listen();
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
    void service.close().then(() => process.exit(0));
  });
}
