"""Ingest: Chinese and English texts into a sourced draft case (dates, actors, CAMEO event types).

The pure engine reads text and returns :class:`~hexatable.ingest.types.DraftEvent` records; reading
files and writing the draft case folder are the only steps that touch the disk.

- :mod:`~hexatable.ingest.read`: a file (txt, md, html, docx, pdf) to a ``SourceDocument``;
- :mod:`~hexatable.ingest.segment`: sentences with offsets, lines and paragraphs;
- :mod:`~hexatable.ingest.dates`, :mod:`~hexatable.ingest.gazetteer`, :mod:`~hexatable.ingest.verbs`:
  what a sentence says (dates in context, actor names, CAMEO cues);
- :mod:`~hexatable.ingest.extract`: a document to an ``Extraction`` of draft events (pure);
- :mod:`~hexatable.ingest.draft`: extractions to a case folder, new or added to a case;
- :mod:`~hexatable.ingest.pipeline`: the batch glue the command line and the review page share.

The rules, a worked example and the measured quality: ``docs/ingest.md``.
"""
