"""The Indonesian kriya families and their crafts, seeded into every installation.

(slug, Indonesian name, English name, [(slug, Indonesian name, English name), ...])
"""

TAXONOMY = [
    (
        "tenun",
        "Tenun",
        "Woven textiles",
        [
            ("endek", "Endek", "Endek (Balinese ikat)"),
            ("songket", "Songket", "Songket"),
            ("tenun-ikat", "Tenun ikat", "Ikat weaving"),
            ("ulos", "Ulos", "Ulos"),
            ("tapis", "Tapis", "Tapis"),
            ("gringsing", "Gringsing", "Gringsing double ikat"),
        ],
    ),
    (
        "batik",
        "Batik",
        "Batik",
        [
            ("batik-tulis", "Batik tulis", "Hand-drawn batik"),
            ("batik-cap", "Batik cap", "Stamped batik"),
            ("batik-kombinasi", "Batik kombinasi", "Combined batik"),
        ],
    ),
    (
        "anyaman",
        "Anyaman",
        "Plaiting and basketry",
        [
            ("anyaman-bambu", "Anyaman bambu", "Bamboo plaiting"),
            ("anyaman-pandan", "Anyaman pandan", "Pandanus plaiting"),
            ("anyaman-rotan", "Anyaman rotan", "Rattan"),
            ("anyaman-ate", "Anyaman ate", "Ate grass"),
            ("anyaman-lontar", "Anyaman lontar", "Lontar palm"),
        ],
    ),
    (
        "kayu",
        "Ukir dan patung kayu",
        "Wood carving and sculpture",
        [
            ("ukir-kayu", "Ukir kayu", "Wood carving"),
            ("patung-kayu", "Patung kayu", "Wooden sculpture"),
            ("topeng", "Topeng", "Masks"),
            ("mebel-ukir", "Mebel ukir", "Carved furniture"),
        ],
    ),
    (
        "logam",
        "Logam dan perhiasan",
        "Metal and jewellery",
        [
            ("perak", "Perak", "Silver"),
            ("emas", "Emas", "Gold"),
            ("kuningan", "Kuningan dan perunggu", "Brass and bronze"),
            ("keris", "Keris dan pandai besi", "Keris and blacksmithing"),
        ],
    ),
    (
        "gerabah",
        "Gerabah dan keramik",
        "Pottery and ceramics",
        [
            ("gerabah-tanah-liat", "Gerabah", "Earthenware"),
            ("keramik", "Keramik", "Ceramics"),
            ("terakota", "Terakota", "Terracotta"),
        ],
    ),
    (
        "bambu",
        "Kerajinan bambu",
        "Bamboo craft",
        [
            ("bambu-mebel", "Mebel bambu", "Bamboo furniture"),
            ("bambu-dekorasi", "Dekorasi bambu", "Bamboo decoration"),
        ],
    ),
    (
        "kulit",
        "Kulit",
        "Leather",
        [
            ("wayang-kulit", "Wayang kulit", "Shadow puppets"),
            ("tas-kulit", "Tas dan sepatu kulit", "Leather bags and shoes"),
        ],
    ),
    (
        "payung",
        "Payung",
        "Umbrellas",
        [
            ("payung-upacara", "Payung upacara", "Ceremonial umbrellas (tedung)"),
            ("payung-kertas", "Payung kertas", "Paper umbrellas"),
        ],
    ),
    (
        "alat-musik",
        "Alat musik",
        "Musical instruments",
        [
            ("kendang", "Kendang", "Kendang drums"),
            ("gamelan", "Gamelan", "Gamelan"),
            ("angklung", "Angklung", "Angklung"),
            ("sasando", "Sasando", "Sasando"),
        ],
    ),
    (
        "mainan",
        "Mainan dan permainan",
        "Toys and games",
        [
            ("catur", "Catur", "Chess sets"),
            ("mainan-kayu", "Mainan kayu", "Wooden toys"),
        ],
    ),
    (
        "batu",
        "Batu dan ukir batu",
        "Stone carving",
        [
            ("ukir-batu", "Ukir batu paras", "Paras stone carving"),
        ],
    ),
    (
        "serat",
        "Serat alam dan rajut",
        "Natural fibres and knitting",
        [
            ("rajut", "Rajut dan sulam", "Knitting and embroidery"),
            ("serat-alam", "Serat alam", "Natural fibres"),
        ],
    ),
    (
        "kertas-lukis",
        "Lukisan dan kertas",
        "Painting and paper",
        [
            ("lukisan", "Lukisan", "Painting"),
            ("kaligrafi", "Kaligrafi", "Calligraphy"),
            ("lontar-prasi", "Prasi lontar", "Prasi (lontar drawing)"),
        ],
    ),
    (
        "upacara",
        "Sarana upacara",
        "Ceremonial goods",
        [
            ("sesajen", "Perlengkapan upacara", "Offering craft"),
            ("janur", "Janur", "Palm-leaf decoration"),
        ],
    ),
]


def seed(model) -> int:
    """Create the taxonomy's missing rows; returns how many. ``model`` is CraftCategory (or
    its historical version inside a migration)."""
    created = 0
    for order, (slug, name, name_en, children) in enumerate(TAXONOMY):
        family, made = model.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "order": order}
        )
        created += made
        for child_order, (child_slug, child_name, child_en) in enumerate(children):
            _child, made = model.objects.get_or_create(
                slug=child_slug,
                defaults={
                    "name": child_name,
                    "name_en": child_en,
                    "parent": family,
                    "order": child_order,
                },
            )
            created += made
    return created
