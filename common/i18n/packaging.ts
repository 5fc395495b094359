// Strings of the installed app's upkeep: the restart offered after a call when an update is ready.
import { defineMessages } from './define';

export const packaging = defineMessages({
  en: {
    'update.ready.title': 'Update ready',
    'update.ready.message': 'A new version of {app} has been downloaded. Restart now to install it, or it will be installed the next time you quit {app}.',
    'update.ready.restart': 'Restart now',
    'update.ready.later': 'Later',
  },
  ko: {
    'update.ready.title': '업데이트 준비됨',
    'update.ready.message': '{app}의 새 버전을 다운로드했습니다. 지금 다시 시작하여 설치하거나, 다음에 {app}을(를) 종료할 때 설치됩니다.',
    'update.ready.restart': '지금 다시 시작',
    'update.ready.later': '나중에',
  },
});
