# Empty on purpose: each check defines the models its question shows (harness.define_models).
