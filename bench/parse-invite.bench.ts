// Invitation parser throughput: npx tsx bench/parse-invite.bench.ts
// A corpus of long pasted emails (~20 KB each: a reply chain in HTML source or plain text, every
// link Safe-Linked, signatures and disclaimers, the Teams invitation at the end) is parsed over
// and over; then 1 MB adversarial inputs show the parser stays linear. Prints figures only.
import { parseMeetingInvite } from '../main/links';
import {
  englishInvitation,
  htmlInvitation,
  koreanInvitation,
  meetupJoin,
  proofpointV2,
  proofpointV3,
  quotedPrintable,
  safeLinks,
  shortLink,
} from '../test/main/links/fixtures';

const EMAIL_BYTES = 20_000;
const RUNS = 5_000;
const WARMUP = 500;
const MEGABYTE = 1 << 20;

const FOOTER_LINKS = [
  'https://contoso.sharepoint.com/sites/Marketing/Shared%20Documents/Q3%20roadmap.pptx?web=1',
  'https://www.linkedin.com/company/contoso',
  'https://aka.ms/LearnAboutSenderIdentification',
  'https://contoso.com/privacy?utm_source=email&utm_medium=signature',
];

function replyChainHtml(): string {
  const paragraph = (i: number) =>
    `<div class="elementToProof" style="font-family:Aptos,Calibri,Helvetica,sans-serif;font-size:12pt;color:rgb(0,0,0)">` +
    `Thanks for the update (${i}). The draft is on <a href="${safeLinks(FOOTER_LINKS[i % FOOTER_LINKS.length]).replaceAll('&', '&amp;')}" ` +
    `originalsrc="${FOOTER_LINKS[i % FOOTER_LINKS.length]}" data-auth="NotApplicable">SharePoint</a>; comments by Friday please.</div>\n` +
    `<div id="Signature"><p>Jane Doe | Program Manager | Contoso Ltd.<br>This message may contain confidential information. If you are not the intended recipient, please delete it.</p></div>\n`;
  let text = '';
  for (let i = 0; text.length < EMAIL_BYTES - 2_500; i++) text += paragraph(i);
  return text;
}

function replyChainText(): string {
  const block = (i: number) =>
    `> From: Kim Minjun <minjun.kim@contoso.co.kr>\n> Sent: Tuesday, 3 June 2025 ${9 + (i % 8)}:1${i % 10}\n` +
    `> Subject: RE: Q3 roadmap review\n>\n> Agreed, let's go through it live. Notes<${safeLinks(FOOTER_LINKS[i % FOOTER_LINKS.length])}>\n>\n`;
  let text = '';
  for (let i = 0; text.length < EMAIL_BYTES - 2_500; i++) text += block(i);
  return text;
}

const MEETUP = meetupJoin({ query: '&anon=true' });
const corpus: [label: string, text: string][] = [
  ['HTML reply chain, Safe Links invitation', `${replyChainHtml()}${htmlInvitation(safeLinks(MEETUP).replaceAll('&', '&amp;'))}`],
  ['plain reply chain, Safe Links everywhere', `${replyChainText()}${englishInvitation(safeLinks(MEETUP), safeLinks)}`],
  ['plain reply chain, Proofpoint v2', `${replyChainText()}${englishInvitation(proofpointV2(MEETUP), proofpointV2)}`],
  ['plain reply chain, Proofpoint v3 in Safe Links', `${replyChainText()}${englishInvitation(safeLinks(proofpointV3(MEETUP)))}`],
  ['quoted-printable source', quotedPrintable(`${replyChainText()}${englishInvitation(MEETUP)}`)],
  ['Korean, short link', `${replyChainText()}${koreanInvitation(safeLinks(shortLink()))}`],
  ['Mimecast link: falls back to the meeting ID', `${replyChainText()}${englishInvitation('https://protect-eu.mimecast.com/s/AbCdEfGhIjKl?domain=teams.microsoft.com')}`],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

for (const [, text] of corpus) {
  if (!parseMeetingInvite(text).ok) throw new Error('corpus email not understood');
}
for (let i = 0; i < WARMUP; i++) parseMeetingInvite(corpus[i % corpus.length][1]);

console.log(`Invitation emails: ${corpus.length} kinds, ${RUNS} parses each`);
let allSamples: number[] = [];
let allBytes = 0;
for (const [label, text] of corpus) {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    parseMeetingInvite(text);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const total = samples.reduce((sum, ms) => sum + ms, 0);
  const mbPerSecond = (text.length * RUNS) / MEGABYTE / (total / 1000);
  console.log(
    `  ${label.padEnd(46)} ${(text.length / 1024).toFixed(1)} KB  min ${us(samples[0])}  median ${us(percentile(samples, 50))}  p99 ${us(percentile(samples, 99))}  ${mbPerSecond.toFixed(0)} MB/s`,
  );
  allSamples = allSamples.concat(samples);
  allBytes += text.length * RUNS;
}
allSamples.sort((a, b) => a - b);
const allTotal = allSamples.reduce((sum, ms) => sum + ms, 0);
console.log(
  `  ${'all'.padEnd(46)}          min ${us(allSamples[0])}  median ${us(percentile(allSamples, 50))}  p99 ${us(percentile(allSamples, 99))}  ${(allBytes / MEGABYTE / (allTotal / 1000)).toFixed(0)} MB/s`,
);

console.log('\n1 MB adversarial inputs (median of 5 parses)');
for (const [label, unit] of [
  ['Teams host repeated', 'https://teams.microsoft.com/'],
  ['"=" repeated', '='],
  ['"%" repeated', '%'],
  ['"<" repeated', '<'],
  ['"=3D" repeated', '=3D'],
  ['"{" repeated', '{'],
  ['"Meeting ID: 1 " repeated', 'Meeting ID: 1 '],
] as const) {
  const text = unit.repeat(Math.ceil(MEGABYTE / unit.length)).slice(0, MEGABYTE);
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    parseMeetingInvite(text);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(28)} ${samples[2].toFixed(1)} ms`);
}
