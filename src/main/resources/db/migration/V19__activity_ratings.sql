-- After an activity they attended, members rate it once: 1 to 5 and a comment.
create table activity_rating (
    activity_id bigint       not null references activity (id),
    person_id   bigint       not null references person (id),
    score       smallint     not null check (score between 1 and 5),
    comment     varchar(500),
    rated_at    timestamptz  not null,
    primary key (activity_id, person_id)
);
