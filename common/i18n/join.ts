// Strings of the join screen.
import { defineMessages } from './define';

export const join = defineMessages({
  en: {
    'join.name': 'Your name',
    'join.meeting': 'Meeting link or invitation',
    'join.join': 'Join now',
  },
  ko: {
    'join.name': '이름',
    'join.meeting': '모임 링크 또는 초대장',
    'join.join': '지금 참가',
  },
});
