import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { DB } from '../db/types.js';
import type { Guards } from './auth.js';
import type { PiiCrypto } from './crypto.js';
import type { MailProvider, SmsProvider } from './providers/outbox.js';
import type { KycProvider } from './providers/kyc.js';
import type { MapProvider } from './providers/map.js';
import type { RelayProvider, RelaySimulator } from './providers/relay.js';
import type { PaymentGateway } from './providers/payments/types.js';
import type { PaySimulator } from './providers/payments/simulator.js';
import type { JobRunner } from './jobs.js';
import type { FileStorage } from './storage.js';
import type { EventHub } from './events.js';

/** Everything a domain service needs, built once per app. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Kysely<DB>;
  pii: PiiCrypto;
  sms: SmsProvider;
  mail: MailProvider;
  map: MapProvider;
  kyc: KycProvider;
  relay: RelayProvider;
  /** The local relay simulator when it is the relay provider (development and demos), else null. */
  relaySim: RelaySimulator | null;
  /** Payment and payout providers (the local simulator in the embedded default). */
  pay: PaymentGateway;
  paySim: PaySimulator;
  /** Durable jobs; `npm start` runs them, tests call `runDue(now)`. */
  jobs: JobRunner;
  /** Real-time events of this instance's clients (fed by every instance through the events table + NOTIFY). */
  events: EventHub;
  storage: FileStorage;
  guards: Guards;
  log: FastifyBaseLogger;
}

/** Who is acting and from where, for audit records and rate limits. */
export interface RequestMeta { ip: string; userAgent: string }

/** A Fastify scope whose routes infer request types from their TypeBox schemas. */
export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;
