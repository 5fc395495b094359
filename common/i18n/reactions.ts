// Strings of meeting reactions: the control bar's reactions button and menu, and what a tile
// says (for screen readers) while someone's reaction is shown (reactions.type.<ReactionType>).
import { defineMessages } from './define';

export const reactions = defineMessages({
  en: {
    'reactions.button': 'React',
    'reactions.menu': 'Send a reaction',
    'reactions.type.like': 'Like',
    'reactions.type.heart': 'Love',
    'reactions.type.applause': 'Applause',
    'reactions.type.laugh': 'Laugh',
    'reactions.type.surprised': 'Surprised',
    'reactions.shown': '{name} reacted: {reaction}',
  },
  ko: {
    'reactions.button': '반응',
    'reactions.menu': '반응 보내기',
    'reactions.type.like': '좋아요',
    'reactions.type.heart': '마음에 들어요',
    'reactions.type.applause': '박수',
    'reactions.type.laugh': '웃음',
    'reactions.type.surprised': '놀람',
    'reactions.shown': '{name} 님의 반응: {reaction}',
  },
});
