-- Bulk cases for the query benchmark (PostgreSQL), over real village codes: by default Shanxi's, in bench_village.
-- psql -v from=1 -v to=100000 -f bench/generate-cases.sql   (rows :from..:to; run again with the next range to grow)
-- psql -v villages=bench_village_cn -v from=1 -v to=1000000 -f …   (over another table of the same columns: all of
--                                                                    China's 620,573 villages for the national check)
--
-- Distributions (per case, independent draws):
--   village: uniform over the table's villages/communities (Shanxi's 21,895: a county thus holds about 1/120 of the
--            cases; China's 620,573: 沁水县 about 1/3,200, 晋城市 about 1/360)
--   state:   CLOSED 62 %, VERIFIED 4, REJECTED 3 | open: REPORTED 4, REGISTERED 3, DISPATCHED 8, IN_HANDLING 9,
--            EXTENSION_REQUESTED 1, RETURNED 1, HANDLED 5
--   reported: closed ones over the last two years, open ones over the last 30 days
--   deadline: closed ones 3 days after the report; open ones from 1 day ago to 9 days ahead (about 10 % overdue)
--   unit:    dispatched-or-later cases belong to one of 8 units of their county (bench-unit-<county>-<0..7>)
--   level:   VILLAGE 90 %, TOWNSHIP 7, COUNTY 3; category: the 10 common categories; channel: 4 channels
--   supervision: overdue open cases already flagged (and, in states that escalate, already escalated to the city),
--            open cases already warned: a steady state in which the scheduled supervision round (every minute) finds
--            nothing to do, so that it does not write while the queries are timed
-- Titles name the village ("路灯故障：杏峪村 123"), so a search for a village name finds its few dozen cases.
\set ON_ERROR_STOP on
\if :{?villages}
\else
  \set villages bench_village
\endif
insert into cg_case (id, title, description, category, channel, state, case_level, region_code, grid_code, longitude,
                     latitude, address, reporter_id, unit_id, deadline, requested_hours, rating, reported_at,
                     updated_at, version, supervised_at, warned_at)
select md5('bench-case-' || x.g)::uuid::text,
       c.label || '：' || v.short_name || ' ' || x.g,
       '群众反映' || v.name || '附近' || c.label || '，已持续数日，请尽快处理。编号' || x.g,
       c.code,
       (array['APP','HOTLINE','GRID_WORKER','WALK_IN'])[1 + x.g % 4],
       x.state,
       case when x.open and x.deadline < now() at time zone 'UTC'
                 and x.state in ('REGISTERED','DISPATCHED','IN_HANDLING','RETURNED') then 'CITY'
            when x.r5 < 0.90 then 'VILLAGE' when x.r5 < 0.97 then 'TOWNSHIP' else 'COUNTY' end,
       v.code, null, null, null, null,
       'bench-resident-' || (x.g % 5000),
       case when x.state in ('REPORTED','REGISTERED','REJECTED') then null
            else 'bench-unit-' || substr(v.code, 1, 6) || '-' || (x.g % 8) end,
       x.deadline, null,
       case when x.state = 'CLOSED' and x.r5 < 0.5 then 3 + x.g % 3 end,
       x.reported,
       x.reported + (x.updated_share * (case when x.open then now() at time zone 'UTC' - x.reported else interval '5 days' end)),
       1 + x.g % 3,
       case when x.open and x.deadline < now() at time zone 'UTC' then x.deadline + interval '1 hour' end,
       case when x.open then x.deadline - interval '2 hours' end
from (
  select y.*,
         y.state not in ('CLOSED','VERIFIED','REJECTED') as open,
         case when y.state in ('CLOSED','VERIFIED','REJECTED')
              then now() at time zone 'UTC' - y.r3 * interval '730 days'
              else now() at time zone 'UTC' - y.r3 * interval '30 days' end as reported,
         case when y.state in ('CLOSED','VERIFIED','REJECTED')
              then now() at time zone 'UTC' - y.r3 * interval '730 days' + interval '3 days'
              else now() at time zone 'UTC' + (y.r4 * 10 - 1) * interval '1 day' end as deadline
  from (
    select g, r1, r3, r4, r5, random() as updated_share,
           case when r2 < 0.62 then 'CLOSED' when r2 < 0.66 then 'VERIFIED' when r2 < 0.69 then 'REJECTED'
                when r2 < 0.73 then 'REPORTED' when r2 < 0.76 then 'REGISTERED' when r2 < 0.84 then 'DISPATCHED'
                when r2 < 0.93 then 'IN_HANDLING' when r2 < 0.94 then 'EXTENSION_REQUESTED'
                when r2 < 0.95 then 'RETURNED' else 'HANDLED' end as state
    from (select g, random() r1, random() r2, random() r3, random() r4, random() r5
          from generate_series(:from::bigint, :to::bigint) g) z
  ) y
) x
join :"villages" v on v.idx = 1 + floor(x.r1 * (select count(*) from :"villages"))::int
join (values (0, 'street-light', '路灯故障'), (1, 'manhole', '井盖缺失破损'), (2, 'road-damage', '道路破损'),
             (3, 'sanitation', '环境卫生'), (4, 'illegal-building', '违章搭建'), (5, 'illegal-parking', '违法停车'),
             (6, 'noise', '噪声扰民'), (7, 'safety-hazard', '安全隐患'), (8, 'neighbour-dispute', '邻里纠纷'),
             (9, 'other', '其他')) as c(n, code, label) on c.n = x.g % 10;
analyze cg_case;
