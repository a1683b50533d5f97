"""Word lists for synthetic demo data: names, occupations and places common around Palembang."""

from __future__ import annotations

# Women's given names common in South Sumatra / Palembang (Malay, Javanese, Arabic origins).
WOMEN_GIVEN_NAMES: tuple[str, ...] = (
    "Siti", "Nurhayati", "Dewi", "Rini", "Yuliana", "Eka", "Fitri", "Rahmawati", "Sri", "Wulan",
    "Ayu", "Intan", "Maya", "Lestari", "Kartini", "Herlina", "Yusnita", "Desi", "Novita", "Mega",
    "Sari", "Rosmalina", "Aminah", "Aisyah", "Fatimah", "Khadijah", "Zubaidah", "Rohani",
    "Rosidah", "Maimunah", "Halimah", "Salmah", "Zaleha", "Masitoh", "Nurjanah", "Nurul",
    "Nurlela", "Nuraini", "Rusmini", "Sumarni", "Suryani", "Sulastri", "Susilawati", "Suhartini",
    "Sumiati", "Sunarti", "Supriyati", "Tuti", "Yanti", "Yati", "Yeni", "Yuni", "Yulia",
    "Yusnani", "Erna", "Ernawati", "Elly", "Emi", "Endang", "Evi", "Fauziah", "Fitriani",
    "Hasanah", "Hartini", "Hendriyani", "Heni", "Ida", "Indah", "Irma", "Juwita", "Kurniawati",
    "Lely", "Lina", "Linda", "Lisnawati", "Marlina", "Mardiana", "Mariana", "Meli", "Mira",
    "Misnawati", "Murni", "Nia", "Nina", "Nining", "Novi", "Nova", "Puspita", "Putri", "Ratna",
    "Ratih", "Reni", "Riska", "Rita", "Rosita", "Rosmiati", "Rukiah", "Saodah", "Sartika",
    "Septiani", "Sofia", "Sukma", "Suwarni", "Syarifah", "Titin", "Tri", "Umi", "Wahyuni",
    "Wati", "Widya", "Winda", "Yunita", "Zuraida", "Zainab", "Anita", "Ani", "Ana", "Asmah",
    "Dian", "Dina", "Dwi", "Elvira", "Febri", "Fira", "Ira", "Jamilah", "Kiki", "Lia",
    "Melati", "Mutiara", "Nabila", "Rahma", "Ramadhani", "Safitri", "Selvi", "Tika", "Vera",
    "Wina", "Yenny", "Rukmini", "Cahaya", "Kemala", "Laila", "Hidayah", "Rofiah", "Sumiyati",
)

# Second/family names: Malay and Palembang names, Batak clan names of Sumatran migrants,
# and the Javanese-style second names that many women in Palembang carry.
FAMILY_NAMES: tuple[str, ...] = (
    "Ayu", "Zainab", "Lubis", "Harahap", "Siregar", "Saputri", "Lestari", "Wulandari",
    "Anggraini", "Oktaviani", "Permata", "Rahayu", "Handayani", "Nasution", "Hasibuan",
    "Pohan", "Daulay", "Tanjung", "Sinaga", "Simanjuntak", "Purnamasari", "Puspitasari",
    "Kusumawati", "Setiawati", "Susanti", "Yulianti", "Rahmadani", "Novianti", "Ramadhani",
    "Safitri", "Maharani", "Pertiwi", "Indriani", "Utami", "Astuti", "Wahyuni", "Hidayati",
    "Maulida", "Fitriani", "Febriyanti", "Agustina", "Septiani", "Oktarina", "Novitasari",
    "Dewanti", "Kurniasih", "Marlina", "Aryani", "Yusuf", "Hasan", "Ibrahim", "Ismail",
    "Abdullah", "Husin", "Syarif", "Alamsyah", "Azhari", "Mahmud", "Rosyid", "Hamzah",
    "Kamaruddin", "Zulkarnain", "Fadillah", "Nurjanah", "Amelia", "Apriani", "Damayanti",
    "Fransiska", "Gustini", "Herawati", "Irawati", "Juliani", "Karlina", "Lismawati",
    "Melinda", "Nirmala", "Pratiwi", "Rosalina", "Sulistyowati", "Triana", "Wardani",
    "Yuliarti", "Zuriati", "Martini", "Setiani", "Aprilia", "Mawarni", "Suryani",
)

# Palembang aristocratic title for women, used in front of the given name.
ARISTOCRATIC_PREFIX = "Nyimas"
# Palembang honorific for an elder sister / respected woman, used with a short name.
HONORIFIC_CEK = "Cek"

