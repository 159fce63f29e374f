"""Public questions before a deadline, and the clerks' queue to answer them (C7, C9)."""
