"""E-mail alerts without an account: double opt-in, digests, one-click unsubscribe."""
