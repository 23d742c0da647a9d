"""JSON Schema validation: the shipped schemas, and validation errors turned into findings.

`schemas` loads the schemas of the `schemas/` folder (shipped as the `linter.schemas` package)
and page-type schemas named in the configuration; `messages` turns jsonschema errors into
messages a documentation editor understands, in English and French, shared by every schema rule;
`proof` proves most instances valid without jsonschema, which then only explains errors.
"""
