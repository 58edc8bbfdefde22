"""check-consistency: find where news articles contradict or corroborate each other."""

__version__ = "0.1.0"
