// Process: main. The payload schema of every invoke channel. Main trusts nothing the renderer
// sends: a payload that fails its schema never reaches a handler.
import { z } from 'zod';
import { INVITATION_ID_PATTERN } from '../../common/invitation';
import type { InvokeName } from '../../common/ipc-contract';
import { displayNameProblem } from '../../common/display-name';
import { settingsSchema } from '../settings/settings-schema';

// A name the token service would refuse never leaves main: the join screen checks the same rule.
const displayName = z.string().max(1024).refine((name) => displayNameProblem(name) === null);
const mediaKind = z.enum(['camera', 'microphone', 'screen']);
const requestId = z.string().min(1).max(64);
const invitationId = z.string().regex(INVITATION_ID_PATTERN);

export const settingsPatchSchema = settingsSchema.partial().strict();

export const requestSchemas = {
  rendererReady: z.undefined(),
  // A whole pasted email fits; anything bigger is not an invitation.
  parseInvite: z.string().max(1_000_000),
  getInvitation: z.object({ id: invitationId }).strict(),
  requestInvitationCode: z.object({ id: invitationId }).strict(),
  // Codes are short digits; spaces a guest typed are allowed and trimmed by main.
  verifyInvitationCode: z.object({ id: invitationId, code: z.string().min(1).max(32) }).strict(),
  getToken: z.object({ displayName }).strict(),
  prefetchToken: z.object({ displayName }).strict(),
  updateSettings: settingsPatchSchema,
  mediaAccess: mediaKind,
  openMediaSettings: mediaKind,
  setCallPresence: z
    .object({ inMeeting: z.boolean(), meeting: z.string().max(4096).optional(), callId: z.string().max(128).optional() })
    .strict(),
  refreshCaptureSources: z.object({ requestId }).strict(),
  chooseCaptureSource: z
    .object({ requestId, sourceId: z.string().max(256).nullable(), shareAudio: z.boolean() })
    .strict(),
  log: z.object({ level: z.enum(['info', 'warn', 'error']), message: z.string().max(4096) }).strict(),
  setShareControls: z
    .object({ sharing: z.boolean(), muted: z.boolean(), canUnmute: z.boolean(), speaker: z.string().max(256).nullable() })
    .strict(),
  shareControlsReady: z.undefined(),
  shareControlAction: z.enum(['stopSharing', 'toggleMute', 'showMeeting']),
  setMiniWindow: z
    .object({
      inMeeting: z.boolean(),
      sharing: z.boolean(),
      muted: z.boolean(),
      canUnmute: z.boolean(),
      videoOn: z.boolean(),
      canTurnVideoOn: z.boolean(),
      speaker: z.object({ name: z.string().max(256), initials: z.string().max(8), speaking: z.boolean() }).strict().nullable(),
    })
    .strict(),
  miniWindowReady: z.undefined(),
  miniWindowAction: z.enum(['toggleMute', 'toggleCamera', 'leave', 'showMeeting']),
  chooseBackgroundImage: z.undefined(),
  savedBackgroundImage: z.undefined(),
} satisfies { [K in InvokeName]: z.ZodType };
