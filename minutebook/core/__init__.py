"""Pure-Python core: source readers, extractor, linker. No Django imports allowed here.

Keeping this package framework-free lets the same code run from the CLI, in task-queue
workers and in benchmarks; ``tests/core/test_purity.py`` enforces it.
"""
