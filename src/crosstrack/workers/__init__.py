"""Long-running loops (poller, later the dispatcher): thin shells over the services."""
