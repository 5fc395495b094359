// Strings of the practice meeting: the join screen's button and the label that stays on screen
// for the whole practice meeting, so nobody mistakes it for a real one.
import { defineMessages } from './define';

export const practice = defineMessages({
  en: {
    'practice.join.button': 'Try a practice meeting',
    'practice.join.hint': 'Rehearse with simulated people: nothing joins a real meeting, and no sign-in or link is needed.',
    'practice.host': 'a practice meeting',
    'practice.banner.label': 'Practice meeting',
    'practice.banner.text': 'Practice meeting. The people here are simulated; nothing you say or show leaves this computer.',
    'practice.defaultName': 'Guest',
  },
  ko: {
    'practice.join.button': '연습 모임 해 보기',
    'practice.join.hint': '가상의 참가자들과 미리 연습해 보세요. 실제 모임에는 참가하지 않으며 로그인이나 링크도 필요 없습니다.',
    'practice.host': '연습 모임',
    'practice.banner.label': '연습 모임',
    'practice.banner.text': '연습 모임입니다. 여기 있는 사람들은 가상의 참가자이며, 말하거나 보여 주는 내용은 이 컴퓨터 밖으로 나가지 않습니다.',
    'practice.defaultName': '게스트',
  },
});
