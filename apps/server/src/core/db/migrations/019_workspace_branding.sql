-- The workspace as its customers see it (the widget's colour and logo), what it trades in and speaks, the days its
-- usual hours do not hold; and, per alert, when the person it is for was emailed about it (at most once).
alter table workspaces
  add column logo_url text,
  add column widget_color text not null default '#c2410c',
  add column currency text not null default 'USD',
  add column languages text[] not null default '{en}',
  add column holidays jsonb not null default '[]';
alter table agents add column missed_contact_emails boolean not null default true;
alter table alerts add column emailed_at timestamptz;
