// Features.TeamsMeetingAudioConferencing through its module, against the scripted feature: the
// dial-in details asked once, a meeting without audio conferencing, and nothing after detach.
import { describe, expect, it } from 'vitest';
import { attachAudioConferencing } from '../../../renderer/calling/features/audio-conferencing';
import { ScriptedAudioConferencing } from '../../../renderer/calling/practice/features/audio-conferencing';
import { recordingContext } from './context';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('audio-conferencing feature', () => {
  it('pushes the numbers (toll and toll-free) and the conference ID', async () => {
    const feature = new ScriptedAudioConferencing();
    feature.scriptDetails('123456789', [
      { number: '+14255550123', country: 'United States', city: 'Redmond' },
      { number: '+18005550199', tollFree: true, country: 'United States' },
    ]);
    const ctx = recordingContext();
    attachAudioConferencing(feature, ctx);
    await settle();
    expect(feature.requests).toBe(1);
    expect(ctx.take()).toEqual([
      {
        type: 'dialIn/details',
        conferenceId: '123456789',
        numbers: [
          { number: '+14255550123', tollFree: false, country: 'United States', city: 'Redmond' },
          { number: '+18005550199', tollFree: true, country: 'United States', city: '' },
        ],
      },
    ]);
  });

  it('says none (and logs, not a notice) when the meeting has no audio conferencing', async () => {
    const ctx = recordingContext();
    attachAudioConferencing(new ScriptedAudioConferencing(), ctx);
    await settle();
    expect(ctx.take()).toEqual([{ type: 'dialIn/none' }]);
    expect(ctx.logs.join('\n')).toMatch(/no dial-in details/);
  });

  it('pushes nothing once detached', async () => {
    const feature = new ScriptedAudioConferencing();
    feature.scriptDetails('1', [{ number: '+1' }]);
    const ctx = recordingContext();
    attachAudioConferencing(feature, ctx).detach();
    await settle();
    expect(ctx.take()).toEqual([]);
  });
});
