"""Invitations: a participant's secure link (a 256-bit secret, only its hash stored), its status, and the
scheduled re-screen invitations the worker sends by itself."""
