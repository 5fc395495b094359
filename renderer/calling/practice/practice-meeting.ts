// Process: renderer. The practice meeting: the scripted meeting with a few simulated people who
// talk in turn, react, raise and lower a hand, share a screen for a while and spotlight the guest
// for a moment (so they see what being spotlighted looks like), on the meeting's
// clock, so a guest can rehearse mute, camera, devices and sharing before a real meeting. It
// joins nothing real and needs no token service: its token is made here and read only by the
// scripted meeting (the SDK's credential parses it; nothing checks a signature client-side).
import { systemClock, type Clock } from './clock';
import type { ScriptedMeetingConfig } from './control';
import type { ScriptedMeeting } from './meeting';

/** Who is in the practice meeting when the guest arrives (their names come from the meeting's list). */
export const PRACTICE_CONFIG: ScriptedMeetingConfig = { participants: 4, videoParticipants: 3, connectDelayMs: 900, seed: 11 };

/** A Teams-shaped link that names the practice meeting; the scripted meeting is the only one that sees it. */
export const PRACTICE_LINK = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_practice%40thread.v2/0';

const base64url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A token for the practice meeting only: the claims the credential parses, no signature. */
export function practiceToken(now: number, lifetimeMs = 24 * 3_600_000): { token: string; expiresOnMs: number } {
  const exp = Math.floor((now + lifetimeMs) / 1000);
  const header = base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }));
  const claims = base64url(JSON.stringify({ skypeid: 'acs:practice_guest', exp, acsScope: 'voip', resourceId: 'practice' }));
  return { token: `${header}.${claims}.`, expiresOnMs: exp * 1000 };
}

/** One beat of the script every BEAT_MS: someone else speaks; now and then something happens. */
const BEAT_MS = 4_000;
const REACTIONS = ['like', 'heart', 'applause', 'laugh'];

/**
 * Plays the practice meeting once it is connected, until its call ends: returns the stop. Beats:
 * a new speaker each beat (dominant too), a reaction every 3rd, a hand up on the 5th and down on
 * the 8th, a screen share from the 6th to the 11th, the guest in the spotlight on the 12th (until
 * the next beat, or until they step out); then it starts over.
 */
export function playPracticeScript(meeting: ScriptedMeeting, clock: Clock = systemClock): () => void {
  let beat = 0;
  let speaker: string | null = null;
  const timer = clock.setInterval(() => {
    if (meeting.callState() === 'Disconnected') return stop();
    if (meeting.callState() !== 'Connected') return;
    const people = meeting.participantIds();
    if (people.length < 3) return;
    const n = beat++ % 12;
    if (speaker && people.includes(speaker)) meeting.setSpeaking(speaker, false);
    speaker = people[beat % people.length]!;
    meeting.setSpeaking(speaker, true);
    meeting.setDominantSpeakers([speaker]);
    if (n % 3 === 2) meeting.react(people[(beat + 1) % people.length], REACTIONS[beat % REACTIONS.length]);
    if (n === 4) meeting.raiseHand(people[2], true);
    if (n === 7) meeting.raiseHand(people[2], false);
    if (n === 5) meeting.setScreenShare(people[1], true);
    if (n === 10) meeting.setScreenShare(people[1], false);
    if (n === 11) meeting.setSpotlight(['self']);
    if (n === 0 && beat > 1) meeting.setSpotlight([]);
  }, BEAT_MS);
  const stop = () => clock.clearInterval(timer);
  return stop;
}
