-- Encryption keys of identity numbers after the first (which LEAGUE_DATA_KEY gives): random, kept here
-- sealed with a key derived from LEAGUE_DATA_KEY (member.DataKeys). The newest seals from the moment it
-- is added; numbers sealed with older keys are sealed again in batches while the application serves.
create table data_key (
    id          int          primary key check (id between 2 and 255),
    wrapped     bytea        not null,
    created_at  timestamptz  not null,
    created_by  varchar(100) not null
);
create trigger data_key_append_only before update or delete on data_key
    for each row execute function refuse_append_only_change();
