// Process: renderer. The gallery: one tile per visible participant (most recent speakers first,
// tiles kept in their slots, the guest's pins leading), the guest's own tile, video on at most the
// optimal number of tiles, initials otherwise; and the overflow strip for everyone beyond the
// visible tiles. Tiles fill the area (layout.ts's fillLayout). Under a stage it is a strip of the
// people not on the stage. Each tile can be pinned and unpinned, and shows the spotlight mark.
import type { ComponentChildren } from 'preact';
import { memo } from './memo';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import {
  galleryTop,
  initialsOf,
  stableSlots,
  videoSelection,
  type CallSession,
  type CallState,
  type Participant,
} from '../calling/call-model';
import { useT } from '../i18n';
import type { ShownReaction } from '../calling/features/reactions-model';
import { useObservablePart } from '../components/use-observable';
import { remoteVideoLimit } from '../calling/features/media-stats-model';
import { MeetingIcon } from './icons';
import { SELF, fillLayout, remoteTileCount } from './layout';
import { useElementSize } from './use-element-size';
import { ReactionBadge } from './reactions/ReactionBadge';

const OverflowItem = memo(function OverflowItem({ participant: p }: { participant: Participant }) {
  const t = useT();
  return (
    <li class={`overflow__item ${p.speaking ? 'is-speaking' : ''}`} data-participant={p.id}>
      <Avatar id={p.id} name={p.name} size="small" />
      <span class="overflow__name" title={p.name || undefined}>
        {p.name || '—'}
      </span>
      {p.handRaised && (
        <span class="tile__hand">
          <MeetingIcon name="hand" />
          <span class="meeting-sr">{t('meeting.tile.hand')}</span>
        </span>
      )}
    </li>
  );
});

const AVATAR_COLORS = ['#5b2ca0', '#0b5cad', '#a4262c', '#0a6b57', '#8a3b00', '#6b2f8e', '#1f5a2e', '#3b4a9e'];

export function avatarColor(id: string): string {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return AVATAR_COLORS[Math.abs(hash) % AVATAR_COLORS.length];
}

