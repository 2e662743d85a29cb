"""Item pipelines, one job per module, run in the order of ITEM_PIPELINES: validate, dedupe, stage, remember."""
