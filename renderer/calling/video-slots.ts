// Process: renderer. Holds remote camera views to the number the SDK advises (OptimalVideoCount).
// The gallery asks for at most that many, but when tiles swap video in one update, a new view can
// be asked for before the old one is released; a request past the limit then waits for the next
// release, so the limit holds at every moment, not only between updates.
import type { Disposer } from './call-model';

export class VideoSlots {
  private active = 0;
  private waiting: Array<() => void> = [];

  constructor(private readonly limit: () => number) {}

  /** Starts `start` now or once a slot frees; the returned release stops it (or its wait). */
  acquire(start: () => Disposer): Disposer {
    let stop: Disposer | null = null;
    let done = false;
    const begin = () => {
      this.active++;
      stop = start();
    };
    if (this.active < this.limit()) begin();
    else this.waiting.push(begin);
    return () => {
      if (done) return;
      done = true;
      if (!stop) {
        this.waiting = this.waiting.filter((waiting) => waiting !== begin);
        return;
      }
      stop();
      this.active--;
      while (this.waiting.length > 0 && this.active < this.limit()) this.waiting.shift()!();
    };
  }

  get activeCount(): number {
    return this.active;
  }
}
