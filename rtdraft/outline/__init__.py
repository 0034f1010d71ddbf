"""The outline: YAML text -> valid, normalised data, every value with its line and column."""
