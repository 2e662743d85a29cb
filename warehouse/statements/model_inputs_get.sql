select fingerprint from model_inputs where model = $model;
