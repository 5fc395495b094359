// Test code only (Node). A DeviceManager with two cameras, two microphones and two speakers, for
// running renderer/calling/ in Node: DeviceService reads and selects through it as through the SDK's.
import type { AudioDeviceInfo, DeviceManager, VideoDeviceInfo } from '@azure/communication-calling';
import { Emitter } from '../../../renderer/calling/practice/emitter';

export const CAMERAS: VideoDeviceInfo[] = [
  { id: 'camera:front', name: 'Front camera', deviceType: 'UsbCamera' },
  { id: 'camera:desk', name: 'Desk camera', deviceType: 'UsbCamera' },
];
export const MICROPHONES: AudioDeviceInfo[] = [
  { id: 'microphone:built-in', name: 'Built-in microphone', deviceType: 'Microphone', isSystemDefault: true },
  { id: 'microphone:headset', name: 'Headset microphone', deviceType: 'Microphone', isSystemDefault: false },
];
export const SPEAKERS: AudioDeviceInfo[] = [
  { id: 'speaker:built-in', name: 'Built-in speakers', deviceType: 'Speaker', isSystemDefault: true },
  { id: 'speaker:headset', name: 'Headset', deviceType: 'Speaker', isSystemDefault: false },
];

export class NodeDeviceManager extends Emitter {
  isSpeakerSelectionAvailable = true;
  selectedMicrophone: AudioDeviceInfo | undefined;
  selectedSpeaker: AudioDeviceInfo | undefined;
  getCameras = async () => CAMERAS;
  getMicrophones = async () => MICROPHONES;
  getSpeakers = async () => SPEAKERS;
  askDevicePermission = async () => ({ audio: true, video: true });
  async selectMicrophone(device: AudioDeviceInfo): Promise<void> {
    this.selectedMicrophone = device;
    this.emit('selectedMicrophoneChanged');
  }
  async selectSpeaker(device: AudioDeviceInfo): Promise<void> {
    this.selectedSpeaker = device;
    this.emit('selectedSpeakerChanged');
  }
}

export const nodeDeviceManager = () => new NodeDeviceManager() as unknown as DeviceManager;
