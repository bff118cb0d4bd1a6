-- group: active groups and their active members per host and kind, for the dashboard (refreshed with the others)
create materialized view group_summary as
select g.host_org_id, o.path, g.kind, count(distinct g.id) as groups, count(m.id) as members
from community_group g join organization o on o.id = g.host_org_id
left join group_membership m on m.group_id = g.id and m.status = 'ACTIVE'
where g.status = 'ACTIVE'
group by 1, 2, 3;
create unique index group_summary_key on group_summary (host_org_id, kind);
create index group_summary_path on group_summary (path text_pattern_ops);
