"""A researcher's own agent for ``hexatable tournament``: steady concession toward the reserved value.

Run: hexatable tournament six-party-talks --agent docs/examples/my_agent.py:SteadyConceder --runs 20
"""

from __future__ import annotations

from negmas.sao import ResponseType, SAONegotiator


class SteadyConceder(SAONegotiator):
    """Demands its best utility at first and lowers the demand to its reserved value by the deadline:
    ``best - (best - floor) * t ** exponent`` at relative time ``t`` (above 1: slow at first)."""

    exponent = 2.0

    def on_negotiation_start(self, state):
        super().on_negotiation_start(state)
        scored = [(float(self.ufun(o)), o) for o in self.nmi.outcome_space.enumerate_or_sample()]
        self.ranked = sorted(scored, key=lambda pair: pair[0], reverse=True)  # best first
        reserved = self.ufun.reserved_value
        self.best, worst = self.ranked[0][0], self.ranked[-1][0]
        self.floor = max(worst, reserved) if reserved is not None else worst

    def demand(self, t):
        return self.best - (self.best - self.floor) * t**self.exponent

    def propose(self, state, dest=None):
        wanted = self.demand(state.relative_time)
        acceptable = [outcome for utility, outcome in self.ranked if utility >= wanted]
        return acceptable[-1] if acceptable else self.ranked[0][1]  # the least it still asks for

    def respond(self, state, source=None):
        offer = state.current_offer
        if offer is not None and self.ufun(offer) >= self.demand(state.relative_time):
            return ResponseType.ACCEPT_OFFER
        return ResponseType.REJECT_OFFER
