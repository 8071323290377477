"""Pure ``str -> value`` helpers for Arabic text. Nothing here imports spaCy."""
