-- Payments: a double-entry ledger (accounts with guarded cached balances, append-only balanced entries),
-- provider charges and their callbacks, refunds, bank cards, withdrawals, per-city money settings,
-- and the local payment simulator's own state.

create table ledger_accounts (
  code text primary key,
  kind text not null,
  owner_id uuid,
  may_go_negative boolean not null default false,
  balance_fen bigint not null default 0,
  created_at timestamptz not null default now(),
  constraint ledger_accounts_not_negative check (may_go_negative or balance_fen >= 0)
);
create index ledger_accounts_owner_idx on ledger_accounts (owner_id) where owner_id is not null;

create table journal_entries (
  id bigserial primary key,
  -- One entry per cause: the key makes a retried movement a no-op.
  key text not null unique,
  kind text not null,
  order_id uuid,
  worker_id uuid,
  memo text not null default '',
  created_at timestamptz not null default now()
);
create index journal_entries_order_idx on journal_entries (order_id) where order_id is not null;
create index journal_entries_worker_idx on journal_entries (worker_id, created_at) where worker_id is not null;
create index journal_entries_created_idx on journal_entries (created_at);

create table journal_lines (
  entry_id bigint not null references journal_entries (id),
  account_code text not null references ledger_accounts (code),
  amount_fen bigint not null check (amount_fen <> 0),
  primary key (entry_id, account_code)
);
create index journal_lines_account_idx on journal_lines (account_code);

create function ledger_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'ledger rows are append-only (% on %)', tg_op, tg_table_name using errcode = '55000';
end $$;
create trigger journal_entries_append_only before update or delete on journal_entries
  for each row execute function ledger_append_only();
create trigger journal_lines_append_only before update or delete on journal_lines
  for each row execute function ledger_append_only();

-- Checked at commit: every entry's lines sum to zero.
create function ledger_entry_balances() returns trigger language plpgsql as $$
declare total bigint;
begin
  select coalesce(sum(amount_fen), 0) into total from journal_lines where entry_id = new.entry_id;
  if total <> 0 then
    raise exception 'journal entry % does not balance (%)', new.entry_id, total using errcode = '23514';
  end if;
  return null;
end $$;
create constraint trigger journal_lines_balance after insert on journal_lines
  deferrable initially deferred for each row execute function ledger_entry_balances();

create table payment_settings (
  city_code text primary key references cities (code),
  settings jsonb not null,
  updated_at timestamptz not null default now()
);

create table payments (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders (id),
  purpose text not null default 'order' check (purpose in ('order', 'extras')),
  provider text not null check (provider in ('wechat', 'alipay', 'card')),
  out_trade_no text not null unique,
  amount_fen int not null check (amount_fen > 0),
  currency text not null default 'CNY',
  status text not null default 'pending' check (status in ('pending', 'paid', 'failed', 'closed')),
  provider_txn_id text,
  charge_id text,
  failed_reason text not null default '',
  paid_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index payments_order_idx on payments (order_id);
create index payments_created_idx on payments (created_at);

create table payment_notifications (
  id bigserial primary key,
  provider text not null,
  payment_id uuid references payments (id),
  event_id text not null default '',
  outcome text not null,
  detail text not null default '',
  received_at timestamptz not null default now()
);
create index payment_notifications_payment_idx on payment_notifications (payment_id);

create table refunds (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders (id),
  payment_id uuid not null references payments (id),
  refund_no text not null unique,
  amount_fen int not null check (amount_fen > 0),
  kind text not null check (kind in ('cancellation', 'no_show', 'after_sales', 'arbitration', 'manual')),
  reason text not null default '',
  status text not null default 'processing' check (status in ('processing', 'succeeded')),
  provider_refund_id text,
  created_by text not null default '',
  created_at timestamptz not null default now(),
  succeeded_at timestamptz
);
create index refunds_order_idx on refunds (order_id);

create table worker_bank_cards (
  id uuid primary key default gen_random_uuid(),
  worker_id uuid not null references users (id),
  bank_name text not null,
  holder_name text not null,
  card_no_enc text not null,
  card_last4 text not null,
  created_at timestamptz not null default now(),
  removed_at timestamptz
);
create index worker_bank_cards_worker_idx on worker_bank_cards (worker_id) where removed_at is null;

create table withdrawals (
  id uuid primary key default gen_random_uuid(),
  worker_id uuid not null references users (id),
  card_id uuid not null references worker_bank_cards (id),
  amount_fen int not null check (amount_fen > 0),
  fee_fen int not null check (fee_fen >= 0),
  net_fen int not null check (net_fen > 0),
  status text not null check (status in ('pending_review', 'paying', 'paid', 'failed', 'rejected')),
  attempts int not null default 0,
  payout_ref text,
  failure_reason text not null default '',
  review_note text not null default '',
  reviewed_by text,
  reviewed_at timestamptz,
  paid_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (fee_fen + net_fen = amount_fen)
);
create index withdrawals_worker_idx on withdrawals (worker_id, created_at);
create index withdrawals_status_idx on withdrawals (status, created_at);

-- A worker's share of one order: the completion split (with the commission rule used) or a cancellation's
-- compensation, and when it becomes withdrawable.
create table order_settlements (
  order_id uuid not null references orders (id),
  kind text not null check (kind in ('completion', 'compensation')),
  worker_id uuid not null references users (id),
  order_no text not null,
  item_name text not null,
  gross_fen int not null,
  commission_fen int not null,
  net_fen int not null,
  insurance_fen int not null default 0,
  rule jsonb,
  settled_at timestamptz not null,
  available_at timestamptz not null,
  released_at timestamptz,
  primary key (order_id, kind)
);
create index order_settlements_worker_idx on order_settlements (worker_id, settled_at);

alter table orders
  add column coupon_fen int not null default 0 check (coupon_fen >= 0),
  add column insurance_premium_fen int not null default 0 check (insurance_premium_fen >= 0),
  add column insurance_cover_fen int not null default 0 check (insurance_cover_fen >= 0);

-- The payment simulator (embedded default provider): its own view of charges, as a provider keeps one.
create table paysim_charges (
  id text primary key,
  provider text not null,
  out_trade_no text not null unique,
  amount_fen int not null,
  description text not null default '',
  notify_url text not null,
  return_url text not null,
  status text not null default 'open' check (status in ('open', 'paid', 'failed', 'abandoned')),
  txn_id text,
  refunded_fen int not null default 0,
  created_at timestamptz not null default now(),
  decided_at timestamptz
);
create table paysim_keys (
  provider text primary key,
  platform_private_pem text not null,
  platform_public_pem text not null,
  serial text not null,
  api_key text not null,
  created_at timestamptz not null default now()
);
create table paysim_refunds (
  refund_no text primary key,
  out_trade_no text not null,
  amount_fen int not null,
  refund_id text not null,
  created_at timestamptz not null default now()
);
create table paysim_payouts (
  ref text primary key,
  card_last4 text not null,
  amount_fen int not null,
  status text not null check (status in ('paid', 'failed')),
  created_at timestamptz not null default now()
);
