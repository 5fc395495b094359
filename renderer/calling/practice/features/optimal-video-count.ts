// Process: renderer. Features.OptimalVideoCount as the SDK declares it.
import type { OptimalVideoCountCallFeature, OvcChangeReason } from '@azure/communication-calling';
import { ScriptedFeature } from './feature';

export class ScriptedOptimalVideoCount extends ScriptedFeature implements OptimalVideoCountCallFeature {
  lastOvcChangeReason: OvcChangeReason = 'unknown';
  constructor(public optimalVideoCount: number) {
    super('OptimalVideoCount');
  }
  scriptSet(count: number, reason: OvcChangeReason = 'bandwidth'): void {
    if (this.optimalVideoCount === count) return;
    this.optimalVideoCount = count;
    this.lastOvcChangeReason = reason;
    this.emit('optimalVideoCountChanged');
  }
}
