// Process: renderer. The meeting as the views see it: one small immutable CallState, the pure
// reducer that applies model events to it, and the CallSession handle the views act through.
// No SDK import here (not even at runtime through a helper): the views and the Node unit tests
// load this file; renderer/calling/call-session.ts turns SDK objects and events into CallEvents.
//
// Performance: a meeting can have 1,000 participants sending dozens of roster events a second.
// The session queues CallEvents and applies them once per animation frame with `applyEvents`,
// which copies the participant map at most once per batch (O(n) per frame, O(1) per event) and
// keeps every unchanged Participant object identical, so views can skip unchanged tiles.
//
// Feature slices (features/<feature>-model.ts) keep their own state, prefixed events and pure
// reducer; this file nests each slice under CallState and hands it its events.
import type { ChatAccess } from '../chat/meeting-chat';
import type { EffectsActions } from './features/effects-model';
import type { TokenErrorCode } from '../../common/ipc-contract';
import type { ScreenShareState } from '../share/share-model';
import type { DevicesState, Observable } from './model';
import { applyCaptionsEvent, initialCaptionsState, type CaptionsEvent, type CaptionsState } from './features/captions-model';
import { applyReactionsEvent, initialReactionsState, type ReactionType, type ReactionsEvent, type ReactionsState } from './features/reactions-model';
import { applyBreakoutEvent, initialBreakoutState, type BreakoutEvent, type BreakoutState } from './features/breakout-rooms-model';
import { applyMediaStatsEvent, initialMediaStatsState, type MediaStatsEvent, type MediaStatsState } from './features/media-stats-model';
import { applySpotlightEvent, initialSpotlightState, type SpotlightEvent, type SpotlightState } from './features/spotlight-model';
import { applyTogetherModeEvent, initialTogetherModeState, type TogetherModeEvent, type TogetherModeState } from './features/together-mode-model';
import { applyDialInEvent, initialDialInState, type DialInEvent, type DialInState } from './features/audio-conferencing-model';

export type CallPhase = 'connecting' | 'lobby' | 'connected' | 'reconnecting' | 'ended';

/** A remote participant's state in the meeting, as the roster shows it. */
export type ParticipantStatus = 'connecting' | 'lobby' | 'connected' | 'hold' | 'disconnected';

export interface Participant {
  /** The SDK identifier's raw id: stable for the participant's time in the call. */
  readonly id: string;
  readonly name: string;
  readonly status: ParticipantStatus;
  readonly muted: boolean;
  readonly speaking: boolean;
  readonly handRaised: boolean;
  readonly videoAvailable: boolean;
  readonly screenShareAvailable: boolean;
  /** Order of arrival (ties in the gallery order go to whoever came first). */
  readonly joinSeq: number;
  /** When they last spoke or were named a dominant speaker (0: never); higher is more recent. */
  readonly lastSpokeSeq: number;
  /** When they raised their hand (0: not raised), for the order of raised hands. */
  readonly handSeq: number;
}

export type ParticipantInit = Pick<Participant, 'id' | 'name' | 'status' | 'muted' | 'speaking' | 'videoAvailable' | 'screenShareAvailable'> &
  Partial<Pick<Participant, 'handRaised'>>;

export type ParticipantPatch = Partial<Pick<Participant, 'name' | 'status' | 'muted' | 'speaking' | 'videoAvailable' | 'screenShareAvailable'>>;

/** The controls a meeting can forbid a guest; the views disable them and say why. */
export const CAPABILITY_NAMES = ['unmuteMic', 'turnVideoOn', 'shareScreen', 'raiseHand', 'useReactions', 'setCaptionLanguage'] as const;
export type CapabilityName = (typeof CAPABILITY_NAMES)[number];

/** Why a capability is missing, grouped the way the guest is told. */
export type CapabilityReason = 'none' | 'meeting' | 'role' | 'consent' | 'policy' | 'unavailable';

export interface Capability {
  readonly allowed: boolean;
  readonly reason: CapabilityReason;
}

