"""Palembang's 18 kecamatan and a list of their kelurahan (used for validation and suggestions)."""

from __future__ import annotations

KELURAHAN_BY_KECAMATAN: dict[str, tuple[str, ...]] = {
    "Alang-Alang Lebar": ("Alang-Alang Lebar", "Karya Baru", "Srijaya", "Talang Kelapa"),
    "Bukit Kecil": ("19 Ilir", "22 Ilir", "23 Ilir", "24 Ilir", "26 Ilir", "Talang Semut"),
    "Gandus": ("Gandus", "Karang Anyar", "Karang Jaya", "Pulokerto", "36 Ilir"),
    "Ilir Barat I": (
        "Bukit Lama", "Bukit Baru", "Demang Lebar Daun", "Lorok Pakjo", "Siring Agung",
        "26 Ilir D.I",
    ),
    "Ilir Barat II": ("27 Ilir", "28 Ilir", "29 Ilir", "30 Ilir", "32 Ilir", "35 Ilir",
                      "Kemang Manis"),
    "Ilir Timur I": ("13 Ilir", "14 Ilir", "15 Ilir", "16 Ilir", "17 Ilir", "18 Ilir",
                     "Sungai Pangeran", "20 Ilir D.III", "20 Ilir D.IV"),
    "Ilir Timur II": ("1 Ilir", "2 Ilir", "3 Ilir", "5 Ilir", "8 Ilir", "9 Ilir", "10 Ilir",
                      "11 Ilir", "Kuto Batu", "Lawang Kidul"),
    "Ilir Timur III": ("Duku", "Kepandean Baru", "20 Ilir D.I", "Sungai Buah", "Lemabang"),
    "Jakabaring": ("15 Ulu", "Silaberanti", "Tuan Kentang", "8 Ulu"),
    "Kalidoni": ("Kalidoni", "Bukit Sangkal", "Sei Selincah", "Sei Selayur", "Sei Lais"),
    "Kemuning": ("Ario Kemuning", "Talang Aman", "20 Ilir D.II", "Pahlawan", "Pipa Reja",
                 "Sekip Jaya"),
    "Kertapati": ("Kertapati", "Karya Jaya", "Kemas Rindo", "Kemang Agung", "Ogan Baru",
                  "Keramasan"),
    "Plaju": ("Plaju Ulu", "Plaju Ilir", "Plaju Darat", "Bagus Kuning", "Talang Bubuk",
              "Talang Putri", "Komperta"),
    "Sako": ("Sako", "Sako Baru", "Sialang", "Lebong Gajah"),
    "Seberang Ulu I": ("1 Ulu", "2 Ulu", "3-4 Ulu", "5 Ulu", "7 Ulu"),
    "Seberang Ulu II": ("9-10 Ulu", "11 Ulu", "12 Ulu", "13 Ulu", "14 Ulu", "16 Ulu", "Sentosa",
                        "Tangga Takat"),
    "Sematang Borang": ("Karya Mulya", "Lebung Gajah", "Srimulya", "Sukamulya"),
    "Sukarami": ("Sukarami", "Sukabangun", "Sukajaya", "Kebun Bunga", "Talang Betutu",
                 "Talang Jambe"),
}

KECAMATAN: tuple[str, ...] = tuple(KELURAHAN_BY_KECAMATAN)

PALEMBANG_REGION_CODE = "1671"
