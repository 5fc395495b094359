// Process: server. Where invitations live: an async get/create/update interface with a TTL, so a
// Redis store can stand beside this memory one. Invitations are stored, not stateless, because
// revocation, code attempts, grants and audit all need state (server/README.md, "Invitations").
// The memory store is for a single instance; its entries are dropped when their TTL passes.

/** What is stored about one invitation. Times are epoch milliseconds. */
export interface Invitation {
  id: string;
  createdAt: number;
  /** The meeting's end plus the grace period: the invitation stops working then. */
  expiresAt: number;
  /** Who created it: a staff object id, or 'adminKey'. */
  createdBy: string;
  meeting: { subject: string; startsAt: string; endsAt: string; organizer: string };
  join: { joinUrl: string; meetingId?: string; passcode?: string };
  dialIn?: { tollNumber?: string; tollFreeNumber?: string; conferenceId: string };
  guest: { name?: string; language?: string };
  /** Set when bound: the guest must prove this address with a one-time code. */
  boundEmail?: string;
  revokedAt?: number;
  /** The current one-time code (its HMAC only). */
  code?: { digest: string; expiresAt: number; attemptsLeft: number };
  /** When codes were sent (the last few), to limit sending per invitation. */
  codesSentAt: number[];
  /** Wrong codes in total; past the limit the invitation is locked. */
  failedAttempts: number;
  lockedAt?: number;
  /** Digests of grants handed out after verification, with their expiry. */
  grants: Array<{ digest: string; expiresAt: number }>;
}

export interface InvitationStore {
  /** Stores a new invitation; `ttlSeconds` after which it may be forgotten entirely. */
  create(invitation: Invitation, ttlSeconds: number): Promise<void>;
  get(id: string): Promise<Invitation | undefined>;
  /**
   * Applies `change` to the current value atomically (per id) and stores the result, keeping the
   * TTL. Returns the new value, or undefined when there is no such invitation.
   */
  update(id: string, change: (current: Invitation) => Invitation): Promise<Invitation | undefined>;
}

export function createMemoryInvitationStore(now: () => number = Date.now): InvitationStore {
  const entries = new Map<string, { value: Invitation; expiresAtMs: number }>();
  const live = (id: string) => {
    const entry = entries.get(id);
    if (entry && entry.expiresAtMs <= now()) entries.delete(id);
    return entries.get(id);
  };
  return {
    async create(invitation, ttlSeconds) {
      // Drop expired entries now and then so memory stays bounded by live invitations.
      if (entries.size % 256 === 0) for (const id of entries.keys()) live(id);
      entries.set(invitation.id, { value: structuredClone(invitation), expiresAtMs: now() + ttlSeconds * 1000 });
    },
    async get(id) {
      const entry = live(id);
      return entry ? structuredClone(entry.value) : undefined;
    },
    async update(id, change) {
      const entry = live(id);
      if (!entry) return undefined;
      entry.value = structuredClone(change(structuredClone(entry.value)));
      return structuredClone(entry.value);
    },
  };
}
