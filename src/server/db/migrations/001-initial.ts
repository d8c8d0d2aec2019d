/**
 * The first schema. Identifiers are text (random UUIDs made by the server, or
 * the assessment ids clients choose); times are timestamptz; tokens are
 * stored only as SHA-256 hashes.
 */
export const initialSchema = `
create table members (
  id text primary key,
  username text not null,
  role text not null check (role in ('owner', 'partner', 'founder')),
  deal text,
  password_hash text,
  invited_by text,
  created_at timestamptz not null default now(),
  removed_at timestamptz,
  check ((role = 'founder') = (deal is not null))
);
create unique index members_username on members (lower(username));

create table invitations (
  token_hash text primary key,
  role text not null check (role in ('owner', 'partner', 'founder')),
  deal text,
  created_by text references members (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  used_by text references members (id)
);

create table sessions (
  token_hash text primary key,
  member_id text not null references members (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_member on sessions (member_id);

create table sign_in_attempts (
  bucket text not null,
  window_start timestamptz not null,
  attempts integer not null,
  primary key (bucket, window_start)
);

create table deals (
  key text primary key,
  name text not null,
  created_at timestamptz not null default now(),
  revealed_at timestamptz,
  revealed_by text references members (id)
);

create table assessments (
  id text primary key,
  deal text not null references deals (key) on delete cascade,
  author_id text not null references members (id),
  revision integer not null,
  body text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  submitted_at timestamptz
);
create index assessments_deal on assessments (deal);
create index assessments_author on assessments (author_id);

create table assessment_writes (
  write_id text primary key,
  assessment_id text not null,
  member_id text not null references members (id),
  revision integer not null,
  request_hash text not null,
  created_at timestamptz not null default now()
);

create table rubrics (
  id text primary key,
  version text not null,
  body text not null,
  updated_at timestamptz not null default now(),
  updated_by text references members (id)
);

create table changes (
  seq bigserial primary key,
  kind text not null,
  audience text not null check (audience in ('team', 'member')),
  deal text,
  assessment_id text,
  member_id text,
  created_at timestamptz not null default now()
);

create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor_id text,
  actor text not null,
  action text not null,
  target_type text not null,
  target_id text not null,
  deal text,
  detail text not null default ''
);
create index audit_log_at on audit_log (at);
`;
