// What /metrics shows about the upstreams: ACS and Graph calls timed and their failures counted by
// kind, with no meeting, organizer or identity in any label.
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../server/metrics';
import { buildMetricsApp } from '../../server/metrics-app';
import { postToken, startHarness } from './harness';
import { ORGANIZER, startInvitationApp } from './invitation-app';

describe('upstream metrics', () => {
  it('times ACS calls, counts tokens issued and ACS failures by kind', async () => {
    const metrics = createMetrics();
    const harness = await startHarness({}, { metrics });
    try {
      expect((await postToken(harness.url, { displayName: 'Ada' })).status).toBe(200);
      harness.acs.failNext(500, 3);
      expect((await postToken(harness.url, { displayName: 'Ada' })).status).toBe(502);
      const text = (await buildMetricsApp(metrics).inject({ method: 'GET', url: '/metrics' })).body;
      expect(text).toContain('doorway_tokens_issued_total{refreshed="false"} 1');
      expect(text).toContain('doorway_upstream_errors_total{upstream="acs",failure="failed"} 1');
      expect(text).toContain('doorway_upstream_duration_seconds_count{upstream="acs"} 2');
      for (const secret of [...harness.acs.identities, ...harness.acs.issuedTokens]) expect(text).not.toContain(secret);
    } finally {
      await harness.close();
    }
  });

  it('times Graph calls, with no organizer or meeting in the labels', async () => {
    const metrics = createMetrics();
    const svc = await startInvitationApp({ metrics });
    try {
      const meeting = svc.graph.addMeeting(ORGANIZER);
      await svc.createInvitation({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER } });
      const text = (await buildMetricsApp(metrics).inject({ method: 'GET', url: '/metrics' })).body;
      expect(text).toMatch(/doorway_upstream_duration_seconds_count\{upstream="graph"\} [1-9]/);
      expect(text).not.toContain(ORGANIZER);
      expect(text).not.toContain('meetup-join');
    } finally {
      await svc.close();
    }
  });
});
