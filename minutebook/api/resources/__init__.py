"""One module per resource: its schemas (what a client sees) and its read endpoints."""
