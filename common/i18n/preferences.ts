// Strings of the preferences menu: language and theme.
import { defineMessages } from './define';

export const preferences = defineMessages({
  en: {
    'preferences.open': 'Preferences',
    'preferences.title': 'Preferences',
    'preferences.language': 'Language',
    'preferences.language.system': 'Same as the system',
    'preferences.theme': 'Appearance',
    'preferences.theme.system': 'Same as the system',
    'preferences.theme.light': 'Light',
    'preferences.theme.dark': 'Dark',
    'preferences.close': 'Close',
    'preferences.settingsRecovered': 'Your saved settings could not be read, so Doorway started with the defaults. A copy of the old file was kept.',
    'preferences.settingsInMemory': 'Doorway cannot save settings on this computer (its profile folder cannot be written), so your choices last until you close it.',
  },
  ko: {
    'preferences.open': '환경설정',
    'preferences.title': '환경설정',
    'preferences.language': '언어',
    'preferences.language.system': '시스템과 동일',
    'preferences.theme': '화면 모드',
    'preferences.theme.system': '시스템과 동일',
    'preferences.theme.light': '밝게',
    'preferences.theme.dark': '어둡게',
    'preferences.close': '닫기',
    'preferences.settingsRecovered': '저장된 설정을 읽을 수 없어 기본 설정으로 시작했습니다. 이전 파일의 사본은 보관되어 있습니다.',
    'preferences.settingsInMemory': 'Doorway가 이 컴퓨터에 설정을 저장할 수 없어(프로필 폴더에 쓸 수 없음) 선택한 설정은 앱을 닫을 때까지만 유지됩니다.',
  },
});
