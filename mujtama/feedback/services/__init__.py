"""Every write of citizen feedback: intake (web, API, SMS), classification and needs
on arrival, triage and replies, service levels, and the catalogue."""
