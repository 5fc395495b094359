// A participant as the call model receives it, with sensible defaults for model tests.
import type { ParticipantInit } from '../../renderer/calling/call-model';

export const person = (id: string, extra: Partial<ParticipantInit> = {}): ParticipantInit => ({
  id,
  name: `Person ${id}`,
  status: 'connected',
  muted: false,
  speaking: false,
  videoAvailable: false,
  screenShareAvailable: false,
  ...extra,
});
