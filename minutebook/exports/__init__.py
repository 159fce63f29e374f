"""Bulk exports of the public record: JSON Lines, CSV and Open Civic Data / Popolo JSON."""
