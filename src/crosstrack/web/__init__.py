"""The buyer's tracking page: server-rendered HTML in the buyer's language
(docs/tracking-page.md)."""
