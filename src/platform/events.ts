/**
 * Real-time events across instances. A change writes its events into the `events` table in its own transaction
 * (so an event exists exactly when the change committed) and NOTIFYs the channel, which PostgreSQL delivers at
 * commit to every instance's listener. Each event gets its position (`seq`) at commit, in commit order (a deferred
 * trigger under an advisory lock, migration 0017), so following positions upward never skips a late committer.
 * Each instance's hub reads the new rows in position order and hands them to the subscribers (SSE streams) of
 * their topic; a reconnecting client asks for everything after its last position, so nothing is lost while it was
 * away. A short poll covers notifications missed while a listener reconnected.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB } from '../db/types.js';

export const EVENTS_CHANNEL = 'daojia_events';
const POLL_MS = 2_000;
const BATCH = 500;
/** How long a client may be away and still resume without losing events. */
export const EVENT_RETENTION_DAYS = 7;

export interface EventInput { topic: string; type: string; data?: Record<string, unknown> }
export interface BusEvent { id: number; topic: string; type: string; data: Record<string, unknown>; createdAt: string }

export const topics = {
  user: (id: string) => `user:${id}`,
  admin: (id: string) => `admin:${id}`,
  permission: (p: string) => `perm:${p}`,
};

/** Writes events in the caller's transaction and announces them at its commit. */
export async function publish(db: Kysely<DB>, events: readonly EventInput[]): Promise<void> {
  if (!events.length) return;
  await db.insertInto('events').values(events.map((e) => ({ topic: e.topic, type: e.type, data: JSON.stringify(e.data ?? {}) }))).execute();
  await sql`select pg_notify(${EVENTS_CHANNEL}, '')`.execute(db);
}

type Row = { seq: number | null; topic: string; type: string; data: unknown; created_at: Date };
const present = (r: Row): BusEvent => ({ id: Number(r.seq), topic: r.topic, type: r.type, data: r.data as Record<string, unknown>, createdAt: r.created_at.toISOString() });

export interface Subscription { close(): void }
type Listener = (event: BusEvent) => void;

/** One per instance: follows the events table and fans new rows out to the subscribers of their topics. */
export class EventHub {
  private lastId = 0;
  private readonly byTopic = new Map<string, Set<Listener>>();
  private readonly open = new Set<() => void>();
  private unlisten: (() => Promise<void>) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private reading: Promise<void> | null = null;
  private again = false;

  constructor(private readonly database: Database, private readonly onError: (error: unknown) => void = () => {}) {}

  get db() { return this.database.db; }

  /** The position of the newest event this instance has read (a fresh stream's starting point). */
  get position() { return this.lastId; }

  async start(): Promise<void> {
    const last = await this.db.selectFrom('events').select(sql<number>`coalesce(max(seq), 0)`.as('id')).executeTakeFirstOrThrow();
    this.lastId = Number(last.id);
    this.unlisten = await this.database.listen(EVENTS_CHANNEL, () => this.pull());
    this.timer = setInterval(() => this.pull(), POLL_MS);
    this.timer.unref();
  }

  /** Stops following and ends every open subscription (their streams close; clients reconnect elsewhere). */
  async stop(): Promise<void> {
    for (const end of [...this.open]) end();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.unlisten?.();
    this.unlisten = null;
    await this.reading;
  }

  /** Reads what is new (coalescing bursts of notifications into one read at a time). */
  pull(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = this.readNew().catch(this.onError).finally(() => {
      this.reading = null;
      if (this.again) {
        this.again = false;
        void this.pull();
      }
    });
    return this.reading;
  }

  private async readNew(): Promise<void> {
    for (;;) {
      const rows = await this.db.selectFrom('events').selectAll().where('seq', '>', this.lastId).orderBy('seq').limit(BATCH).execute();
      for (const row of rows) {
        this.lastId = Math.max(this.lastId, Number(row.seq));
        const event = present(row);
        for (const listener of this.byTopic.get(row.topic) ?? []) listener(event);
      }
      if (rows.length < BATCH) return;
    }
  }

  /**
   * Follows `topicList` from `afterId` (exclusive): first what was written since, then live events, each once and
   * in id order. Returns the subscription to close when the client leaves.
   */
  async subscribe(topicList: readonly string[], afterId: number | null, listener: Listener, onEnd: () => void = () => {}): Promise<Subscription> {
    let delivered = afterId ?? this.lastId;
    const deliver = (e: BusEvent) => {
      if (e.id <= delivered) return;
      delivered = e.id;
      listener(e);
    };
    const queued: BusEvent[] = [];
    let replaying = true;
    const live: Listener = (e) => (replaying ? queued.push(e) : deliver(e));
    for (const t of topicList) {
      if (!this.byTopic.has(t)) this.byTopic.set(t, new Set());
      this.byTopic.get(t)!.add(live);
    }
    if (afterId !== null && topicList.length) {
      const missed = await this.db.selectFrom('events').selectAll().where('topic', 'in', [...topicList]).where('seq', '>', afterId)
        .where('created_at', '>', new Date(Date.now() - EVENT_RETENTION_DAYS * 86_400_000)).orderBy('seq').limit(BATCH * 4).execute();
      for (const row of missed) deliver(present(row));
    }
    replaying = false;
    for (const e of queued.sort((a, b) => a.id - b.id)) deliver(e);
    const close = () => {
      this.open.delete(end);
      for (const t of topicList) {
        const set = this.byTopic.get(t);
        set?.delete(live);
        if (set && !set.size) this.byTopic.delete(t);
      }
    };
    const end = () => {
      close();
      onEnd();
    };
    this.open.add(end);
    return { close };
  }

  /** Drops events older than the retention (housekeeping). */
  async prune(now = new Date()): Promise<void> {
    await this.db.deleteFrom('events').where('created_at', '<', new Date(now.getTime() - EVENT_RETENTION_DAYS * 86_400_000)).execute();
  }
}
