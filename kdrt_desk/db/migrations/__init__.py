"""Alembic migrations, shipped inside the package so a frozen app finds them."""
