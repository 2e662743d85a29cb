-- Health-rule thresholds, one row per source id; '*' holds the defaults every other source falls back to.
-- The build has no sources file, so it judges with the defaults below (they equal figurewire.health.HealthRules,
-- a test keeps them equal). `figurewire health` and the Airflow check replace this table, for their query only,
-- with the rules of the sources file ([health] table, per-source `health = {...}`), and judge at that moment.
-- A negative threshold switches its rule off; silenced = 1 keeps a source's verdict out of alerts.
select
    '*' as source_id,
    0.5::double as min_items_ratio,
    10::double as trailing_runs,
    0.25::double as max_error_ratio,
    0.2::double as max_parse_failure_ratio,
    0::double as max_timeouts,
    1::double as max_consecutive_failures,
    48::double as max_staleness_hours,
    24::double as max_unchanged_hours,
    0.5::double as min_yield_ratio,
    0::double as silenced
