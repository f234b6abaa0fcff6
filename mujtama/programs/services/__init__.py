"""Every write about programs, calls, applications and reviews."""
