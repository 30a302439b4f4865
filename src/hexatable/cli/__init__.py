"""Command-line interface (interfaces layer)."""
