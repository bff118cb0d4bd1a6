-- A meeting recorded from an organisational-life activity of the branch (its check-ins as the attendance):
-- each activity is recorded once.
alter table org_meeting add column activity_id bigint references activity (id);
create unique index org_meeting_activity on org_meeting (activity_id) where activity_id is not null;
