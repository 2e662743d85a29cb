-- Each outlet's health as the monitoring mart judged it at the last build (the `figurewire health`
-- verdict with the default thresholds): status, the rules that fired and why, last success and error.
select
    outlet,
    status,
    rules_fired,
    rule_details,
    silenced,
    runs,
    failed_runs,
    consecutive_failures,
    last_run_at,
    last_success_at,
    last_error_kind,
    last_error_message,
    judged_at
from mart_scrape_health
where level = 'outlet'
order by outlet