# Short names people are called by.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "Yuliana": ("Yuli", "Ana"), "Nurhayati": ("Nur", "Yati"), "Rahmawati": ("Rahma", "Wati"),
    "Novita": ("Vita", "Novi"), "Herlina": ("Lina", "Erlin"), "Kartini": ("Tini",),
    "Rosmalina": ("Ros", "Lina"), "Yusnita": ("Nita", "Yus"), "Fitriani": ("Fitri", "Ani"),
    "Kurniawati": ("Nia", "Wati"), "Susilawati": ("Susi",), "Sulastri": ("Lastri", "Tri"),
    "Suhartini": ("Tini", "Har"), "Sumiati": ("Sumi", "Mia"), "Ernawati": ("Erna", "Wati"),
    "Lisnawati": ("Lisna", "Lis"), "Misnawati": ("Misna", "Wati"), "Marlina": ("Lina", "Mar"),
    "Mardiana": ("Diana", "Dian"), "Mariana": ("Ana", "Mar"), "Rosidah": ("Ros", "Idah"),
    "Maimunah": ("Mun", "Munah"), "Halimah": ("Ima", "Lim"), "Nurjanah": ("Nur", "Jannah"),
    "Nuraini": ("Nur", "Aini"), "Nurlela": ("Lela",), "Rusmini": ("Mini", "Rus"),
    "Sumarni": ("Marni",), "Suryani": ("Yani", "Sur"), "Supriyati": ("Yati", "Upik"),
    "Hendriyani": ("Yani", "Hen"), "Septiani": ("Septi", "Ani"), "Zubaidah": ("Idah", "Bai"),
    "Fatimah": ("Ima", "Fat"), "Khadijah": ("Ijah", "Dijah"), "Aisyah": ("Isah", "Aca"),
    "Aminah": ("Minah", "Ami"), "Rosmiati": ("Ros", "Mia"), "Juwita": ("Wita",),
    "Ramadhani": ("Dhani", "Rama"), "Safitri": ("Fitri", "Pipit"), "Yunita": ("Nita", "Yuni"),
    "Zuraida": ("Ida", "Zura"), "Wahyuni": ("Yuni", "Ayu"), "Hasanah": ("Hasna", "Ana"),
    "Puspita": ("Pita", "Puput"), "Sartika": ("Tika",), "Syarifah": ("Ipah", "Ifah"),
    "Saodah": ("Odah",), "Rukiah": ("Kiah", "Uki"), "Masitoh": ("Itoh", "Sitoh"),
    "Lestari": ("Tari", "Les"), "Intan": ("Tan",), "Rahma": ("Ama",), "Dewi": ("Wiwi",),
    "Sari": ("Sasa",), "Herawati": ("Hera", "Wati"), "Febri": ("Ebi",), "Melati": ("Mela",),
}

# Men's names for trusted contacts (brothers, uncles, fathers); "Kms."/"Mgs." are Palembang
# titles (Kemas, Masagus).
MEN_GIVEN_NAMES: tuple[str, ...] = (
    "Ahmad", "Muhammad", "Rahmat", "Andi", "Budi", "Hendra", "Rudi", "Agus", "Dedi", "Joko",
    "Fauzi", "Irwan", "Zulkifli", "Syahrial", "Darmawan", "Hasan", "Husin", "Ismail", "Yusuf",
    "Ridwan", "Rizal", "Roni", "Sofyan", "Taufik", "Wahyu", "Yanto", "Zainal", "Arif", "Bambang",
    "Edi", "Firdaus", "Hendri", "Iwan", "Jamal", "Kurniawan", "Mansyur", "Nasrul", "Rusli",
    "Salim", "Syamsul", "Umar", "Anwar", "Effendi", "Herman", "Junaidi",
)
MEN_FAMILY_NAMES: tuple[str, ...] = (
    "Saputra", "Hidayat", "Pratama", "Setiawan", "Gunawan", "Wijaya", "Kurniawan", "Syahputra",
    "Nasution", "Lubis", "Siregar", "Harahap", "Hasibuan", "Ramadhan", "Firmansyah", "Alamsyah",
    "Zulkarnain", "Husin", "Ibrahim", "Mahmud", "Abdullah", "Hamzah",
)
MEN_TITLES: tuple[str, ...] = ("Kms.", "Mgs.")

# How a trusted contact relates to her, as written after the name: (relation, male?).
TRUSTED_RELATIONS: tuple[tuple[str, bool], ...] = (
    ("ibu kandung", False), ("kakak perempuan", False), ("adik perempuan", False),
    ("kakak laki-laki", True), ("adik laki-laki", True), ("paman", True), ("bibi", False),
    ("ayah", True), ("tetangga", False), ("teman pengajian", False), ("sepupu", False),
    ("teman di pasar", False),
)

