-- Relay-call records (隐私号通话记录): the call detail record the relay provider posts for each call through an
-- order's relay number, kept as evidence for after-sales cases (证据包). No phone number is stored: the caller is
-- kept as a role (matched against the two parties' phones when the report arrives), and no recording is taken.
create table relay_calls (
  id uuid primary key default gen_random_uuid(),
  -- The provider's id of the call: a report posted again (retries) is recorded once.
  provider_call_id text not null unique,
  order_id uuid not null references orders (id),
  -- The worker the binding connected (an order can have had several).
  worker_id uuid not null references users (id),
  relay_number text not null,
  caller_role text not null check (caller_role in ('customer', 'worker', 'other')),
  outcome text not null check (outcome in ('answered', 'no_answer', 'busy', 'rejected', 'failed')),
  started_at timestamptz not null,
  answered_at timestamptz,
  ended_at timestamptz not null,
  talk_seconds int not null check (talk_seconds >= 0),
  received_at timestamptz not null default now(),
  check (ended_at >= started_at),
  check ((outcome = 'answered') = (answered_at is not null))
);
create index relay_calls_order on relay_calls (order_id, started_at);
