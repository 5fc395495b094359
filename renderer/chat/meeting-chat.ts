// Process: renderer. What the meeting views know of chat: the access the call hands over, the
// handle the panel uses, and `loadMeetingChat()`, which pulls the chat SDK's chunk in only once
// the guest is admitted (never on the join screen's path). No SDK import here.
import type { Observable } from '../calling/model';
import type { ChatState } from './chat-model';
import type { PracticeChatScript } from './practice-chat';

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

/** Teams' HTML made safe (sanitize.ts), loaded with the chat SDK rather than on the join screen's path. */
export interface ChatHtml {
  /** A sanitized fragment to append; images become `imageText`. */
  fragment(html: string, imageText: string): DocumentFragment;
  /** The words only. */
  text(html: string, imageText: string): string;
}

export interface LoadedChat {
  chat: MeetingChat;
  html: ChatHtml;
  /** The practice meeting's chat: simulated people, nothing leaves the computer (the panel says so). */
  practice?: boolean;
}

const loadHtml = async (): Promise<ChatHtml> => {
  const { sanitizeTeamsHtml, teamsHtmlText } = await import('./sanitize');
  return { fragment: sanitizeTeamsHtml, text: teamsHtmlText };
};

export async function loadMeetingChat(access: ChatAccess, log: ChatLog): Promise<LoadedChat> {
  const [{ openMeetingChat }, html] = await Promise.all([import('./chat-session'), loadHtml()]);
  return { chat: openMeetingChat(access, log), html };
}

/** The practice meeting's chat (practice-chat.ts), shown by the same panel; no chat SDK. */
export async function loadPracticeChat(script: PracticeChatScript): Promise<LoadedChat> {
  const [{ openPracticeChat }, html] = await Promise.all([import('./practice-chat'), loadHtml()]);
  return { chat: openPracticeChat(script), html, practice: true };
}
