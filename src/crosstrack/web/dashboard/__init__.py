"""The merchant dashboard: a server-rendered web app for a merchant's staff (docs/dashboard.md)."""
