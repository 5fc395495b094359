// Process: renderer. The side panels: People (everyone in the meeting, raised hands first, drawn
// as a windowed list so a 1,000-person roster costs a screenful of rows) and Devices (camera,
// microphone and speaker, switched mid-call).
import { EffectsPicker } from '../effects/EffectsPicker';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CallSession, CallState } from '../calling/call-model';
import type { DevicesState } from '../calling/model';
import { useT } from '../i18n';
import { Avatar } from './Gallery';
import { MeetingIcon } from './icons';
import { PeopleIndex } from './people-order';
import { useObservable } from '../components/use-observable';

const ROW_HEIGHT = 48;
const OVERSCAN = 6;

export function PanelHeader({ id, title, onClose }: { id: string; title: string; onClose: () => void }) {
  const t = useT();
  return (
    <header class="panel__header">
      <h2 id={id} class="panel__title">
        {title}
      </h2>
      <button type="button" class="mbtn mbtn--icon" aria-label={t('meeting.close')} onClick={onClose}>
        <MeetingIcon name="close" />
      </button>
    </header>
  );
}

interface PersonRow {
  id: string;
  name: string;
  /** Where the avatar's initials come from: the bare name, never the "(you)" label. */
  avatarName: string;
  muted: boolean;
  handRaised: boolean;
  self: boolean;
}

export function PeoplePanel({ state, displayName, onClose }: { state: CallState; displayName: string; onClose: () => void }) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 480 });
  // Updated only when who is here, a name or a raised hand changes (not on every mute or word),
  // and then incrementally.
  const index = useRef<PeopleIndex | null>(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- peopleVersion changes exactly when the participants this list shows change
  const order = useMemo(() => (index.current ??= new PeopleIndex()).update(state.participants), [state.peopleVersion]);
  const total = order.length + 1;

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight || 480 });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const rows: Array<PersonRow & { index: number }> = [];
  for (let index = first; index < last; index++) {
    if (index === 0) {
      rows.push({ index, id: 'self', name: displayName ? t('meeting.youNamed', { name: displayName }) : t('meeting.you'), avatarName: displayName || t('meeting.you'), muted: state.local.muted, handRaised: state.local.handRaised, self: true });
    } else {
      const p = state.participants.get(order[index - 1]);
      if (!p) continue;
      rows.push({ index, id: p.id, name: p.name || '—', avatarName: p.name, muted: p.muted, handRaised: p.handRaised, self: false });
    }
  }

  return (
    <aside class="panel" id="people-panel" aria-labelledby="people-title">
      <PanelHeader id="people-title" title={t('meeting.people.title', { count: total })} onClose={onClose} />
      <div
        class="people"
        ref={scroller}
        tabIndex={0}
        role="group"
        aria-label={t('meeting.people.inMeeting')}
        onScroll={(event) => {
          const element = event.currentTarget;
          setView({ top: element.scrollTop, height: element.clientHeight || 480 });
        }}
      >
        <ul class="people__list" style={{ height: `${total * ROW_HEIGHT}px` }} data-count={total}>
          {rows.map((row) => (
            <li key={row.id} class="people__row" style={{ top: `${row.index * ROW_HEIGHT}px` }} aria-setsize={total} aria-posinset={row.index + 1} data-participant={row.id}>
              <Avatar id={row.id} name={row.avatarName} size="small" />
              <span class="people__name" title={row.name}>
                {row.name}
              </span>
              {row.handRaised && (
                <span class="people__icon">
                  <MeetingIcon name="hand" />
                  <span class="meeting-sr">{t('meeting.tile.hand')}</span>
                </span>
              )}
              {row.muted && (
                <span class="people__icon">
                  <MeetingIcon name="micOff" />
                  <span class="meeting-sr">{t('meeting.tile.muted')}</span>
                </span>
              )}
            </li>
          ))}
        </ul>
      </div>
    </aside>
  );
}

export function DevicesPanel({ session, onClose }: { session: CallSession; onClose: () => void }) {
  const t = useT();
  const devices = useObservable<DevicesState | null>(session.devices, null);
  if (!devices) return null;
  const select = (id: string, label: string, options: DevicesState['cameras'], value: string | null, onChange: (id: string) => void) => (
    <div class="devices__field">
      <label for={id}>{label}</label>
      <select id={id} value={value ?? ''} disabled={options.length === 0} onChange={(event) => onChange(event.currentTarget.value)}>
        {options.length === 0 ? (
          <option value="">{t('meeting.devices.none')}</option>
        ) : (
          options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))
        )}
      </select>
    </div>
  );
  return (
    <aside class="panel" id="devices-panel" aria-labelledby="devices-title">
      <PanelHeader id="devices-title" title={t('meeting.devices.title')} onClose={onClose} />
      <div class="devices">
        {select('device-camera', t('meeting.devices.camera'), devices.cameras, devices.cameraId, (id) => void session.selectCamera(id))}
        {select('device-microphone', t('meeting.devices.microphone'), devices.microphones, devices.microphoneId, (id) => void session.selectMicrophone(id))}
        {devices.speakerSelectionAvailable ? (
          select('device-speaker', t('meeting.devices.speaker'), devices.speakers, devices.speakerId, (id) => void session.selectSpeaker(id))
        ) : (
          <div class="devices__field">
            <span class="devices__label">{t('meeting.devices.speaker')}</span>
            <p class="devices__note">{t('meeting.devices.speakerSystem')}</p>
          </div>
        )}
        {session.effects && <EffectsPicker effects={session.effects} idPrefix="meeting" />}
      </div>
    </aside>
  );
}
