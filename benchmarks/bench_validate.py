"""Benchmark of ``validate`` (filled in below)."""
