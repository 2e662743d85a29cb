select batch, fingerprint from loaded_batches;
