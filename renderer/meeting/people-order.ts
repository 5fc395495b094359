// Process: renderer. The people panel's order, pure (unit-tested in Node): raised hands first (in
// the order raised), then by name, then by arrival. PeopleIndex keeps it up to date incrementally:
// a join, a leave, a rename or a hand costs a binary search and a splice, not a sort of everyone.
import type { Participant } from '../calling/call-model';

interface Entry {
  id: string;
  hand: number; // handSeq, 0 when not raised
  key: string; // lower-cased name
  joinSeq: number;
  name: string;
}

function entryOf(p: Participant): Entry {
  return { id: p.id, hand: p.handRaised ? p.handSeq : 0, key: p.name.toLowerCase(), joinSeq: p.joinSeq, name: p.name };
}

function before(a: Entry, b: Entry): boolean {
  if ((a.hand > 0) !== (b.hand > 0)) return a.hand > 0;
  if (a.hand > 0) return a.hand < b.hand;
  if (a.key !== b.key) return a.key < b.key;
  return a.joinSeq < b.joinSeq;
}

function compare(a: Entry, b: Entry): number {
  return a.id === b.id ? 0 : before(a, b) ? -1 : 1;
}

/** The whole order at once (a sort); PeopleIndex gives the same order incrementally. */
export function peopleOrder(participants: ReadonlyMap<string, Participant>): Participant[] {
  const entries = [...participants.values()].map((p) => ({ p, e: entryOf(p) }));
  entries.sort((a, b) => compare(a.e, b.e));
  return entries.map(({ p }) => p);
}

/** Above this many changes at once, sorting everyone again is cheaper than splicing. */
const REBUILD_AT = 64;

export class PeopleIndex {
  private order: Entry[] = [];
  private byId = new Map<string, Entry>();

  /** Brings the order up to date with `participants`; returns the ids in order. */
  update(participants: ReadonlyMap<string, Participant>): readonly string[] {
    const removed: Entry[] = [];
    const added: Entry[] = [];
    let seen = 0;
    for (const p of participants.values()) {
      const old = this.byId.get(p.id);
      if (!old) {
        added.push(entryOf(p));
        continue;
      }
      seen++;
      const hand = p.handRaised ? p.handSeq : 0;
      if (old.name !== p.name || old.hand !== hand) {
        removed.push(old);
        added.push(entryOf(p));
      }
    }
    if (seen < this.byId.size) for (const entry of this.byId.values()) if (!participants.has(entry.id)) removed.push(entry);

    if (removed.length + added.length > REBUILD_AT) {
      this.order = [...participants.values()].map(entryOf).sort(compare);
      this.byId = new Map(this.order.map((e) => [e.id, e]));
    } else {
      for (const entry of removed) {
        const at = this.position(entry);
        if (this.order[at]?.id === entry.id) this.order.splice(at, 1);
        else this.order.splice(this.order.findIndex((e) => e.id === entry.id), 1);
        this.byId.delete(entry.id);
      }
      for (const entry of added) {
        this.order.splice(this.position(entry), 0, entry);
        this.byId.set(entry.id, entry);
      }
    }
    return this.order.map((e) => e.id);
  }

  /** Where `entry` is, or goes, in the order (binary search). */
  private position(entry: Entry): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(this.order[mid], entry)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
