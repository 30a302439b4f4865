"""Services (own state): the negotiation room."""
