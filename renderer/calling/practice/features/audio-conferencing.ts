// Process: renderer. Features.TeamsMeetingAudioConferencing as the SDK declares it: the meeting's
// dial-in numbers and conference ID when the organizer's tenant has audio conferencing
// (`scriptDetails`), a rejection otherwise (as the service answers a meeting without it).
import type { TeamsMeetingAudioConferencingCallFeature, TeamsMeetingAudioConferencingDetails } from '@azure/communication-calling';
import { ScriptedCallingError } from '../errors';
import { ScriptedFeature } from './feature';

/** A dial-in number as the scripted meeting is told it. */
export interface ScriptedDialInNumber {
  number: string;
  tollFree?: boolean;
  country?: string;
  city?: string;
}

export class ScriptedAudioConferencing extends ScriptedFeature implements TeamsMeetingAudioConferencingCallFeature {
  private details: TeamsMeetingAudioConferencingDetails | null = null;
  /** How many times the guest's app asked (it should ask once per call). */
  requests = 0;

  constructor() {
    super('TeamsMeetingAudioConferencing');
  }

  getTeamsMeetingAudioConferencingDetails(): Promise<TeamsMeetingAudioConferencingDetails> {
    this.requests++;
    if (!this.details) return Promise.reject(new ScriptedCallingError('this meeting has no audio conferencing', 404, 47001));
    return Promise.resolve(this.details);
  }

  /** The meeting's audio conferencing bridge (null: none). */
  scriptDetails(conferenceId: string | null, numbers: readonly ScriptedDialInNumber[] = []): void {
    this.details =
      conferenceId === null
        ? null
        : {
            phoneConferenceId: conferenceId,
            phoneNumbers: numbers.map((n) => ({
              ...(n.tollFree ? { tollFreePhoneNumber: { phoneNumber: n.number } } : { tollPhoneNumber: { phoneNumber: n.number } }),
              countryName: n.country,
              cityName: n.city,
            })),
          };
  }
}
