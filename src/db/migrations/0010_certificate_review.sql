-- Certificates are reviewed one by one: a rejected certificate carries the reason the worker sees.
alter table worker_certificates add column review_note text not null default '';
