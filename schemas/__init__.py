"""The JSON Schemas of gitbook-lint, shipped as the package `linter.schemas` (data only)."""
