import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the messaging tables (migration 0017), kept beside `types.ts`. */
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | T, string | T>;

export interface EventsTable { id: Generated<number>; seq: number | null; topic: string; type: string; data: Json<unknown>; created_at: Generated<Date> }
export interface NotificationsTable {
  id: Generated<string>; recipient_kind: 'user' | 'admin'; recipient_id: string; audience: 'customer' | 'worker' | 'admin'; type: string; category: string;
  vars: Json<Record<string, string>>; link_kind: string | null; link_id: string | null; dedupe_key: string | null; created_at: Generated<Date>; read_at: NullableTimestamp;
}
export interface NotificationPrefsTable { user_id: string; category: string; channel: 'sms' | 'email'; enabled: boolean; updated_at: Generated<Date> }
export interface ChatMessagesTable {
  id: Generated<string>; order_id: string; sender_kind: 'customer' | 'worker' | 'support' | 'system'; sender_id: string | null; kind: 'text' | 'image' | 'quick';
  body: Generated<string>; file_id: string | null; masked: Generated<number>; created_at: Generated<Date>;
}
export interface ChatReadsTable { order_id: string; reader_id: string; read_at: Date }
export interface SupportTicketsTable {
  id: Generated<string>; ticket_no: string; user_id: string; audience: 'customer' | 'worker'; order_id: string | null; subject: string;
  status: Generated<'open' | 'answered' | 'closed'>; assignee_admin_id: string | null; created_at: Generated<Date>; updated_at: Generated<Date>;
}
export interface SupportMessagesTable { id: Generated<string>; ticket_id: string; sender_kind: 'user' | 'support'; sender_id: string; sender_name: Generated<string>; body: string; created_at: Generated<Date> }
export interface HelpArticlesTable { id: Generated<string>; audience: 'customer' | 'worker'; category: string; category_en: string; question: string; question_en: string; answer: string; answer_en: string; sort: Generated<number> }

export interface MessagingDB {
  events: EventsTable;
  notifications: NotificationsTable;
  notification_prefs: NotificationPrefsTable;
  chat_messages: ChatMessagesTable;
  chat_reads: ChatReadsTable;
  support_tickets: SupportTicketsTable;
  support_messages: SupportMessagesTable;
  help_articles: HelpArticlesTable;
}

export interface IncidentsTable {
  id: Generated<string>; incident_no: string; user_id: string; role: 'customer' | 'worker'; order_id: string | null; lat: number | null; lng: number | null;
  note: Generated<string>; status: Generated<'open' | 'acknowledged' | 'resolved'>; acknowledged_by: string | null; acknowledged_at: NullableTimestamp;
  resolved_by: string | null; resolved_at: NullableTimestamp; resolution: Generated<string>; created_at: Generated<Date>;
}
export interface SafetyDB { incidents: IncidentsTable }
