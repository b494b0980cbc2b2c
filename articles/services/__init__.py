"""The workflows: the only code that writes to the database (docs/ARCHITECTURE.md).
One module per workflow; callers import the module they need."""
