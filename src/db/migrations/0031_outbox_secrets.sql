-- The parts of a local-outbox message that would let a reader act as its recipient (a sign-in code, an e-mail
-- verification token). The console's 消息外发 masks them, and the recipient, for every staff member; only the super
-- admin of a development install sees them (the outbox stands in for the phone there).
alter table outbox_messages add column secrets text[] not null default '{}';