export type Capabilities = Readonly<Record<CapabilityName, Capability>>;

/** Short call-health messages, from the SDK's UserFacingDiagnostics. */
export const NOTICE_KINDS = [
  'noNetwork',
  'poorNetwork',
  'networkBlocked',
  'microphoneNotWorking',
  'cameraFrozen',
  'cameraNotWorking',
  'speakingWhileMuted',
  'noSpeaker',
  'actionFailed',
  'mutedByOthers',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Notices the session raises and clears itself (the others follow the diagnostics). */
const SESSION_NOTICES: readonly NoticeKind[] = ['actionFailed', 'mutedByOthers'];

/** How a meeting ended, as the ended screen explains it (see end-reasons.ts for the table). */
export type EndReasonKind =
  | 'left'
  | 'deniedFromLobby'
  | 'lobbyTimeout'
  | 'removed'
  | 'endedForEveryone'
  | 'everyoneLeft'
  | 'tokenExpired'
  | 'tokenUnavailable'
  | 'networkLost'
  | 'mediaConnectivity'
  | 'anonymousNotAllowed'
  | 'unknown';

export interface EndedInfo {
  readonly kind: EndReasonKind;
  readonly code: number | null;
  readonly subCode: number | null;
  readonly callId: string | null;
  /** Whether joining again may help (offered as "Rejoin"). */
  readonly rejoin: boolean;
  /** For 'tokenUnavailable': the token service's error code (a `token.error.<code>` message). */
  readonly tokenError?: TokenErrorCode;
}

export interface LocalState {
  readonly muted: boolean;
  readonly videoOn: boolean;
  readonly handRaised: boolean;
  /** The guest pressed Leave (or the app is closing); the call is hanging up. */
  readonly leaving: boolean;
}

export interface CallState {
  readonly phase: CallPhase;
  /** Date.now() when the current phase began (the lobby's elapsed time counts from here). */
  readonly phaseSince: number;
  /** Date.now() when the guest first got into the meeting (the header's elapsed time); null before. */
  readonly connectedSince: number | null;
  readonly callId: string | null;
  /** Remote participants by id (lobby and disconnected ones are not kept). */
  readonly participants: ReadonlyMap<string, Participant>;
  /** Bumped whenever the participants map is replaced. */
  readonly rosterVersion: number;
  /** Bumped only when who is here, their names or raised hands change (the people list's order). */
  readonly peopleVersion: number;
  /** The SDK's dominant speakers, most dominant first. */
  readonly dominantSpeakers: readonly string[];
  readonly local: LocalState;
  readonly capabilities: Capabilities;
  readonly recordingActive: boolean;
  readonly transcriptionActive: boolean;
  /** The meeting requires explicit consent to recording/transcription before unmuting etc. */
  readonly consentRequired: boolean;
  /** Active call-health notices, in NOTICE_KINDS order. */
  readonly notices: readonly NoticeKind[];
  /** Raw diagnostics currently active (name → true), the source of `notices`. */
  readonly activeDiagnostics: Readonly<Record<string, true>>;
  /** The SDK's network reconnect diagnostic says the media connection is being re-established. */
  readonly networkReconnecting: boolean;
  /** How many remote videos to render at most (Features.OptimalVideoCount). */
  readonly optimalVideoCount: number;
  readonly ended: EndedInfo | null;
  /** Features.Reaction: who reacted with what, for a few seconds (features/reactions-model.ts). */
  readonly reactions: ReactionsState;
  /** Features.Captions: Teams live captions (features/captions-model.ts). */
  readonly captions: CaptionsState;
  /** Features.BreakoutRooms: the assigned room and where the guest is (features/breakout-rooms-model.ts). */
  readonly breakout: BreakoutState;
  /** Features.MediaStats: call quality each way, and the guest's choices about it (features/media-stats-model.ts). */
  readonly mediaStats: MediaStatsState;
  /** Features.Spotlight: who the organizer spotlighted (features/spotlight-model.ts). */
  readonly spotlight: SpotlightState;
  /** Features.TogetherMode: the together-mode scene is on (features/together-mode-model.ts). */
  readonly togetherMode: TogetherModeState;
  /** Features.TeamsMeetingAudioConferencing: phone numbers to call in (features/audio-conferencing-model.ts). */
  readonly dialIn: DialInState;
  /** Sequence counter for join/speak/hand order. */
  readonly seq: number;
}

/** The SDK's call states, as strings (the model does not import the SDK's types at runtime). */
export type SdkCallState =
  | 'None'
  | 'Connecting'
  | 'Ringing'
  | 'Connected'
  | 'LocalHold'
  | 'RemoteHold'
  | 'InLobby'
  | 'Disconnecting'
  | 'Disconnected'
  | 'EarlyMedia';

export type CallEvent =
  | { type: 'callState'; state: SdkCallState; at: number }
  | { type: 'callId'; id: string }
  | { type: 'participantJoined'; participant: ParticipantInit }
  | { type: 'participantLeft'; id: string }
  | { type: 'participantChanged'; id: string; patch: ParticipantPatch }
  | { type: 'dominantSpeakers'; ids: readonly string[] }
  | { type: 'hand'; id: string; raised: boolean }
  | { type: 'local'; patch: Partial<LocalState> }
  | { type: 'capabilities'; changes: Partial<Record<CapabilityName, Capability>> }
  | { type: 'recording'; active: boolean }
  | { type: 'transcription'; active: boolean }
  | { type: 'consentRequired'; required: boolean }
  | { type: 'diagnostic'; name: string; active: boolean; at: number }
  | { type: 'notice'; kind: NoticeKind; active: boolean }
  | { type: 'optimalVideoCount'; count: number }
  | { type: 'ended'; ended: EndedInfo; at: number }
  | ReactionsEvent
  | CaptionsEvent
  | BreakoutEvent
  | MediaStatsEvent
  | SpotlightEvent
  | TogetherModeEvent
  | DialInEvent;

const ALLOWED: Capability = Object.freeze({ allowed: true, reason: 'none' });

export const DEFAULT_OPTIMAL_VIDEO_COUNT = 4;

export function initialCallState(options: { muted: boolean; videoOn: boolean; now: number }): CallState {
  return {
    phase: 'connecting',
    phaseSince: options.now,
    connectedSince: null,
    callId: null,
    participants: new Map(),
    rosterVersion: 0,
    peopleVersion: 0,
    dominantSpeakers: [],
    local: { muted: options.muted, videoOn: options.videoOn, handRaised: false, leaving: false },
    capabilities: Object.fromEntries(CAPABILITY_NAMES.map((name) => [name, ALLOWED])) as Record<CapabilityName, Capability>,
    recordingActive: false,
    transcriptionActive: false,
    consentRequired: false,
    notices: [],
    activeDiagnostics: {},
    networkReconnecting: false,
    optimalVideoCount: DEFAULT_OPTIMAL_VIDEO_COUNT,
    ended: null,
    reactions: initialReactionsState,
    captions: initialCaptionsState,
    breakout: initialBreakoutState,
    mediaStats: initialMediaStatsState,
    spotlight: initialSpotlightState,
    togetherMode: initialTogetherModeState,
    dialIn: initialDialInState,
    seq: 0,
  };
}

/** The phase a call is in, from the SDK's call state and the reconnect diagnostic. */
export function phaseOf(state: SdkCallState, networkReconnecting: boolean, previous: CallPhase): CallPhase {
  switch (state) {
    case 'InLobby':
      return 'lobby';
    case 'Connected':
    case 'LocalHold':
    case 'RemoteHold':
      return networkReconnecting ? 'reconnecting' : 'connected';
    case 'Disconnected':
      return 'ended';
    case 'Disconnecting':
      return previous;
    case 'Connecting':
      // A call that was in the meeting and goes back to Connecting is re-establishing itself.
      return previous === 'connected' || previous === 'reconnecting' ? 'reconnecting' : 'connecting';
    default:
      return 'connecting';
  }
}

/** The SDK's remote participant states, as the roster shows them. */
export function participantStatusOf(state: string): ParticipantStatus {
  switch (state) {
    case 'Connected':
      return 'connected';
    case 'Hold':
      return 'hold';
    case 'InLobby':
      return 'lobby';
    case 'Disconnected':
      return 'disconnected';
    default:
      return 'connecting';
  }
}

/** The SDK's capability value ({ isPresent, reason }) as the model keeps it. */
export function capabilityOf(value: { isPresent: boolean; reason: string } | undefined): Capability {
  if (!value) return ALLOWED;
  // 'NotInitialized': the meeting has not told us yet; do not block the guest on a guess.
  if (value.isPresent || value.reason === 'Capable' || value.reason === 'NotInitialized') return ALLOWED;
  switch (value.reason) {
    case 'MeetingRestricted':
      return { allowed: false, reason: 'meeting' };
    case 'RoleRestricted':
      return { allowed: false, reason: 'role' };
    case 'ExplicitConsentRequired':
      return { allowed: false, reason: 'consent' };
    case 'UserPolicyRestricted':
    case 'IpModeUserPolicyRestricted':
      return { allowed: false, reason: 'policy' };
    default:
      return { allowed: false, reason: 'unavailable' };
  }
}

/** Which notice a UserFacingDiagnostics name stands for (null: not one the guest is shown). */
export function noticeOfDiagnostic(name: string): NoticeKind | null {
  switch (name) {
    case 'noNetwork':
      return 'noNetwork';
    case 'networkReceiveQuality':
    case 'networkSendQuality':
      return 'poorNetwork';
    case 'networkRelaysNotReachable':
      return 'networkBlocked';
    case 'microphoneNotFunctioning':
    case 'microphoneNotMuteButSilent':
    case 'microphoneMuteUnexpectedly':
    case 'noMicrophoneDevicesEnumerated':
    case 'microphonePermissionDenied':
      return 'microphoneNotWorking';
    case 'cameraFreeze':
      return 'cameraFrozen';
    case 'cameraStartFailed':
    case 'cameraStartTimedOut':
    case 'cameraStoppedUnexpectedly':
    case 'cameraPermissionDenied':
      return 'cameraNotWorking';
    case 'speakingWhileMicrophoneIsMuted':
      return 'speakingWhileMuted';
    case 'noSpeakerDevicesEnumerated':
      return 'noSpeaker';
    default:
      return null;
  }
}

/** A diagnostic value is a problem when it is a raised flag or a Poor (2) / Bad (3) quality. */
export function diagnosticActive(value: boolean | number): boolean {
  return value === true || value === 2 || value === 3;
}

function noticesFrom(active: Readonly<Record<string, true>>, extra: ReadonlySet<NoticeKind>): NoticeKind[] {
  const kinds = new Set<NoticeKind>(extra);
  for (const name of Object.keys(active)) {
    const kind = noticeOfDiagnostic(name);
    if (kind) kinds.add(kind);
  }
  return NOTICE_KINDS.filter((kind) => kinds.has(kind));
}

/** Applies one event (for tests and one-offs; the session batches with applyEvents). */
export function reduce(state: CallState, event: CallEvent): CallState {
  return applyEvents(state, [event]);
}

/**
 * Applies a batch of events. The participant map is copied once, on the first participant event
 * of the batch, then updated in place; every other field is replaced only when it changes.
 */
export function applyEvents(state: CallState, events: readonly CallEvent[]): CallState {
  if (events.length === 0) return state;
  let next: { -readonly [K in keyof CallState]: CallState[K] } = { ...state };
  let participants: Map<string, Participant> | null = null;
  const roster = (): Map<string, Participant> => (participants ??= new Map(state.participants));
  let noticesDirty = false;
  const manualNotices = new Set<NoticeKind>(state.notices.filter((kind) => SESSION_NOTICES.includes(kind)));

  for (const event of events) {
    if (next.phase === 'ended' && event.type !== 'local') continue;
    switch (event.type) {
      case 'callState': {
        const phase = phaseOf(event.state, next.networkReconnecting, next.phase);
        if (phase === 'ended') break; // the 'ended' event (with its reason) ends the call
        if (phase !== next.phase) {
          next.phase = phase;
          next.phaseSince = event.at;
        }
        if (phase === 'connected' && next.connectedSince === null) next.connectedSince = event.at;
        if (event.state === 'Disconnecting') next.local = { ...next.local, leaving: true };
        break;
      }
      case 'callId':
        next.callId = event.id;
        break;
      case 'participantJoined': {
        const init = event.participant;
        if (init.status === 'lobby' || init.status === 'disconnected') {
          if ((participants ?? state.participants).has(init.id)) {
            roster().delete(init.id);
            next.peopleVersion += 1;
          }
          break;
        }
        const existing = roster().get(init.id);
        next.seq += 1;
        if (!existing || existing.name !== init.name || (init.handRaised !== undefined && init.handRaised !== existing.handRaised)) next.peopleVersion += 1;
        roster().set(init.id, {
          id: init.id,
          name: init.name,
          status: init.status,
          muted: init.muted,
          speaking: init.speaking,
          handRaised: init.handRaised ?? existing?.handRaised ?? false,
          videoAvailable: init.videoAvailable,
          screenShareAvailable: init.screenShareAvailable,
          joinSeq: existing?.joinSeq ?? next.seq,
          lastSpokeSeq: init.speaking ? next.seq : (existing?.lastSpokeSeq ?? 0),
          handSeq: existing?.handSeq ?? (init.handRaised ? next.seq : 0),
        });
        break;
      }
      case 'participantLeft':
        if ((participants ?? state.participants).has(event.id)) {
          roster().delete(event.id);
          next.peopleVersion += 1;
        }
        break;
      case 'participantChanged': {
        const current = (participants ?? state.participants).get(event.id);
        if (!current) break;
        if (event.patch.status === 'lobby' || event.patch.status === 'disconnected') {
          roster().delete(event.id);
          next.peopleVersion += 1;
          break;
        }
        let changed = false;
        for (const key of Object.keys(event.patch) as (keyof ParticipantPatch)[]) {
          if (event.patch[key] !== undefined && event.patch[key] !== current[key]) changed = true;
        }
        if (!changed) break;
        if (event.patch.name !== undefined && event.patch.name !== current.name) next.peopleVersion += 1;
        const updated: { -readonly [K in keyof Participant]: Participant[K] } = { ...current };
        for (const key of Object.keys(event.patch) as (keyof ParticipantPatch)[]) {
          const value = event.patch[key];
          if (value !== undefined) (updated as Record<string, unknown>)[key] = value;
        }
        if (event.patch.speaking && !current.speaking) {
          next.seq += 1;
          updated.lastSpokeSeq = next.seq;
        }
        roster().set(event.id, updated);
        break;
      }
      case 'dominantSpeakers': {
        next.dominantSpeakers = [...event.ids];
        // The most dominant gets the most recent "spoke" mark, so the gallery puts them first.
        for (let i = event.ids.length - 1; i >= 0; i--) {
          const id = event.ids[i];
          const current = (participants ?? state.participants).get(id);
          if (!current) continue;
          next.seq += 1;
          roster().set(id, { ...current, lastSpokeSeq: next.seq });
        }
        break;
      }
      case 'hand': {
        const current = (participants ?? state.participants).get(event.id);
        if (!current || current.handRaised === event.raised) break;
        next.seq += 1;
        next.peopleVersion += 1;
        roster().set(event.id, { ...current, handRaised: event.raised, handSeq: event.raised ? next.seq : 0 });
        break;
      }
      case 'local': {
        const patch = event.patch;
        const keys = Object.keys(patch) as (keyof LocalState)[];
        if (keys.some((key) => patch[key] !== undefined && patch[key] !== next.local[key])) next.local = { ...next.local, ...patch };
        break;
      }
      case 'capabilities': {
        let capabilities: Record<CapabilityName, Capability> | null = null;
        for (const name of CAPABILITY_NAMES) {
          const value = event.changes[name];
          if (!value) continue;
          const current = next.capabilities[name];
          if (current.allowed === value.allowed && current.reason === value.reason) continue;
          capabilities ??= { ...next.capabilities };
          capabilities[name] = value;
        }
        if (!capabilities) break;
        // Translation taken away while captions are translated: a short notice (they go back to
        // the spoken language), not a silent change.
        if (next.capabilities.setCaptionLanguage.allowed && !capabilities.setCaptionLanguage.allowed && next.captions.active && next.captions.captionLanguage) {
          next.captions = applyCaptionsEvent(next.captions, { type: 'captions/notice', notice: 'translationUnavailable' });
        }
        next.capabilities = capabilities;
        break;
      }
      case 'recording':
        next.recordingActive = event.active;
        break;
      case 'transcription':
        next.transcriptionActive = event.active;
        break;
      case 'consentRequired':
        next.consentRequired = event.required;
        break;
      case 'diagnostic': {
        if (event.name === 'networkReconnect') {
          next.networkReconnecting = event.active;
          if (next.phase === 'connected' && event.active) next = { ...next, phase: 'reconnecting', phaseSince: event.at };
          else if (next.phase === 'reconnecting' && !event.active) next = { ...next, phase: 'connected', phaseSince: event.at };
          break;
        }
        const isActive = next.activeDiagnostics[event.name] === true;
        if (isActive === event.active) break;
        const active = { ...next.activeDiagnostics };
        if (event.active) active[event.name] = true;
        else delete active[event.name];
        next.activeDiagnostics = active;
        noticesDirty = true;
        break;
      }
      case 'notice':
        if (event.active) manualNotices.add(event.kind);
        else manualNotices.delete(event.kind);
        noticesDirty = true;
        break;
      case 'optimalVideoCount':
        next.optimalVideoCount = Math.max(0, Math.floor(event.count));
        break;
      case 'reactions/received':
      case 'reactions/expired':
        next.reactions = applyReactionsEvent(next.reactions, event);
        break;
      case 'captions/available':
      case 'captions/starting':
      case 'captions/active':
      case 'captions/spokenLanguage':
      case 'captions/captionLanguage':
      case 'captions/received':
      case 'captions/notice':
        next.captions = applyCaptionsEvent(next.captions, event);
        break;
      case 'breakout/assigned':
      case 'breakout/settings':
      case 'breakout/moving':
      case 'breakout/moved':
      case 'breakout/failed':
      case 'breakout/dismiss':
        next.breakout = applyBreakoutEvent(next.breakout, event);
        break;
      case 'mediaStats/available':
      case 'mediaStats/sample':
      case 'mediaStats/incomingVideo':
      case 'mediaStats/dismissAdvice':
        next.mediaStats = applyMediaStatsEvent(next.mediaStats, event);
        break;
      case 'spotlight/changed':
        next.spotlight = applySpotlightEvent(next.spotlight, event);
        break;
      case 'togetherMode/stream':
        next.togetherMode = applyTogetherModeEvent(next.togetherMode, event);
        break;
      case 'dialIn/details':
      case 'dialIn/none':
        next.dialIn = applyDialInEvent(next.dialIn, event);
        break;
      case 'ended':
        next.phase = 'ended';
        next.phaseSince = event.at;
        next.ended = event.ended;
        next.callId = event.ended.callId ?? next.callId;
        next.local = { ...next.local, leaving: false, handRaised: false };
        next.networkReconnecting = false;
        break;
    }
  }

  if (noticesDirty) {
    const notices = noticesFrom(next.activeDiagnostics, manualNotices);
    if (notices.length !== next.notices.length || notices.some((kind, i) => kind !== next.notices[i])) next.notices = notices;
  }
  if (participants) {
    next.participants = participants;
    next.rosterVersion = state.rosterVersion + 1;
  }
  // Nothing changed: keep the same object, so subscribers are not woken for nothing.
  for (const key of Object.keys(next) as (keyof CallState)[]) if (next[key] !== state[key]) return next;
  return state;
}

/**
 * The gallery's order: the most recent speakers first (a dominant-speaker change counts as
 * speaking), then whoever came first. Only participants in the meeting (not lobby, not gone).
 */
export function galleryOrder(participants: ReadonlyMap<string, Participant>): Participant[] {
  const list: Participant[] = [];
  for (const p of participants.values()) if (p.status !== 'lobby' && p.status !== 'disconnected') list.push(p);
  list.sort((a, b) => b.lastSpokeSeq - a.lastSpokeSeq || a.joinSeq - b.joinSeq);
  return list;
}

/** Whether `a` comes before `b` in the gallery (more recent speaker, then earlier arrival). */
function galleryBefore(a: Participant, b: Participant): boolean {
  return a.lastSpokeSeq !== b.lastSpokeSeq ? a.lastSpokeSeq > b.lastSpokeSeq : a.joinSeq < b.joinSeq;
}

/**
 * The first `k` participants in gallery order, and how many are in the meeting: one pass with a
 * small sorted buffer, so a 1,000-person roster costs no sort and no big array per frame.
 */
export function galleryTop(participants: ReadonlyMap<string, Participant>, k: number): { top: Participant[]; total: number } {
  const top: Participant[] = [];
  let total = 0;
  if (k <= 0) {
    for (const p of participants.values()) if (p.status !== 'lobby' && p.status !== 'disconnected') total++;
    return { top, total };
  }
  for (const p of participants.values()) {
    if (p.status === 'lobby' || p.status === 'disconnected') continue;
    total++;
    if (top.length === k && !galleryBefore(p, top[k - 1])) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (galleryBefore(top[mid], p)) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, p);
    if (top.length > k) top.pop();
  }
  return { top, total };
}

