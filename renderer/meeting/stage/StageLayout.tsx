// Process: renderer. The meeting's main area: the stage (spotlighted or pinned people, someone's
// shared screen, the together-mode scene, or the speaker) and the gallery of everyone else, as a
// strip under the stage, the whole area when there is no stage, or hidden in "content only". What
// takes the stage is layout.ts's stagePlan (pure, tested in Node); this only draws it.
import './stage.css';
import { useMemo, useRef } from 'preact/hooks';
import { galleryTop, type CallSession, type CallState } from '../../calling/call-model';
import { remoteVideoLimit } from '../../calling/features/media-stats-model';
import { useT } from '../../i18n';
import { ShareStage } from '../../share/ShareStage';
import { presenterOf } from '../../share/share-model';
import { Gallery, SelfTile, Tile } from '../Gallery';
import { SELF, fillLayout, stagePlan, type MeetingLayout, type Stage } from '../layout';
import { useElementSize } from '../use-element-size';
import { TogetherStage } from './TogetherStage';

export interface StageLayoutProps {
  session: CallSession;
  state: CallState;
  displayName: string;
  layout: MeetingLayout;
  pinned: readonly string[];
  onPin: (id: string) => void;
  onShowPeople: () => void;
}

export function StageLayout({ session, state, displayName, layout, pinned, onPin, onShowPeople }: StageLayoutProps) {
  const presenterId = useRef<string | null>(null);
  presenterId.current = presenterOf(state, presenterId.current);
  const presenter = presenterId.current;
  const { participants, spotlight, dominantSpeakers, togetherMode } = state;
  const leader = layout === 'gallery' ? null : (galleryTop(participants, 1).top[0]?.id ?? null);
  // One plan per change of what it reads (not per tick of the roster), so the gallery's memos hold.
  const plan = useMemo(
    () =>
      stagePlan({
        layout,
        spotlighted: spotlight.ids,
        selfSpotlighted: spotlight.self,
        presenter,
        togetherMode: togetherMode.active,
        pinned,
        dominant: dominantSpeakers,
        firstInGallery: leader,
        present: (id) => participants.has(id),
      }),
    [layout, spotlight, presenter, togetherMode.active, pinned, dominantSpeakers, leader, participants],
  );
  const stage = plan.stage;
  const onStageKey = stage.kind === 'people' ? stage.ids.join('\n') : '';
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the same ids keep the same array
  const onStage = useMemo(() => (stage.kind === 'people' ? stage.ids : []), [onStageKey]);
  // The stage's cameras come first, within what the guest and the network allow.
  const videoLimit = remoteVideoLimit(state.mediaStats, state.optimalVideoCount);
  const stageVideo = useMemo(() => new Set(onStage.filter((id) => participants.get(id)?.videoAvailable).slice(0, videoLimit)), [onStage, participants, videoLimit]);

  return (
    <div class="stage-layout" data-stage={stage.kind} data-gallery={plan.gallery} data-layout={layout} data-testid="stage-layout">
      {stage.kind !== 'none' && <StageArea session={session} state={state} stage={stage} video={stageVideo} displayName={displayName} pinned={pinned} onPin={onPin} />}
      {plan.gallery !== 'hidden' && (
        <Gallery
          session={session}
          state={state}
          displayName={displayName}
          onShowPeople={onShowPeople}
          mode={plan.gallery === 'strip' ? 'strip' : 'grid'}
          onStage={onStage}
          pinned={pinned}
          onPin={onPin}
          stageVideos={stageVideo.size}
        />
      )}
    </div>
  );
}

interface StageAreaProps {
  session: CallSession;
  state: CallState;
  stage: Exclude<Stage, { kind: 'none' }>;
  /** Who on the stage gets their camera rendered. */
  video: ReadonlySet<string>;
  displayName: string;
  pinned: readonly string[];
  onPin: (id: string) => void;
}

function StageArea({ session, state, stage, video, displayName, pinned, onPin }: StageAreaProps) {
  if (stage.kind === 'share') {
    const participant = state.participants.get(stage.id);
    return participant ? <ShareStage key={stage.id} session={session} participant={participant} /> : null;
  }
  if (stage.kind === 'together') return <TogetherStage session={session} />;
  return <PeopleStage session={session} state={state} ids={stage.ids} reason={stage.reason} video={video} displayName={displayName} pinned={pinned} onPin={onPin} />;
}

interface PeopleStageProps {
  session: CallSession;
  state: CallState;
  ids: readonly string[];
  reason: 'spotlight' | 'pin' | 'speaker';
  video: ReadonlySet<string>;
  displayName: string;
  pinned: readonly string[];
  onPin: (id: string) => void;
}

/** The people on the stage, as large as the area allows; their cameras come first. */
function PeopleStage({ session, state, ids, reason, video, displayName, pinned, onPin }: PeopleStageProps) {
  const t = useT();
  const { ref: area, size } = useElementSize<HTMLDivElement>();
  const layout = fillLayout(ids.length, size.width, size.height);
  const dominant = state.dominantSpeakers[0];
  return (
    <section class="people-stage" data-reason={reason} aria-label={t(`stage.region.${reason}`)} data-testid="people-stage">
      <div class="people-stage__area" ref={area}>
        {size.width > 0 && (
          <ul class="gallery__grid" style={{ gridTemplateColumns: `repeat(${layout.cols}, ${layout.tileWidth}px)`, gridAutoRows: `${layout.tileHeight}px` }}>
            {ids.map((id) => {
              if (id === SELF) {
                return (
                  <SelfTile
                    key={SELF}
                    session={session}
                    name={displayName}
                    muted={state.local.muted}
                    videoOn={state.local.videoOn}
                    handRaised={state.local.handRaised}
                    pinned={pinned.includes(SELF)}
                    spotlighted={state.spotlight.self}
                    onPin={onPin}
                  />
                );
              }
              const participant = state.participants.get(id);
              if (!participant) return null;
              return (
                <Tile
                  key={id}
                  participant={participant}
                  video={video.has(id)}
                  dominant={id === dominant}
                  session={session}
                  pinned={pinned.includes(id)}
                  spotlighted={state.spotlight.ids.includes(id)}
                  onPin={onPin}
                />
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
