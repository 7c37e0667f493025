-- Extensions later domains rely on: exclusion constraints on time ranges (btree_gist),
-- distance search (cube + earthdistance), fuzzy text search (pg_trgm), gen_random_uuid/digest (pgcrypto).
create extension if not exists btree_gist;
create extension if not exists cube;
create extension if not exists earthdistance;
create extension if not exists pg_trgm;
create extension if not exists pgcrypto;
