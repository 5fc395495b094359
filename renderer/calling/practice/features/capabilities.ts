// Process: renderer. Features.Capabilities as the SDK declares it: what a guest
// may do in a Teams meeting, and the meeting changing it (`scriptSet`).
import type { CapabilitiesChangeInfo, CapabilitiesFeature, CapabilityResolutionReason, ParticipantCapabilities, ParticipantCapabilityName } from '@azure/communication-calling';
import { ScriptedFeature } from './feature';

export function allCapabilities(): ParticipantCapabilities {
  const names: ParticipantCapabilityName[] = [
    'turnVideoOn', 'unmuteMic', 'shareScreen', 'removeParticipant', 'hangUpForEveryOne', 'addCommunicationUser', 'addTeamsUser',
    'addPhoneNumber', 'manageLobby', 'spotlightParticipant', 'removeParticipantsSpotlight', 'blurBackground', 'startLiveMeetingCaptions',
    'startLiveCallingCaptions', 'setCaptionLanguage', 'raiseHand', 'pstnDialOut', 'muteOthers', 'useReactions', 'viewAttendeeNames',
    'startTogetherMode', 'joinBreakoutRooms', 'forbidOthersAudio', 'forbidOthersVideo', 'realTimeText',
  ];
  const guestCan = new Set<ParticipantCapabilityName>(['turnVideoOn', 'unmuteMic', 'shareScreen', 'raiseHand', 'useReactions', 'viewAttendeeNames', 'blurBackground']);
  return Object.fromEntries(names.map((name) => [name, guestCan.has(name) ? { isPresent: true, reason: 'Capable' } : { isPresent: false, reason: 'RoleRestricted' }])) as ParticipantCapabilities;
}

export class ScriptedCapabilities extends ScriptedFeature implements CapabilitiesFeature {
  capabilities = allCapabilities();
  constructor() {
    super('Capabilities');
  }
  scriptSet(changes: Partial<Record<ParticipantCapabilityName, { isPresent: boolean; reason: CapabilityResolutionReason }>>): void {
    const info: CapabilitiesChangeInfo = { oldValue: {}, newValue: {}, reason: 'MeetingOptionOrOrganizerPolicyChanged' };
    const next = { ...this.capabilities };
    for (const [name, value] of Object.entries(changes) as [ParticipantCapabilityName, { isPresent: boolean; reason: CapabilityResolutionReason }][]) {
      info.oldValue[name] = this.capabilities[name];
      info.newValue[name] = value;
      next[name] = value;
    }
    this.capabilities = next;
    this.emit('capabilitiesChanged', info);
  }
}

/** Recording and transcription share the meeting's consent state. */
