// Process: renderer. A reaction on a tile while it is shown: its glyph, floating up once (still
// under reduced motion), with its name for screen readers. It goes when the model drops it (the
// `reactions/expired` event); this view keeps no timer. Tiles key it by arrival, so a new
// reaction from the same person plays again.
import type { ShownReaction } from '../../calling/features/reactions-model';
import { useT } from '../../i18n';
import { ReactionGlyph } from './ReactionGlyph';

export function ReactionBadge({ reaction }: { reaction: ShownReaction }) {
  const t = useT();
  return (
    <span class="reaction-badge" data-reaction={reaction.type}>
      <ReactionGlyph type={reaction.type} size={40} />
      <span class="meeting-sr">{t(`reactions.type.${reaction.type}`)}</span>
    </span>
  );
}