/**
 * Keeps tiles where they are: the participants who should be visible (`wanted`, best first) fill
 * the slots of those who left the visible set, so a new speaker replaces the least recent one
 * without reshuffling the whole grid.
 */
export function stableSlots(previous: readonly string[], wanted: readonly string[]): string[] {
  const wantedSet = new Set(wanted);
  const slots: (string | null)[] = previous.map((id) => (wantedSet.has(id) ? id : null));
  const placed = new Set(slots.filter((id): id is string => id !== null));
  const incoming = wanted.filter((id) => !placed.has(id));
  let next = 0;
  for (let i = 0; i < slots.length && next < incoming.length; i++) if (slots[i] === null) slots[i] = incoming[next++]!;
  const result = slots.filter((id): id is string => id !== null);
  while (next < incoming.length) result.push(incoming[next++]);
  return result.slice(0, wanted.length);
}

/** Which visible participants get their video rendered: at most `limit`, recent speakers first. */
export function videoSelection(visible: readonly Participant[], limit: number): Set<string> {
  const withVideo = visible.filter((p) => p.videoAvailable);
  withVideo.sort((a, b) => b.lastSpokeSeq - a.lastSpokeSeq || a.joinSeq - b.joinSeq);
  return new Set(withVideo.slice(0, Math.max(0, limit)).map((p) => p.id));
}

