"""The prose path, in one package: segments (what a reader reads, mapped to the source),
settings (the ``[prose]`` table), checking (units, the cache, offsets back, vocabulary) and
engines (Harper, LanguageTool)."""
