"""Calendars (iCalendar) of meetings and Atom feeds of new minutes, answers and commitments."""
