"""Renderers: one module per output format, all walking the same model."""
