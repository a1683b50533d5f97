"""The encrypted database: engine creation, sessions and the Alembic migrations shipped inside."""
