// Process: renderer. The calling API for a view: null until the SDK chunk has loaded (it loads
// after the first paint), and a flag when it could not load.
import { useEffect, useState } from 'preact/hooks';
import { loadCalling, type CallingApi } from '../calling';

export function useCallingApi(): { api: CallingApi | null; failed: boolean } {
  const [state, setState] = useState<{ api: CallingApi | null; failed: boolean }>({ api: null, failed: false });
  useEffect(() => {
    let live = true;
    loadCalling().then(
      (api) => live && setState({ api, failed: false }),
      () => live && setState({ api: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
