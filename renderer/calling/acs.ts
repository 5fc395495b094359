// Process: renderer. The entry of the SDK chunk: everything here may use the ACS Calling SDK.
import { CallClient } from '@azure/communication-calling';
import { DeviceService } from './devices';
import { MicrophoneLevel } from './mic-level';
import { PreviewService } from './preview';

export interface CallingApi {
  devices: DeviceService;
  preview: PreviewService;
  /** The chosen microphone's live level (the join screen's meter). */
  microphoneLevel: MicrophoneLevel;
}

export async function createCallingApi(): Promise<CallingApi> {
  const client = new CallClient();
  const deviceManager = await client.getDeviceManager();
  const devices = new DeviceService(deviceManager);
  return { devices, preview: new PreviewService(devices), microphoneLevel: new MicrophoneLevel(devices) };
}
