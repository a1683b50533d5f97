"""Constants of the test vaults: fast key derivation, the admin login, the centre."""

from __future__ import annotations

from kdrt_desk.security.crypto import KdfParams

FAST_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
ADMIN = "admin"
PASSWORD = "kata-sandi-uji-1"
CENTRE = "Pusat Pemberdayaan Perempuan Uji"
