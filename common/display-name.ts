// Process: common (pure). The display-name rule of the token service (server/README.md), kept in
// one place: trimmed, 1 to 256 UTF-16 units (Teams refuses longer names, 400/40215), and no
// control characters. Main refuses any other name at the IPC boundary, and the join screen names
// the problem before anything is asked of the service.
export const MAX_DISPLAY_NAME = 256;

export type DisplayNameProblem = 'empty' | 'tooLong' | 'controlCharacters';

const CONTROL_CHARACTERS = /\p{Cc}/u;

export function displayNameProblem(name: string): DisplayNameProblem | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'empty';
  if (trimmed.length > MAX_DISPLAY_NAME) return 'tooLong';
  if (CONTROL_CHARACTERS.test(trimmed)) return 'controlCharacters';
  return null;
}
