"""Every write about organizations, one module per concern."""
