"""Keys and secrets: the vault's key file, key derivation, the OS keyring, roles, instance lock."""