/**
 * Up to two initials for an avatar ("Ada Lovelace" → "AL", "김민준" → "김"): the first letter or
 * digit of the first and last words that have one, so punctuation and bidi marks never show.
 */
export function initialsOf(name: string): string {
  const firsts = name.split(/\s+/).map((word) => /[\p{L}\p{N}]/u.exec(word)?.[0] ?? '').filter(Boolean);
  if (firsts.length === 0) return '?';
  return (firsts[0] + (firsts.length > 1 ? firsts[firsts.length - 1] : '')).toUpperCase();
}

/** Which remote video to render: the camera, or the screen the participant shares. */
export type VideoKind = 'video' | 'screenShare';

export type Disposer = () => void;

/** What the captions views can ask for; failures come back as the slice's notice. */
export interface CaptionsActions {
  start(): Promise<void>;
  stop(): Promise<void>;
  setSpokenLanguage(language: string): Promise<void>;
  setCaptionLanguage(language: string): Promise<void>;
  dismissNotice(): void;
}

/** What the breakout-room views can ask for; failures come back as the slice's notice. */
export interface BreakoutActions {
  /** Goes into the assigned room (when it is open and the guest chooses when). */
  join(): Promise<void>;
  /** Goes back to the main meeting (when the room's settings allow it). */
  returnToMain(): Promise<void>;
  dismissNotice(): void;
}

