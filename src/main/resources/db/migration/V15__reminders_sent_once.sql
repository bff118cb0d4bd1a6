-- A reminder is sent once per kind, subject and person, however many application instances run the
-- reminder jobs: the second insert of the same key waits for the first and then does nothing.
create table reminder_sent (
    kind       varchar(30) not null,
    subject_id bigint      not null,
    person_id  bigint      not null references person (id),
    sent_at    timestamptz not null,
    primary key (kind, subject_id, person_id)
);
