"""The browser fixtures live in tests/browser_fixtures.py (a plugin loaded by
tests/conftest.py), so every folder shares one chromium per session."""
