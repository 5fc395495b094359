// Strings of Doorway invitations on the join screen: the meeting card, the one-time code step, and
// a message for every InvitationFailure (the key type makes a new code fail to compile until it
// has one).
import type { InvitationFailure } from '../ipc-contract';
import { defineMessages } from './define';

type Keys =
  | `invitation.error.${InvitationFailure}`
  | 'invitation.loading'
  | 'invitation.retry'
  | 'invitation.when.today'
  | 'invitation.when.tomorrow'
  | 'invitation.when.yesterday'
  | 'invitation.when.date'
  | 'invitation.until'
  | 'invitation.organizer'
  | 'invitation.status.startsSoon'
  | 'invitation.status.started'
  | 'invitation.status.ended'
  | 'invitation.fallback'
  | 'invitation.code.title'
  | 'invitation.code.explain'
  | 'invitation.code.send'
  | 'invitation.code.sending'
  | 'invitation.code.sent'
  | 'invitation.code.label'
  | 'invitation.code.verify'
  | 'invitation.code.verifying'
  | 'invitation.code.resend'
  | 'invitation.code.attemptsLeft.one'
  | 'invitation.code.attemptsLeft.other'
  | 'invitation.code.verified';

export const invitation = defineMessages<Keys>({
  en: {
    'invitation.error.unknownInvitation':
      'This invitation was not found. Check that you copied the whole link, or ask the organizer for a new invitation.',
    'invitation.error.expired': 'This invitation has expired: its meeting is over.',
    'invitation.error.revoked': 'The organizer has withdrawn this invitation. Ask them for a new one if you still need to join.',
    'invitation.error.wrongCode': 'That code is not right. Check the email and try again.',
    'invitation.error.codeExpired': 'That code has expired. Send a new code and try again.',
    'invitation.error.locked':
      'Too many wrong codes were entered, so this invitation is locked. Ask the organizer for a new invitation.',
    'invitation.error.rateLimited': 'Too many tries in a short time. Wait a minute, then try again.',
    'invitation.error.serviceError': 'The organization’s Doorway service had a problem. Try again in a moment.',
    'invitation.error.notConfigured': 'This app is not set up to read invitations. Ask the organizer for the Teams meeting link.',
    'invitation.error.offline': 'You seem to be offline, so the meeting details could not be loaded. Check your connection and try again.',
    'invitation.error.unreachable':
      'The organization’s Doorway service cannot be reached, so the meeting details could not be loaded. Try again later, or ask the organizer for the Teams meeting link.',
    'invitation.error.timeout': 'The organization’s Doorway service took too long to answer. Try again.',
    'invitation.error.badResponse':
      'The organization’s Doorway service gave an answer Doorway could not read. Try again later, or ask the organizer for the Teams meeting link.',
    'invitation.error.notJoinable': 'This invitation’s meeting is not one Doorway can join. Ask the organizer for a Teams meeting link.',
    'invitation.loading': 'Getting the meeting details…',
    'invitation.retry': 'Try again',
    'invitation.when.today': 'Today at {time}',
    'invitation.when.tomorrow': 'Tomorrow at {time}',
    'invitation.when.yesterday': 'Yesterday at {time}',
    'invitation.when.date': '{date} at {time}',
    'invitation.until': 'until {time}',
    'invitation.organizer': 'Organized by {name}',
    'invitation.status.startsSoon': 'Starts soon',
    'invitation.status.started': 'Has started',
    'invitation.status.ended': 'Has ended',
    'invitation.fallback':
      'The meeting details could not be loaded, but your link also carries the Teams meeting, so you can still join.',
    'invitation.code.title': 'Confirm it’s you',
    'invitation.code.explain': 'This invitation is for {email}. Doorway will email a one-time code to that address.',
    'invitation.code.send': 'Email me a code',
    'invitation.code.sending': 'Sending…',
    'invitation.code.sent': 'A code is on its way to {email}. It works for {minutes} minutes.',
    'invitation.code.label': 'Code from the email',
    'invitation.code.verify': 'Confirm',
    'invitation.code.verifying': 'Checking…',
    'invitation.code.resend': 'Send a new code',
    'invitation.code.attemptsLeft.one': 'That code is not right. You have 1 more try.',
    'invitation.code.attemptsLeft.other': 'That code is not right. You have {count} more tries.',
    'invitation.code.verified': 'Confirmed. You can join the meeting now.',
  },
  ko: {
    'invitation.error.unknownInvitation': '초대를 찾을 수 없습니다. 링크 전체를 복사했는지 확인하거나, 주최자에게 새 초대를 요청해 주세요.',
    'invitation.error.expired': '모임이 끝나서 초대가 만료되었습니다.',
    'invitation.error.revoked': '주최자가 이 초대를 취소했습니다. 아직 참가해야 한다면 주최자에게 새 초대를 요청해 주세요.',
    'invitation.error.wrongCode': '코드가 맞지 않습니다. 메일을 확인하고 다시 입력해 주세요.',
    'invitation.error.codeExpired': '코드의 유효 시간이 지났습니다. 새 코드를 받아 다시 시도해 주세요.',
    'invitation.error.locked': '잘못된 코드를 너무 많이 입력해서 이 초대가 잠겼습니다. 주최자에게 새 초대를 요청해 주세요.',
    'invitation.error.rateLimited': '짧은 시간에 너무 많이 시도했습니다. 1분 정도 기다린 뒤 다시 시도해 주세요.',
    'invitation.error.serviceError': '조직의 Doorway 서비스에 문제가 생겼습니다. 잠시 후 다시 시도해 주세요.',
    'invitation.error.notConfigured': '이 앱은 초대를 읽도록 설정되어 있지 않습니다. 주최자에게 Teams 모임 링크를 요청해 주세요.',
    'invitation.error.offline': '인터넷에 연결되어 있지 않아 모임 정보를 불러오지 못했습니다. 연결을 확인하고 다시 시도해 주세요.',
    'invitation.error.unreachable':
      '조직의 Doorway 서비스에 연결할 수 없어 모임 정보를 불러오지 못했습니다. 나중에 다시 시도하거나, 주최자에게 Teams 모임 링크를 요청해 주세요.',
    'invitation.error.timeout': '조직의 Doorway 서비스가 너무 오래 응답하지 않습니다. 다시 시도해 주세요.',
    'invitation.error.badResponse':
      '조직의 Doorway 서비스에서 읽을 수 없는 응답이 왔습니다. 나중에 다시 시도하거나, 주최자에게 Teams 모임 링크를 요청해 주세요.',
    'invitation.error.notJoinable': '이 초대의 모임은 Doorway로 참가할 수 없습니다. 주최자에게 Teams 모임 링크를 요청해 주세요.',
    'invitation.loading': '모임 정보를 불러오는 중…',
    'invitation.retry': '다시 시도',
    'invitation.when.today': '오늘 {time}',
    'invitation.when.tomorrow': '내일 {time}',
    'invitation.when.yesterday': '어제 {time}',
    'invitation.when.date': '{date} {time}',
    'invitation.until': '{time}까지',
    'invitation.organizer': '주최자: {name}',
    'invitation.status.startsSoon': '곧 시작',
    'invitation.status.started': '진행 중',
    'invitation.status.ended': '종료됨',
    'invitation.fallback': '모임 정보를 불러오지 못했지만, 링크에 Teams 모임도 들어 있어서 그대로 참가할 수 있습니다.',
    'invitation.code.title': '본인 확인',
    'invitation.code.explain': '{email} 주소로 보낸 초대입니다. Doorway가 이 주소로 일회용 코드를 보냅니다.',
    'invitation.code.send': '코드 받기',
    'invitation.code.sending': '보내는 중…',
    'invitation.code.sent': '{email} 주소로 코드를 보냈습니다. {minutes}분 동안 사용할 수 있습니다.',
    'invitation.code.label': '메일로 받은 코드',
    'invitation.code.verify': '확인',
    'invitation.code.verifying': '확인하는 중…',
    'invitation.code.resend': '새 코드 받기',
    'invitation.code.attemptsLeft.one': '코드가 맞지 않습니다. 1번 더 시도할 수 있습니다.',
    'invitation.code.attemptsLeft.other': '코드가 맞지 않습니다. {count}번 더 시도할 수 있습니다.',
    'invitation.code.verified': '확인되었습니다. 이제 모임에 참가할 수 있습니다.',
  },
});
