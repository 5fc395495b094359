// Process: renderer. Why the meeting forbids an action, in words: shared by the control bar and
// the controls that live in their own files (reactions, captions), so none of them imports another.
import type { CallState, CapabilityName } from '../calling/call-model';
import type { Translate } from '../i18n';

/** Why a capability is missing, in words ('' when it is allowed). */
export function capabilityText(t: Translate, state: CallState, name: CapabilityName): string {
  const capability = state.capabilities[name];
  if (capability.allowed || capability.reason === 'none') return '';
  return `${t(`meeting.capability.${name}`)} ${t(`meeting.reason.${capability.reason}`)}`;
}
