"""The built-in rule kinds; importing this package registers them."""

from consistency.ruleset.kinds import agreement, dates, quantity

__all__ = ["agreement", "dates", "quantity"]
