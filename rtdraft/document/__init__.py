"""The document model: what every writer and lint read, with the inline markup parsed once."""
