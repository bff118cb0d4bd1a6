-- council: what the dashboard counts of governance, per unit (and month), refreshed with the other
-- summaries instead of counting 200,000 issues on every page. Months and days are those of
-- Asia/Shanghai, the county's time (league.zone), as in the other summaries.
create materialized view issue_summary as
select i.organization_id, o.path,
       count(*) filter (where i.status in ('NEW', 'ACCEPTED', 'IN_PROGRESS')) as open,
       count(*) filter (where i.status in ('NEW', 'ACCEPTED', 'IN_PROGRESS')
                          and i.due_on < (now() at time zone 'Asia/Shanghai')::date) as overdue,
       count(*) filter (where i.satisfaction >= 4) as satisfied,
       count(i.satisfaction) as rated
from resident_issue i join organization o on o.id = i.organization_id
group by i.organization_id, o.path;
create unique index issue_summary_key on issue_summary (organization_id);
create index issue_summary_path on issue_summary (path text_pattern_ops);

create materialized view issue_month_summary as
select organization_id, path, month, sum(raised) as raised, sum(settled) as settled
from (select i.organization_id, o.path, date_trunc('month', i.created_at at time zone 'Asia/Shanghai')::date as month,
             1 as raised, 0 as settled
      from resident_issue i join organization o on o.id = i.organization_id
      union all
      select i.organization_id, o.path, date_trunc('month', i.updated_at at time zone 'Asia/Shanghai')::date, 0, 1
      from resident_issue i join organization o on o.id = i.organization_id
      where i.status in ('RESOLVED', 'CLOSED')) x
group by organization_id, path, month;
create unique index issue_month_summary_key on issue_month_summary (organization_id, month);
create index issue_month_summary_path on issue_month_summary (path text_pattern_ops, month);

-- the councils that held a meeting in a month (one that had started by the refresh)
create materialized view council_month_summary as
select g.id as council_id, o.path, date_trunc('month', a.starts_at at time zone 'Asia/Shanghai')::date as month
from community_group g join organization o on o.id = g.host_org_id
join activity a on a.group_id = g.id and a.type = 'COUNCIL_MEETING' and a.status = 'PUBLISHED' and a.starts_at <= now()
where g.kind in ('YOUTH_COUNCIL', 'YOUTH_COMMITTEE') and g.status = 'ACTIVE'
group by g.id, o.path, 3;
create unique index council_month_summary_key on council_month_summary (council_id, month);
create index council_month_summary_path on council_month_summary (path text_pattern_ops, month);