/**
 * The handle the meeting views use. Views never hold SDK objects: they read `state`, call these
 * methods, and hand over DOM elements to render video into.
 */
export interface CallSession {
  readonly state: Observable<CallState>;
  readonly devices: Observable<DevicesState>;
  /** Hangs up (works in every phase, also before the call exists); resolves when done. */
  leave(): Promise<void>;
  setMicrophone(on: boolean): Promise<void>;
  setCamera(on: boolean): Promise<void>;
  /** Flips the microphone / camera from the call's live state (shortcuts pressed in quick succession). */
  toggleMicrophone(): Promise<void>;
  toggleCamera(): Promise<void>;
  selectCamera(id: string): Promise<void>;
  selectMicrophone(id: string): Promise<void>;
  selectSpeaker(id: string): Promise<void>;
  setHandRaised(raised: boolean): Promise<void>;
  /** Features.Reaction: sends a reaction when the meeting allows it (useReactions). */
  readonly reactions: { send(reaction: ReactionType): Promise<void> };
  /** Features.Captions: Teams live captions, once the call is connected (no-ops before). */
  readonly captions: CaptionsActions;
  /** Features.BreakoutRooms: moving into the assigned room and back. */
  readonly breakoutRooms: BreakoutActions;
  /** Background effect and noise suppression (null when the meeting was opened without them). */
  readonly effects: EffectsActions | null;
  /** Features.MediaStats: what the guest may do about call quality (model changes only). */
  readonly mediaStats: { setIncomingVideo(on: boolean): void; dismissAdvice(): void };
  /** Features.Spotlight: the guest steps out of the spotlight the organizer put them in. */
  readonly spotlight: { leave(): Promise<void> };
  /** Renders the together-mode scene into `host` while it is on; the disposer removes it. */
  renderTogetherMode(host: HTMLElement): Disposer;
  /** Gives the explicit consent to recording/transcription the meeting asks for. */
  grantConsent(): Promise<void>;
  /**
   * What meeting chat needs (call.info.threadId, the chat endpoint, the guest's identity and
   * token) once the guest is admitted; null before, and when the token service grants no chat.
   */
  chatAccess(): ChatAccess | null;
  /** Renders a participant's camera (or shared screen) into `host`; the disposer removes it. */
  renderParticipantVideo(participantId: string, host: HTMLElement, kind?: VideoKind): Disposer;
  /** Renders the guest's own camera (mirrored) into `host` while the camera is on. */
  renderLocalVideo(host: HTMLElement): Disposer;
  /** The guest's own screen share (renderer/calling/screen-share.ts). */
  readonly screenShare: Observable<ScreenShareState>;
  /** Opens the picker (through the SDK and main) and shares what the guest chooses. */
  startScreenShare(): Promise<void>;
  stopScreenShare(): Promise<void>;
  /** The guest read why sharing failed or stopped. */
  dismissScreenShareMessage(): void;
  /** Hangs up if needed and releases everything (the meeting screen unmounted). */
  dispose(): Promise<void>;
}
