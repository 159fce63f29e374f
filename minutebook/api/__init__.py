"""The read-only open-data API under /api/v1/ (django-ninja; see docs/API.md)."""
