// Process: renderer. Features.UserFacingDiagnostics as the SDK declares it:
// network and media diagnostics the meeting sets with `scriptSet`.
import type {
  DiagnosticFlag,
  DiagnosticQuality,
  LatestMediaDiagnostics,
  LatestNetworkDiagnostics,
  MediaDiagnostics,
  NetworkDiagnostics,
  RemoteDiagnostics,
  RemoteParticipantDiagnosticsData,
  UserFacingDiagnosticsFeature,
} from '@azure/communication-calling';
import { Emitter } from '../emitter';
import { ScriptedFeature } from './feature';

class ScriptedDiagnostics<Latest extends object> extends Emitter {
  private latest: Record<string, { value: DiagnosticQuality | DiagnosticFlag; valueType: 'DiagnosticQuality' | 'DiagnosticFlag' }> = {};
  getLatest(): Latest {
    return { ...this.latest } as Latest;
  }
  scriptSet(diagnostic: string, value: DiagnosticQuality | DiagnosticFlag): void {
    const valueType = typeof value === 'boolean' ? 'DiagnosticFlag' : 'DiagnosticQuality';
    this.latest[diagnostic] = { value, valueType };
    this.emit('diagnosticChanged', { diagnostic, value, valueType });
  }
}

export class ScriptedNetworkDiagnostics extends ScriptedDiagnostics<LatestNetworkDiagnostics> implements NetworkDiagnostics {}
export class ScriptedMediaDiagnostics extends ScriptedDiagnostics<LatestMediaDiagnostics> implements MediaDiagnostics {}

class ScriptedRemoteDiagnostics extends Emitter implements RemoteDiagnostics {
  isSendingDiagnosticsEnabled = false;
  startSendingDiagnostics(): void {
    this.isSendingDiagnosticsEnabled = true;
  }
  stopSendingDiagnostics(): void {
    this.isSendingDiagnosticsEnabled = false;
  }
  getLatest(): RemoteParticipantDiagnosticsData {
    return { diagnostics: [] };
  }
}

export class ScriptedUserFacingDiagnostics extends ScriptedFeature implements UserFacingDiagnosticsFeature {
  readonly network = new ScriptedNetworkDiagnostics();
  readonly media = new ScriptedMediaDiagnostics();
  readonly remote = new ScriptedRemoteDiagnostics();
  constructor() {
    super('UserFacingDiagnostics');
  }
}
