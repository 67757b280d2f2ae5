"""The app the checks' models belong to: a check defines its models in this module's name
(`harness.define_models`), so Django gives them the app label `checkapp`."""
