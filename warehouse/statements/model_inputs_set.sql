insert or replace into model_inputs (model, fingerprint, built_at) values ($model, $fingerprint, now());
