"""Golden report files for the seed corpus; regenerate them with `make golden`."""
