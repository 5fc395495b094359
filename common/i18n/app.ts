// Strings of the app shell: window, menus, first screen.
import { defineMessages } from './define';

export const app = defineMessages({
  en: {
    'app.name': 'Doorway',
    'app.tagline': 'Join a Microsoft Teams meeting as a guest',
  },
  ko: {
    'app.name': 'Doorway',
    'app.tagline': '게스트로 Microsoft Teams 모임에 참가',
  },
});
