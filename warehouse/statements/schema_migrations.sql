create table if not exists schema_migrations (
    version     integer not null,
    name        varchar not null,
    applied_at  timestamp with time zone not null
);
