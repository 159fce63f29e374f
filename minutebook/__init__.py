"""minutebook: a council's meeting record, made searchable and accountable."""

__version__ = "0.1.0"
