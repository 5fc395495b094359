// Strings for the meeting-link problems the join screen shows (common/meeting's InviteProblem,
// one key each; the key type makes a new problem code fail to compile until it has a message).
import type { InviteProblem } from '../meeting';
import { defineMessages } from './define';

export const links = defineMessages<`link.problem.${InviteProblem}`>({
  en: {
    'link.problem.empty': 'Paste the meeting link, or the whole invitation email.',
    'link.problem.notTeamsLink':
      'This is not a Microsoft Teams meeting that Doorway can join. Paste the “Join the meeting” link from your invitation. Chats, channels, live events and town halls cannot be joined here.',
    'link.problem.personalTeams':
      'This meeting was set up with Teams for personal use (teams.live.com), which Doorway cannot join. Open the link in your browser instead, or ask the organizer for a work or school Teams meeting.',
    'link.problem.opaqueWrapper':
      'Your email’s security service has rewritten this link so that it cannot be read. Open the link in your browser once, then copy the address of the page it lands on and paste it here.',
    'link.problem.lookalikeHost':
      'This link only looks like a Teams link: it leads to a different website. Doorway will not open it. Check with the meeting organizer.',
    'link.problem.malformedLink':
      'This meeting link or meeting ID is incomplete. Copy the whole link (or the meeting ID) from the invitation again and paste it here.',
    'link.problem.missingPasscode': 'Add the meeting passcode from the invitation as well as the meeting ID.',
    'link.problem.appointmentPage':
      'This link opens a Microsoft Bookings or virtual appointment page, not the Teams meeting itself, and Doorway cannot read the meeting from it. Paste the whole confirmation email instead (it has a “Join” link for Teams), or open this link in your browser.',
    'link.problem.foreignInvitation':
      'This invitation comes from a different organization’s Doorway service, which this app does not open. Ask the organizer for the Teams meeting link, or use the Doorway app of that organization.',
    'link.problem.invitationsOff':
      'This is a Doorway invitation, but this app is not set up to read invitations. Ask the organizer for the Teams meeting link.',
  },
  ko: {
    'link.problem.empty': '모임 링크나 초대 메일 전체를 붙여 넣어 주세요.',
    'link.problem.notTeamsLink':
      'Doorway로 참가할 수 있는 Microsoft Teams 모임이 아닙니다. 초대 메일에 있는 “모임 참가” 링크를 붙여 넣어 주세요. 채팅, 채널, 라이브 이벤트, 타운홀에는 여기서 참가할 수 없습니다.',
    'link.problem.personalTeams':
      '개인용 Teams(teams.live.com)로 만든 모임이라 Doorway로는 참가할 수 없습니다. 브라우저에서 링크를 열거나, 주최자에게 회사 또는 학교 계정의 Teams 모임을 요청해 주세요.',
    'link.problem.opaqueWrapper':
      '이메일 보안 서비스가 링크를 읽을 수 없는 형태로 바꿨습니다. 브라우저에서 링크를 한 번 연 다음, 열린 페이지의 주소를 복사해 여기에 붙여 넣어 주세요.',
    'link.problem.lookalikeHost':
      'Teams 링크처럼 보이지만 다른 웹사이트로 연결되는 링크라서 Doorway가 열지 않습니다. 모임 주최자에게 확인해 주세요.',
    'link.problem.malformedLink':
      '모임 링크나 모임 ID가 완전하지 않습니다. 초대 메일에서 링크 전체(또는 모임 ID)를 다시 복사해 붙여 넣어 주세요.',
    'link.problem.missingPasscode': '모임 ID와 함께 초대 메일에 있는 모임 암호도 입력해 주세요.',
    'link.problem.appointmentPage':
      'Microsoft Bookings 또는 가상 약속 페이지로 연결되는 링크라서, Doorway가 여기서 Teams 모임을 찾을 수 없습니다. 예약 확인 메일 전체를 붙여 넣거나(Teams “참가” 링크가 들어 있습니다) 브라우저에서 이 링크를 열어 주세요.',
    'link.problem.foreignInvitation':
      '다른 조직의 Doorway 서비스에서 보낸 초대라서 이 앱으로는 열 수 없습니다. 주최자에게 Teams 모임 링크를 요청하거나, 해당 조직의 Doorway 앱을 사용해 주세요.',
    'link.problem.invitationsOff':
      'Doorway 초대이지만, 이 앱은 초대를 읽도록 설정되어 있지 않습니다. 주최자에게 Teams 모임 링크를 요청해 주세요.',
  },
});
