// Invitations on loopback: npm run bench -- invitations (BENCH_SECONDS, default 5).
// The whole service (buildApp) with its real @azure/identity, jose and Graph client against the
// loopback Entra and Graph stand-ins. Prints: invitation creation latency (POST /api/invitations,
// one Graph lookup each), landing page requests per second (16 concurrent clients), and the
// landing page's first paint in Chromium (fresh context per load). The clients run in the same
// Node process as the service, so req/s understates what the service alone serves. Figures only.
import { launchChromium } from '../test/support/chromium';
import { ADMIN_KEY, ORGANIZER, startInvitationApp } from '../test/server/invitation-app';
import { printTable, summarize } from './support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CREATIONS = 50;
const CLIENTS = 16;
const PAINTS = 7;

const svc = await startInvitationApp({ listen: true });
const meeting = svc.graph.addMeeting(ORGANIZER, { subject: 'Bench meeting' });
const body = JSON.stringify({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, guest: { name: 'Bench Guest' } });

async function create(): Promise<{ ms: number; id: string }> {
  const started = performance.now();
  const res = await fetch(`${svc.url}/api/invitations`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-doorway-admin-key': ADMIN_KEY }, body });
  const json = (await res.json()) as { id: string };
  if (res.status !== 201) throw new Error(`create answered ${res.status}`);
  return { ms: performance.now() - started, id: json.id };
}

// The first creation also fetches Graph's token from Entra; report it apart.
const first = await create();
const creations: number[] = [];
for (let i = 0; i < CREATIONS; i++) creations.push((await create()).ms);
const pageUrl = `${svc.url}/join/${first.id}`;

let served = 0;
const deadline = performance.now() + SECONDS * 1000;
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < deadline) {
      const res = await fetch(pageUrl);
      await res.arrayBuffer();
      if (res.status === 200) served++;
      svc.logs.length = 0;
    }
  }),
);
const perSecond = served / SECONDS;

const browser = await launchChromium({ grantMedia: false });
const paints: number[] = [];
for (let i = 0; i < PAINTS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pageUrl);
  // A string, not a function: tsx's helpers (__name) do not exist in the page.
  const paint = await page.evaluate<number>(`new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const entry = list.getEntriesByName('first-contentful-paint')[0];
      if (entry) resolve(entry.startTime);
    }).observe({ type: 'paint', buffered: true });
  })`);
  paints.push(paint);
  await context.close();
}
await browser.close();
await svc.close();

printTable('Invitations (loopback, Graph and Entra stand-ins)', [
  ['first creation, with the Graph token (ms)', first.ms.toFixed(1)],
  [`creation latency, ${CREATIONS} in a row (ms)`, summarize(creations)],
  [`landing page, ${CLIENTS} clients, ${SECONDS} s (req/s)`, perSecond.toFixed(0)],
  [`landing page first contentful paint, Chromium (ms)`, summarize(paints)],
]);
