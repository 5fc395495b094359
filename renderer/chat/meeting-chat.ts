// Process: renderer. What the meeting views know of chat: the access the call hands over, the
// handle the panel uses, and `loadMeetingChat()`, which pulls the chat SDK's chunk in only once
// the guest is admitted (never on the join screen's path). No SDK import here.
import type { Observable } from '../calling/model';
import type { ChatState } from './chat-model';

/** What the call knows that chat needs: the meeting's thread, the ACS endpoint and the guest's identity. */
export interface ChatAccess {
  /** call.info.threadId */
  threadId: string;
  /** The ACS resource endpoint the token service named (https). */
  endpoint: string;
  /** The guest's raw id ("8:acs:…"), to tell their own messages apart. */
  userId: string;
  displayName: string;
  /** When the guest joined (ms): the history starts here. */
  joinedAt: number;
  /** The call's current token (the call's credential renews it). */
  token(): Promise<{ token: string; expiresOnTimestamp: number }>;
}

export type ChatLog = (level: 'info' | 'warn' | 'error', message: string) => void;

export interface MeetingChat {
  readonly state: Observable<ChatState>;
  /** Sends a message; false when there is nothing to send or chat is not ready. */
  send(text: string): boolean;
  /** Sends a failed message again. */
  retry(localId: string): void;
  /** The panel opened or closed (unread count, read receipts). */
  setPanelOpen(open: boolean): void;
  dispose(): void;
}

export async function loadMeetingChat(access: ChatAccess, log: ChatLog): Promise<MeetingChat> {
  const { openMeetingChat } = await import('./chat-session');
  return openMeetingChat(access, log);
}
