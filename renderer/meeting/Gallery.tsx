// Process: renderer. The gallery: one tile per visible participant (most recent speakers first,
// tiles kept in their slots), the guest's own tile, video on at most the optimal number of tiles,
// initials otherwise; and the overflow strip for everyone beyond the visible tiles.
import type { ComponentChildren } from 'preact';
import { memo } from './memo';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
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
import { remoteVideoLimit } from '../calling/features/media-stats-model';
import { MeetingIcon } from './icons';
import { gridLayout, remoteTileCount } from './layout';
import { ReactionBadge } from './reactions/ReactionBadge';

const OverflowItem = memo(function OverflowItem({ participant: p }: { participant: Participant }) {
  const t = useT();
  return (
    <li class={`overflow__item ${p.speaking ? 'is-speaking' : ''}`} data-participant={p.id}>
      <Avatar id={p.id} name={p.name} size="small" />
      <span class="overflow__name">{p.name || '—'}</span>
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

interface TileProps {
  participant: Participant;
  video: boolean;
  dominant: boolean;
  session: CallSession;
  /** Their reaction while it is shown. */
  reaction?: ShownReaction | null;
}

const Tile = memo(function Tile({ participant, video, dominant, session, reaction }: TileProps) {
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
    >
      {video ? <div class="tile__video" ref={host} /> : <Avatar id={id} name={name} size="large" />}
      {reaction && <ReactionBadge key={reaction.at} reaction={reaction} />}
      <TileLabel name={shown} handRaised={handRaised} muted={muted}>
        {speaking && <span class="meeting-sr">{t('meeting.tile.speaking')}</span>}
        {dominant && <span class="meeting-sr">{t('meeting.tile.dominant')}</span>}
      </TileLabel>
    </li>
  );
});

/** A tile's name with its raised-hand and muted marks (spoken, not only drawn). */
function TileLabel({ name, handRaised, muted, children }: { name: string; handRaised: boolean; muted: boolean; children?: ComponentChildren }) {
  const t = useT();
  return (
    <div class="tile__label">
      {handRaised && (
        <span class="tile__hand">
          <MeetingIcon name="hand" />
          <span class="meeting-sr">{t('meeting.tile.hand')}</span>
        </span>
      )}
      <span class="tile__name">{name}</span>
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

interface SelfTileProps {
  session: CallSession;
  name: string;
  muted: boolean;
  videoOn: boolean;
  handRaised: boolean;
  /** The guest's own reaction while it is shown. */
  reaction?: ShownReaction | null;
  class?: string;
}

export function SelfTile({ session, name, muted, videoOn, handRaised, reaction, class: extra }: SelfTileProps) {
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
    <li class={`tile tile--self ${extra ?? ''}`} data-participant="self" data-video={videoOn ? 'on' : 'off'}>
      {videoOn ? <div class="tile__video" ref={host} /> : <Avatar id="self" name={name || t('meeting.you')} size="large" />}
      {reaction && <ReactionBadge key={reaction.at} reaction={reaction} />}
      <TileLabel name={label} handRaised={handRaised} muted={muted} />
    </li>
  );
}

export interface GalleryProps {
  session: CallSession;
  state: CallState;
  displayName: string;
  onShowPeople: () => void;
}

/** The most participants the overflow strip names before "+N more". */
const OVERFLOW_SHOWN = 12;

export function Gallery({ session, state, displayName, onShowPeople }: GalleryProps) {
  const t = useT();
  const stage = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = stage.current;
    if (!element) return;
    const measure = () => setSize((current) => (current.width === element.clientWidth && current.height === element.clientHeight ? current : { width: element.clientWidth, height: element.clientHeight }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // How many tiles fit; the best that many (recent speakers first), kept in their slots.
  const capacity = remoteTileCount(Number.MAX_SAFE_INTEGER, size.width, size.height);
  const { top, total } = useMemo(() => galleryTop(state.participants, capacity), [state.participants, capacity]);
  const slots = useRef<string[]>([]);
  const visible = useMemo(() => {
    const ids = stableSlots(
      slots.current,
      top.map((p) => p.id),
    );
    slots.current = ids;
    return ids.map((id) => state.participants.get(id)!).filter(Boolean);
  }, [top, state.participants]);
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
  // No remote cameras while the guest turned incoming video off (call quality).
  const videoLimit = remoteVideoLimit(state.mediaStats, state.optimalVideoCount);
  const videos = useMemo(() => videoSelection(visible, videoLimit), [visible, videoLimit]);
  const layout = gridLayout(visible.length + 1, size.width, size.height);
  const dominant = state.dominantSpeakers[0];

  return (
    <section class="gallery" aria-label={t('meeting.region.gallery')}>
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
                reaction={state.reactions.byParticipant.get(p.id)}
              />
            ))}
            <SelfTile
              key="self"
              session={session}
              name={displayName}
              muted={state.local.muted}
              videoOn={state.local.videoOn}
              handRaised={state.local.handRaised}
              reaction={state.reactions.self}
            />
          </ul>
        )}
        {total === 0 && <p class="gallery__alone">{t('meeting.alone')}</p>}
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