# Informal-sector occupations with a typical monthly income range in Rupiah (low, high).
OCCUPATIONS: tuple[tuple[str, int, int], ...] = (
    ("Pedagang di Pasar 16 Ilir", 800_000, 3_500_000),
    ("Pedagang sayur di Pasar Lemabang", 700_000, 2_500_000),
    ("Pedagang ikan di Pasar Kertapati", 800_000, 3_000_000),
    ("Pedagang kelontong", 600_000, 3_000_000),
    ("Buruh cuci", 400_000, 1_500_000),
    ("Penjahit rumahan", 500_000, 2_500_000),
    ("Ibu rumah tangga", 0, 0),
    ("Penjual pempek", 700_000, 3_500_000),
    ("Penjual kue", 400_000, 2_000_000),
    ("Penjual gorengan", 400_000, 1_800_000),
    ("Penjual makanan keliling", 500_000, 2_000_000),
    ("Pekerja salon", 900_000, 2_800_000),
    ("Asisten rumah tangga", 800_000, 2_500_000),
    ("Karyawan toko", 1_500_000, 3_500_000),
    ("Ojek online", 1_000_000, 3_500_000),
    ("Pengrajin songket", 800_000, 4_000_000),
    ("Pengrajin kain jumputan", 600_000, 3_000_000),
    ("Buruh pabrik", 2_000_000, 3_700_000),
    ("Buruh harian lepas", 500_000, 2_000_000),
    ("Pelayan rumah makan", 1_000_000, 2_500_000),
    ("Guru honorer", 500_000, 2_000_000),
    ("Kader posyandu", 200_000, 800_000),
    ("Tukang pijat", 400_000, 1_500_000),
    ("Tidak bekerja", 0, 0),
)
NO_INCOME_OCCUPATIONS = frozenset({"Ibu rumah tangga", "Tidak bekerja"})

# Birth places with weights: mostly Palembang, then South Sumatra and neighbouring provinces.
BIRTH_PLACES: tuple[tuple[str, int], ...] = (
    ("Palembang", 600), ("Prabumulih", 35), ("Lahat", 30), ("Baturaja", 30),
    ("Kayu Agung", 35), ("Sekayu", 30), ("Lubuklinggau", 25), ("Muara Enim", 30),
    ("Pagar Alam", 15), ("Banyuasin", 30), ("Indralaya", 25), ("Martapura", 10),
    ("Tanjung Enim", 10), ("Jambi", 25), ("Bengkulu", 15), ("Lampung", 20), ("Bangka", 15),
    ("Padang", 10), ("Medan", 8), ("Jakarta", 7), ("Jawa Tengah", 5),
)

# Region codes (first six NIK digits) that go with a birth place outside Palembang.
REGION_BY_BIRTH_PLACE: dict[str, tuple[str, ...]] = {
    "Prabumulih": ("167201", "167202"), "Lahat": ("160401", "160402"),
    "Baturaja": ("160101", "160102"), "Kayu Agung": ("160201", "160202"),
    "Sekayu": ("160601", "160602"), "Lubuklinggau": ("167401", "167402"),
    "Muara Enim": ("160301", "160302"), "Pagar Alam": ("167301", "167302"),
    "Banyuasin": ("160701", "160702"), "Indralaya": ("161001", "161002"),
    "Martapura": ("160801", "160802"), "Tanjung Enim": ("160303",), "Jambi": ("157101", "157102"),
    "Bengkulu": ("177101", "177102"), "Lampung": ("187101", "187102"),
    "Bangka": ("190101", "190102"), "Padang": ("137101",), "Medan": ("127101",),
    "Jakarta": ("317101", "317401"), "Jawa Tengah": ("337401",),
}

# Free-text referral sources used with ReferralSource.OTHER.
REFERRAL_OTHER: tuple[str, ...] = (
    "Ketua RT", "Majelis taklim", "Guru sekolah anak", "Teman di pasar", "Dinas Sosial",
    "Media sosial", "Pengurus masjid", "Kader PKK", "Lurah", "Bidan desa",
)

# Short synthetic safety notes (never about a real case).
SAFETY_NOTES: tuple[str, ...] = (
    "Jangan menelepon setelah pukul 17.00, suami sudah di rumah.",
    "Suami sering memeriksa ponselnya; pesan jangan menyebut nama program.",
    "Tidak boleh dikunjungi di rumah.",
    "Hubungi lewat kakaknya bila ada jadwal baru.",
    "Ada perintah perlindungan sementara dari pengadilan.",
    "Anak sulung mengetahui keikutsertaannya dalam program.",
    "Lebih aman bertemu di pasar daripada di rumah.",
    "Mantan suami pernah datang ke tempat kerjanya.",
    "Sedang tinggal sementara di rumah orang tua.",
    "Gunakan nama panggilan saja bila menelepon.",
    "Jangan kirim surat ke alamat rumah.",
    "Keluarga suami tinggal di sebelah rumah.",
    "Perlu pendampingan saat ke kantor polisi.",
    "Nomor ponsel bisa berganti sewaktu-waktu.",
)

SAFE_CALL_DAYS: tuple[str, ...] = (
    "Senin–Jumat", "Senin–Sabtu", "Setiap hari", "Selasa dan Kamis", "Senin, Rabu, Jumat",
)
SAFE_CALL_HOURS: tuple[str, ...] = (
    "08.00–10.00", "09.00–11.00", "10.00–12.00", "13.00–15.00", "14.00–16.00",
    "setelah salat Zuhur", "pagi sebelum 10.00",
)
SAFE_CALL_REASONS_WITH_ABUSER: tuple[str, ...] = (
    "saat suami bekerja", "saat suami di luar rumah", "saat suami narik ojek",
    "saat anak-anak sekolah", "saat suami ke pasar", "",
)
SAFE_CALL_REASONS_OTHER: tuple[str, ...] = (
    "di luar jam berdagang", "saat istirahat kerja", "saat anak tidur siang", "",
)
