// Strings of live captions: the control, the captions panel and its language settings, and the
// short notices (captions.notice.<CaptionsNotice>).
import { defineMessages } from './define';

export const captions = defineMessages({
  en: {
    'captions.button.on': 'Captions',
    'captions.button.off': 'Hide captions',
    'captions.button.starting': 'Starting captions…',
    'captions.region': 'Live captions',
    'captions.waiting': 'Captions are on. They appear here when someone speaks.',
    'captions.starting': 'Starting captions…',
    'captions.spokenLanguage': 'Spoken language',
    'captions.captionLanguage': 'Caption language',
    'captions.sameAsSpoken': 'Same as spoken',
    'captions.unknownSpeaker': 'Someone',
    'captions.notice.startFailed': 'Captions couldn’t start. Try again in a moment.',
    'captions.notice.stopFailed': 'Captions couldn’t be turned off. Try again.',
    'captions.notice.languageFailed': 'That language couldn’t be set. The captions keep their current language.',
    'captions.notice.stopped': 'Captions stopped. Turn them on again when you need them.',
    'captions.notice.translationUnavailable': 'This meeting doesn’t translate captions, so they stay in the spoken language.',
    'captions.dismiss': 'Dismiss',
  },
  ko: {
    'captions.button.on': '자막',
    'captions.button.off': '자막 숨기기',
    'captions.button.starting': '자막 시작 중…',
    'captions.region': '실시간 자막',
    'captions.waiting': '자막이 켜졌습니다. 누군가 말하면 여기에 표시됩니다.',
    'captions.starting': '자막을 시작하는 중…',
    'captions.spokenLanguage': '음성 언어',
    'captions.captionLanguage': '자막 언어',
    'captions.sameAsSpoken': '음성 언어와 같음',
    'captions.unknownSpeaker': '참가자',
    'captions.notice.startFailed': '자막을 시작하지 못했습니다. 잠시 후 다시 시도해 주세요.',
    'captions.notice.stopFailed': '자막을 끄지 못했습니다. 다시 시도해 주세요.',
    'captions.notice.languageFailed': '그 언어로 설정하지 못했습니다. 자막은 지금 언어로 계속 표시됩니다.',
    'captions.notice.stopped': '자막이 중지되었습니다. 필요하면 다시 켜세요.',
    'captions.notice.translationUnavailable': '이 모임에서는 자막을 번역하지 않으므로 음성 언어로 표시됩니다.',
    'captions.dismiss': '닫기',
  },
});
