"""The asyncio stream client: subscriptions, sharding, reconnects, health. Imports no Qt."""
