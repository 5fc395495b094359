// Process: renderer (SDK glue, type-only SDK import). Features.TogetherMode: whether the meeting's
// together-mode scene (one video Teams composes of everyone) is on, and which stream to render
// as the stage. Watches each stream's availability; the scene is on while one is available.
import type { TogetherModeCallFeature, TogetherModeVideoStream } from '@azure/communication-calling';
import { listen } from '../sdk-events';
import { detacher, type FeatureContext, type FeatureHandle } from './feature-context';

export interface TogetherModeHandle extends FeatureHandle {
  /** The stream to render now (null: together mode is off). */
  stream(): TogetherModeVideoStream | null;
}

export function attachTogetherMode(feature: TogetherModeCallFeature, ctx: FeatureContext): TogetherModeHandle {
  const watched = new Map<TogetherModeVideoStream, () => void>();
  let shown: boolean | null = null;
  const current = () => feature.togetherModeStream.find((stream) => stream.isAvailable) ?? null;
  const read = () => {
    const available = current() !== null;
    if (available === shown) return;
    shown = available;
    ctx.push({ type: 'togetherMode/stream', available });
  };
  const watch = (stream: TogetherModeVideoStream) => {
    if (!watched.has(stream)) watched.set(stream, listen(stream, 'isAvailableChanged', read));
  };
  for (const stream of feature.togetherModeStream) watch(stream);
  const off = [
    listen(feature, 'togetherModeStreamsUpdated', ({ added, removed }: { added: TogetherModeVideoStream[]; removed: TogetherModeVideoStream[] }) => {
      for (const stream of removed) {
        watched.get(stream)?.();
        watched.delete(stream);
      }
      for (const stream of added) watch(stream);
      read();
    }),
  ];
  // Always read at attach: after a call switch (breakout room) the old call's scene is gone.
  read();
  const detachListeners = detacher(off);
  return {
    detach() {
      detachListeners();
      for (const unwatch of watched.values()) unwatch();
      watched.clear();
    },
    stream: current,
  };
}
