-- What each Python model (the grouping step) was last built from: a fingerprint of its input tables.
-- A build whose inputs are unchanged (a run that found nothing new) keeps the model as it is instead of
-- recomputing every group from scratch.
create table model_inputs (
    model varchar primary key,
    fingerprint varchar not null,
    built_at timestamptz not null
);
