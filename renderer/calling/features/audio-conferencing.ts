// Process: renderer (SDK glue, type-only SDK import). Features.TeamsMeetingAudioConferencing: asks
// the meeting once for its dial-in phone numbers and conference ID (shown in the meeting info
// panel, and offered on the ended screen when the network failed). A meeting without audio
// conferencing (the SDK rejects) is 'none', not an error the guest sees.
import type { TeamsMeetingAudioConferencingCallFeature, TeamsMeetingAudioConferencingPhoneNumber } from '@azure/communication-calling';
import { describeSdkError } from '../sdk-error';
import type { DialInNumber } from './audio-conferencing-model';
import type { FeatureContext, FeatureHandle } from './feature-context';

function numbersOf(phoneNumbers: readonly TeamsMeetingAudioConferencingPhoneNumber[]): DialInNumber[] {
  const numbers: DialInNumber[] = [];
  for (const entry of phoneNumbers) {
    const place = { country: entry.countryName ?? '', city: entry.cityName ?? '' };
    if (entry.tollPhoneNumber?.phoneNumber) numbers.push({ number: entry.tollPhoneNumber.phoneNumber, tollFree: false, ...place });
    if (entry.tollFreePhoneNumber?.phoneNumber) numbers.push({ number: entry.tollFreePhoneNumber.phoneNumber, tollFree: true, ...place });
  }
  return numbers;
}

export function attachAudioConferencing(feature: TeamsMeetingAudioConferencingCallFeature, ctx: FeatureContext): FeatureHandle {
  let attached = true;
  feature.getTeamsMeetingAudioConferencingDetails().then(
    (details) => {
      if (attached) ctx.push({ type: 'dialIn/details', conferenceId: details.phoneConferenceId ?? '', numbers: numbersOf(details.phoneNumbers ?? []) });
    },
    (error: unknown) => {
      if (!attached) return;
      ctx.log('info', `no dial-in details: ${describeSdkError(error)}`);
      ctx.push({ type: 'dialIn/none' });
    },
  );
  return {
    detach() {
      attached = false;
    },
  };
}
