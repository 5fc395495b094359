// Test code only (Node). Chromium's getDisplayMedia, routed the way Electron routes it: in
// Electron, getDisplayMedia (which the SDK's, and the scripted meeting's, startScreenSharing call)
// lands in main's setDisplayMediaRequestHandler. Here the page's getDisplayMedia asks the test's
// Node process through a binding, which calls the harness's real CaptureBroker with our page's
// main frame: main lists the sources, the real picker shows them, and the guest's choice (or
// cancel) comes back as Chromium would get it: a stream of the chosen source (a canvas painted with
// its name, its track labelled with it), or a NotAllowedError.
import type { Harness } from '../harness';

/** The page → Node binding standing in for Chromium → main's display-media handler. */
const DISPLAY_MEDIA_BINDING = '__doorwayDisplayMediaRequest';

/** What main answered: the chosen source (and loopback audio), or null (denied, cancelled). */
interface DisplayMediaGrant {
  id: string;
  name: string;
  audio: boolean;
}

/** Routes the page's getDisplayMedia to the harness's CaptureBroker. Call before harness.open(). */
export async function routeDisplayMediaToMain(harness: Harness): Promise<void> {
  await harness.page.exposeBinding(DISPLAY_MEDIA_BINDING, (source, audioRequested: boolean) => {
    // Chromium names the requesting frame; only our page's main frame is the one main trusts.
    const frame = source.frame === harness.page.mainFrame() ? harness.contents.mainFrame : { url: source.frame.url() };
    return new Promise<DisplayMediaGrant | null>((resolve) => {
      void harness.capture.handleRequest({ frame, audioRequested: Boolean(audioRequested) }, (answer) =>
        resolve(answer ? { id: answer.video.id, name: answer.video.name, audio: answer.audio === 'loopback' } : null),
      );
    });
  });
  await harness.page.addInitScript((binding) => {
    const request = (window as unknown as Record<string, (audio: boolean) => Promise<DisplayMediaGrant | null>>)[binding];
    navigator.mediaDevices.getDisplayMedia = async (options?: DisplayMediaStreamOptions) => {
      const grant = await request(Boolean(options?.audio));
      if (!grant) throw new DOMException('Permission denied', 'NotAllowedError');
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 360;
      const context = canvas.getContext('2d')!;
      let frame = 0;
      const paint = () => {
        context.fillStyle = '#f4f4f4';
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.fillStyle = '#222222';
        context.font = 'bold 28px sans-serif';
        context.fillText(grant.name.slice(0, 30), 24, 60);
        context.fillStyle = '#3366cc';
        context.fillRect((frame++ * 9) % canvas.width, canvas.height - 40, 60, 16);
      };
      paint();
      const timer = setInterval(paint, 125);
      const stream = canvas.captureStream(8);
      const track = stream.getVideoTracks()[0];
      Object.defineProperty(track, 'label', { value: grant.name });
      const stop = track.stop.bind(track);
      track.stop = () => {
        clearInterval(timer);
        stop();
      };
      if (grant.audio) {
        const audio = new AudioContext().createMediaStreamDestination().stream.getAudioTracks()[0];
        if (audio) stream.addTrack(audio);
      }
      return stream;
    };
  }, DISPLAY_MEDIA_BINDING);
}
