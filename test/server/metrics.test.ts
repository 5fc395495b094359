// What /metrics shows about the upstreams: ACS and Graph calls timed and their failures counted by
// kind, with no meeting, organizer or identity in any label.
import { describe, expect, it } from 'vitest';
import { createMetrics, type Metrics } from '../../server/metrics';
import { buildMetricsApp } from '../../server/metrics-app';
import { postToken, startHarness } from './harness';
import { ADMIN_KEY, ORGANIZER, startInvitationApp } from './invitation-app';

const scrape = async (metrics: Metrics) => (await buildMetricsApp(metrics).inject({ method: 'GET', url: '/metrics' })).body;

describe('upstream metrics', () => {
  it('times ACS calls, counts tokens issued and ACS failures by kind', async () => {
    const metrics = createMetrics();
    const harness = await startHarness({}, { metrics });
    try {
      const first = await postToken(harness.url, { displayName: 'Ada' });
      expect(first.status).toBe(200);
      const { refreshGrant } = (await first.json()) as { refreshGrant: string };
      // A refresh (the same identity again) is counted apart from a new identity.
      expect((await postToken(harness.url, { displayName: 'Ada', refreshGrant })).status).toBe(200);
      harness.acs.failNext(500, 3);
      expect((await postToken(harness.url, { displayName: 'Ada' })).status).toBe(502);
      const text = (await buildMetricsApp(metrics).inject({ method: 'GET', url: '/metrics' })).body;
      expect(text).toContain('doorway_tokens_issued_total{refreshed="false"} 1');
      expect(text).toContain('doorway_tokens_issued_total{refreshed="true"} 1');
      expect(text).toContain('doorway_upstream_errors_total{upstream="acs",failure="failed"} 1');
      expect(text).toContain('doorway_upstream_duration_seconds_count{upstream="acs"} 3');
      for (const secret of [...harness.acs.identities, ...harness.acs.issuedTokens]) expect(text).not.toContain(secret);
    } finally {
      await harness.close();
    }
  });

  it('counts Graph failures by kind only, and times every Graph call: lookups, meetings created, mail sent', async () => {
    const metrics = createMetrics();
    const svc = await startInvitationApp({ metrics });
    try {
      svc.graph.policyUsers.add(ORGANIZER);
      const startsAt = new Date(svc.clock.now + 3_600_000).toISOString();
      const endsAt = new Date(svc.clock.now + 7_200_000).toISOString();
      await svc.createInvitation({ meeting: { organizer: ORGANIZER, subject: 'Interview', startsAt, endsAt }, guest: { email: 'sam.guest@example.org' }, sendEmail: true });
      expect(svc.graph.sentMail).toHaveLength(1);
      let text = await scrape(metrics);
      // The meeting created and the invitation mailed, both answered.
      expect(text).toContain('doorway_upstream_duration_seconds_count{upstream="graph"} 2');
      expect(text).not.toContain('doorway_upstream_errors_total{upstream="graph"');

      const unknown = await svc.app.inject({
        method: 'POST',
        url: '/api/invitations',
        headers: { 'content-type': 'application/json', 'x-doorway-admin-key': ADMIN_KEY },
        payload: JSON.stringify({ meeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_nope%40thread.v2/0', organizer: ORGANIZER } }),
      });
      expect(unknown.statusCode).toBe(404);
      text = await scrape(metrics);
      expect(text).toContain('doorway_upstream_errors_total{upstream="graph",failure="notFound"} 1');
      expect(text).toContain('doorway_upstream_duration_seconds_count{upstream="graph"} 3');
    } finally {
      await svc.close();
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
