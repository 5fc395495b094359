// Process: renderer. How each reaction looks: a small inline SVG in Teams' colours. Not emoji
// text, which depends on a colour emoji font the system may lack. Decorative: the words
// (reactions.type.<type>) sit next to it.
import type { JSX } from 'preact';
import type { ReactionType } from '../../calling/features/reactions-model';

const SKIN = { fill: '#ffc83d', stroke: '#8a5a00' };
const LINE = { fill: 'none', stroke: '#5c3c00', 'stroke-width': 1.6, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' } as const;

function face(features: JSX.Element): JSX.Element {
  return (
    <>
      <circle cx="12" cy="12" r="9.5" fill={SKIN.fill} stroke={SKIN.stroke} stroke-width="1.2" />
      {features}
    </>
  );
}

const GLYPHS: Record<ReactionType, JSX.Element> = {
  like: <path d="M7.5 10.5v10h-4v-10zM7.5 10.5l3.8-6.6a1.9 1.9 0 0 1 3.4 1.5l-.9 4.1h5.4a2 2 0 0 1 2 2.4l-1.5 6.9a2 2 0 0 1-2 1.7H7.5" fill={SKIN.fill} stroke={SKIN.stroke} stroke-width="1.2" stroke-linejoin="round" />,
  heart: <path d="M12 20.5s-8.5-5.3-8.5-11.2A4.7 4.7 0 0 1 12 6.6a4.7 4.7 0 0 1 8.5 2.7c0 5.9-8.5 11.2-8.5 11.2z" fill="#e8384f" stroke="#a4262c" stroke-width="1.2" stroke-linejoin="round" />,
  applause: (
    <>
      <path d="M9 13.5V7a1.5 1.5 0 0 1 3 0v4.5V5.8a1.5 1.5 0 0 1 3 0v5.7-3.7a1.5 1.5 0 0 1 3 0V15a6.5 6.5 0 0 1-6.5 6.5H11a5.8 5.8 0 0 1-4.4-2L4.2 16.7a1.5 1.5 0 0 1 2.3-1.9L9 17" fill={SKIN.fill} stroke={SKIN.stroke} stroke-width="1.2" stroke-linejoin="round" />
      <path d="M3.5 8l2 1.2M5 4.5l1.3 2M20.5 4.5l-1.4 1.8" {...LINE} stroke="#8a5a00" />
    </>
  ),
  laugh: face(
    <>
      <path d="M7.5 9.5l2 1-2 1M16.5 9.5l-2 1 2 1" {...LINE} />
      <path d="M7 14h10a5 5 0 0 1-10 0z" fill="#5c3c00" stroke="#5c3c00" stroke-width="1.2" stroke-linejoin="round" />
    </>,
  ),
  surprised: face(
    <>
      <circle cx="9" cy="10" r="1.3" fill="#5c3c00" />
      <circle cx="15" cy="10" r="1.3" fill="#5c3c00" />
      <ellipse cx="12" cy="15.5" rx="2.2" ry="2.8" fill="#5c3c00" />
    </>,
  ),
};

export function ReactionGlyph({ type, size = 24 }: { type: ReactionType; size?: number }): JSX.Element {
  return (
    <svg class="reaction-glyph" viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false">
      {GLYPHS[type]}
    </svg>
  );
}
