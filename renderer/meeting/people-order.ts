// Process: renderer. The people panel's order, pure (unit-tested in Node).
import type { Participant } from '../calling/call-model';

/** Raised hands first (in the order raised), then by name, then by arrival. */
export function peopleOrder(participants: ReadonlyMap<string, Participant>): Participant[] {
  const list = [...participants.values()];
  const key = new Map(list.map((p) => [p.id, p.name.toLowerCase()]));
  list.sort((a, b) => {
    if (a.handRaised !== b.handRaised) return a.handRaised ? -1 : 1;
    if (a.handRaised && b.handRaised) return a.handSeq - b.handSeq;
    const ka = key.get(a.id)!;
    const kb = key.get(b.id)!;
    return ka < kb ? -1 : ka > kb ? 1 : a.joinSeq - b.joinSeq;
  });
  return list;
}
