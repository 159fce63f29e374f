"""Commitments tracker: follow-up links, their status, and clerk decisions on them (C4)."""
