// Process: server. Wraps the ACS issuer to count tokens issued and ACS failures and to time each
// call, for /metrics. Labels carry the failure kind only, never an identity.
import type { AcsIssuer, AcsResult } from './acs-issuer';
import type { Metrics } from './metrics';

export function meteredIssuer(issuer: AcsIssuer, metrics: Metrics): AcsIssuer {
  async function measure(call: () => Promise<AcsResult>, refreshed: boolean): Promise<AcsResult> {
    const stopTimer = metrics.upstreamDuration.startTimer({ upstream: 'acs' });
    try {
      const result = await call();
      if (result.ok) metrics.tokensIssued.inc({ refreshed: String(refreshed) });
      else metrics.upstreamErrors.inc({ upstream: 'acs', failure: result.failure });
      return result;
    } catch (error) {
      metrics.upstreamErrors.inc({ upstream: 'acs', failure: 'thrown' });
      throw error;
    } finally {
      stopTimer();
    }
  }
  return {
    createIdentityWithToken: () => measure(() => issuer.createIdentityWithToken(), false),
    issueToken: (userId) => measure(() => issuer.issueToken(userId), true),
  };
}
