// Process: server. Wraps the upstream clients (the ACS issuer, the Graph client) to count their
// failures and time each call, and to count tokens issued, for /metrics. Labels carry the upstream
// and the failure kind only, never an identity, an address or a meeting.
import type { AcsIssuer, AcsResult } from './acs-issuer';
import type { GraphClient, GraphResult } from './graph-client';
import type { Metrics } from './metrics';

/** The issuer answers every failure as a result (acs-issuer.ts), so only results are counted. */
export function meteredIssuer(issuer: AcsIssuer, metrics: Metrics): AcsIssuer {
  async function measure(call: () => Promise<AcsResult>, refreshed: boolean): Promise<AcsResult> {
    const stopTimer = metrics.upstreamDuration.startTimer({ upstream: 'acs' });
    try {
      const result = await call();
      if (result.ok) metrics.tokensIssued.inc({ refreshed: String(refreshed) });
      else metrics.upstreamErrors.inc({ upstream: 'acs', failure: result.failure });
      return result;
    } finally {
      stopTimer();
    }
  }
  return {
    createIdentityWithToken: () => measure(() => issuer.createIdentityWithToken(), false),
    issueToken: (userId) => measure(() => issuer.issueToken(userId), true),
  };
}

export function meteredGraph(graph: GraphClient, metrics: Metrics): GraphClient {
  async function measure<T>(call: () => Promise<GraphResult<T>>): Promise<GraphResult<T>> {
    const stopTimer = metrics.upstreamDuration.startTimer({ upstream: 'graph' });
    try {
      const result = await call();
      if (!result.ok) metrics.upstreamErrors.inc({ upstream: 'graph', failure: result.failure });
      return result;
    } finally {
      stopTimer();
    }
  }
  return {
    findMeeting: (organizer, joinUrl) => measure(() => graph.findMeeting(organizer, joinUrl)),
    createMeeting: (organizer, params) => measure(() => graph.createMeeting(organizer, params)),
    sendMail: (mailbox, message) => measure(() => graph.sendMail(mailbox, message)),
  };
}
