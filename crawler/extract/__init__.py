"""Page parsing as pure functions: bytes or a parsed tree in, data out."""