export function Avatar({ id, name, size }: { id: string; name: string; size: 'large' | 'small' }) {
  return (
    <span class={`avatar avatar--${size}`} style={{ background: avatarColor(id) }} aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}

/** A tile's view marks: pinned by the guest, spotlighted by the organizer, and the pin toggle. */
export interface TileMarks {
  pinned?: boolean;
  spotlighted?: boolean;
  /** Pins or unpins this tile (absent: no pin button, e.g. in the lobby). */
  onPin?: (id: string) => void;
}

interface TileProps extends TileMarks {
  participant: Participant;
  video: boolean;
  dominant: boolean;
  session: CallSession;
}

/**
 * A tile's reaction while it is shown (`id` null: the guest's own). It follows the reactions slice
 * itself: a reaction re-renders this one badge, not the meeting view or the other tiles.
 */
function TileReaction({ session, id }: { session: CallSession; id: string | null }) {
  const reaction = useObservablePart(session.state, (state): ShownReaction | null => (id === null ? state.reactions.self : (state.reactions.byParticipant.get(id) ?? null)));
  return reaction ? <ReactionBadge key={reaction.at} reaction={reaction} /> : null;
}

export const Tile = memo(function Tile({ participant, video, dominant, session, pinned, spotlighted, onPin }: TileProps) {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  const { id, name, muted, speaking, handRaised } = participant;
  useEffect(() => {
    if (!video || !host.current) return;
    return session.renderParticipantVideo(id, host.current, 'video');
  }, [video, id, session]);
  const shown = name || '—';
  return (
    <li
      class={`tile ${speaking ? 'tile--speaking' : ''} ${dominant ? 'tile--dominant' : ''}`}
      data-participant={id}
      data-video={video ? 'on' : 'off'}
      data-pinned={pinned ? 'true' : undefined}
      data-spotlighted={spotlighted ? 'true' : undefined}
    >
      {video ? <div class="tile__video" ref={host} /> : <Avatar id={id} name={name} size="large" />}
      <TileReaction session={session} id={id} />
      <TileLabel name={shown} handRaised={handRaised} muted={muted} pinned={pinned} spotlighted={spotlighted}>
        {speaking && <span class="meeting-sr">{t('meeting.tile.speaking')}</span>}
        {dominant && <span class="meeting-sr">{t('meeting.tile.dominant')}</span>}
      </TileLabel>
      {onPin && <PinButton id={id} name={shown} pinned={pinned ?? false} onPin={onPin} />}
    </li>
  );
});

/** Pins a tile to the stage, or unpins it: a toggle button named for the person. */
function PinButton({ id, name, pinned, onPin }: { id: string; name: string; pinned: boolean; onPin: (id: string) => void }) {
  const t = useT();
  return (
    <button type="button" class="tile__pin" aria-pressed={pinned ? 'true' : 'false'} aria-label={t('stage.pin.label', { name })} onClick={() => onPin(id)}>
      <MeetingIcon name="pin" />
    </button>
  );
}

interface TileLabelProps {
  name: string;
  handRaised: boolean;
  muted: boolean;
  pinned?: boolean;
  spotlighted?: boolean;
  children?: ComponentChildren;
}

/** A tile's name with its spotlight, pin, raised-hand and muted marks (spoken, not only drawn). */
function TileLabel({ name, handRaised, muted, pinned, spotlighted, children }: TileLabelProps) {
  const t = useT();
  return (
    <div class="tile__label">
      {spotlighted && (
        <span class="tile__spotlight" data-testid="spotlight-mark">
          <MeetingIcon name="spotlight" />
          <span class="tile__mark-text">{t('stage.spotlight.mark')}</span>
        </span>
      )}
      {pinned && (
        <span class="tile__pinned">
          <MeetingIcon name="pin" />
          <span class="meeting-sr">{t('stage.pin.mark')}</span>
        </span>
      )}
      {handRaised && (
        <span class="tile__hand">
          <MeetingIcon name="hand" />
          <span class="meeting-sr">{t('meeting.tile.hand')}</span>
        </span>
      )}
      <span class="tile__name" title={name}>
        {name}
      </span>
      {muted && (
        <span class="tile__muted">
          <MeetingIcon name="micOff" />
          <span class="meeting-sr">{t('meeting.tile.muted')}</span>
        </span>
      )}
      {children}
    </div>
  );
}

interface SelfTileProps extends TileMarks {
  session: CallSession;
  name: string;
  muted: boolean;
  videoOn: boolean;
  handRaised: boolean;
  class?: string;
}

export function SelfTile({ session, name, muted, videoOn, handRaised, class: extra, pinned, spotlighted, onPin }: SelfTileProps) {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  // A layout effect: the join screen's camera <video> moves in here in the same task the previous
  // screen let go of it, so it never leaves the page and never misses a frame.
  useLayoutEffect(() => {
    if (!videoOn || !host.current) return;
    return session.renderLocalVideo(host.current);
  }, [videoOn, session]);
  const label = name ? t('meeting.youNamed', { name }) : t('meeting.you');
  return (
    <li
      class={`tile tile--self ${extra ?? ''}`}
      data-participant={SELF}
      data-video={videoOn ? 'on' : 'off'}
      data-pinned={pinned ? 'true' : undefined}
      data-spotlighted={spotlighted ? 'true' : undefined}
    >
      {videoOn ? <div class="tile__video" ref={host} /> : <Avatar id={SELF} name={name || t('meeting.you')} size="large" />}
      <TileReaction session={session} id={null} />
      <TileLabel name={label} handRaised={handRaised} muted={muted} pinned={pinned} spotlighted={spotlighted} />
      {onPin && <PinButton id={SELF} name={label} pinned={pinned ?? false} onPin={onPin} />}
    </li>
  );
}

export interface GalleryProps {
  session: CallSession;
  state: CallState;
  displayName: string;
  onShowPeople: () => void;
  /** A strip under the stage (fewer, smaller tiles) or the whole area. */
  mode?: 'grid' | 'strip';
  /** Who is on the stage (SELF for the guest): not repeated here. */
  onStage?: readonly string[];
  /** The guest's pins, in the order pinned: they lead the gallery when not on the stage. */
  pinned?: readonly string[];
  onPin?: (id: string) => void;
  /** Camera views the stage uses already (taken from the optimal count). */
  stageVideos?: number;
}

/** The most participants the overflow strip names before "+N more". */
const OVERFLOW_SHOWN = 12;

const NONE: readonly string[] = [];

export function Gallery({ session, state, displayName, onShowPeople, mode = 'grid', onStage = NONE, pinned = NONE, onPin, stageVideos = 0 }: GalleryProps) {
  const t = useT();
  const { ref: stage, size } = useElementSize<HTMLDivElement>();

  // How many tiles fit; the best that many (pins, then recent speakers), kept in their slots.
  const selfHere = !onStage.includes(SELF);
  const capacity = remoteTileCount(Number.MAX_SAFE_INTEGER, size.width, size.height) + (selfHere ? 0 : 1);
  const { top, total } = useMemo(() => {
    const best = galleryTop(state.participants, capacity + onStage.length);
    const staged = onStage.filter((id) => state.participants.has(id)).length;
    return { top: best.top.filter((p) => !onStage.includes(p.id)), total: best.total - staged };
  }, [state.participants, capacity, onStage]);
  const slots = useRef<string[]>([]);
  const visible = useMemo(() => {
    // Pins lead in the order pinned; everyone else keeps their slot.
    const lead = pinned.filter((id) => id !== SELF && !onStage.includes(id) && state.participants.has(id)).slice(0, capacity);
    const rest = stableSlots(
      slots.current,
      top.map((p) => p.id).filter((id) => !lead.includes(id)).slice(0, Math.max(0, capacity - lead.length)),
    );
    slots.current = rest;
    return [...lead, ...rest].map((id) => state.participants.get(id)!).filter(Boolean);
  }, [top, state.participants, pinned, onStage, capacity]);
  // Everyone else, in order of arrival (stable, so the strip does not reshuffle as people speak).
  const overflow = useMemo(() => {
    const shown = new Set(visible.map((p) => p.id));
    const first: Participant[] = [];
    for (const p of state.participants.values()) {
      if (first.length === OVERFLOW_SHOWN) break;
      if (p.status !== 'lobby' && p.status !== 'disconnected' && !shown.has(p.id)) first.push(p);
    }
    return { first, count: total - visible.length };
  }, [state.participants, visible, total]);
  // No remote cameras while the guest turned incoming video off (call quality); the stage's come first.
  const videoLimit = remoteVideoLimit(state.mediaStats, state.optimalVideoCount) - stageVideos;
  const videos = useMemo(() => videoSelection(visible, videoLimit), [visible, videoLimit]);
  const layout = fillLayout(visible.length + (selfHere ? 1 : 0), size.width, size.height);
  const dominant = state.dominantSpeakers[0];
  const spotlight = state.spotlight;

  return (
    <section class={`gallery gallery--${mode}`} aria-label={t('meeting.region.gallery')}>
      <div class="gallery__stage" ref={stage}>
        {size.width > 0 && (
          <ul
            class="gallery__grid"
            data-tiles={visible.length}
            style={{ gridTemplateColumns: `repeat(${layout.cols}, ${layout.tileWidth}px)`, gridAutoRows: `${layout.tileHeight}px` }}
          >
            {visible.map((p) => (
              <Tile
                key={p.id}
                participant={p}
                video={videos.has(p.id)}
                dominant={p.id === dominant}
                session={session}
                pinned={pinned.includes(p.id)}
                spotlighted={spotlight.ids.includes(p.id)}
                onPin={onPin}
              />
            ))}
            {selfHere && (
              <SelfTile
                key={SELF}
                session={session}
                name={displayName}
                muted={state.local.muted}
                videoOn={state.local.videoOn}
                handRaised={state.local.handRaised}
                pinned={pinned.includes(SELF)}
                spotlighted={spotlight.self}
                onPin={onPin}
              />
            )}
          </ul>
        )}
        {total === 0 && mode === 'grid' && <p class="gallery__alone">{t('meeting.alone')}</p>}
      </div>
      {overflow.count > 0 && (
        <div class="overflow" role="group" aria-label={t('meeting.overflow.label')}>
          <ul class="overflow__list">
            {overflow.first.map((p) => (
              <OverflowItem key={p.id} participant={p} />
            ))}
          </ul>
          {overflow.count > overflow.first.length && (
            <button type="button" class="mbtn mbtn--quiet overflow__more" onClick={onShowPeople}>
              {t('meeting.overflow.more', { count: overflow.count - overflow.first.length })}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
