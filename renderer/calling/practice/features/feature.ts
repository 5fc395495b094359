// Process: renderer. The base of every scripted call feature: the SDK's CallFeature
// shape over the shared emitter. Type-only SDK imports, so Node tests load the fakes directly.
import type { CallFeature } from '@azure/communication-calling';
import { Emitter } from '../emitter';

export class ScriptedFeature extends Emitter implements CallFeature {
  constructor(readonly name: string) {
    super();
  }
  dispose(): void {}
}
