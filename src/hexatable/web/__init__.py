"""Web interface (FastAPI): the JSON API, the negotiation room and the case explorer."""
