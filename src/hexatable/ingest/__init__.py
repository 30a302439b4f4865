"""Ingest: Chinese and English texts into a sourced draft case (dates, actors, CAMEO event types).

The pure engine reads text and returns :class:`~hexatable.ingest.types.DraftEvent` records; reading
files and writing the draft case folder are the only steps that touch the disk.
"""
