"""zwgk (政务公开): audit government websites and new-media accounts like the inspectors do."""

__version__ = "0.1.0"
