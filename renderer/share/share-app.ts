// Process: renderer. The app's name and OS for the sharing messages ("{app} may not be allowed to
// record your screen", the System Settings button), set once by the picker, which App mounts with
// the AppInfo at start-up, long before any meeting.
import type { AppInfo } from '../../common/ipc-contract';

let current: Pick<AppInfo, 'productName' | 'platform'> = { productName: 'Doorway', platform: 'other' };

export function setShareAppInfo(info: Pick<AppInfo, 'productName' | 'platform'>): void {
  current = { productName: info.productName, platform: info.platform };
}

export function shareAppInfo(): Pick<AppInfo, 'productName' | 'platform'> {
  return current;
}
