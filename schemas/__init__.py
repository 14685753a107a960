"""JSON Schemas shipped with contentlint: the config schema and ready-made front matter schemas."""
