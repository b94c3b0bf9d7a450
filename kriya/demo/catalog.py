"""Demo catalog: products of about 60 Badung businesses and 15 of Gianyar's, by craft, with a
picture drawn for each (no downloads), a few waiting for approval, and the demo artisan
login ``badung.perajin`` linked to her own business and products for the artisan portal.

Invented but believable: names, prices in rupiah and materials follow each craft. Built
through the catalog services, as the secretariat would; a fixed seed gives the same catalog
every time, and a council that already has products is left as it is.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image, ImageDraw, ImageFont

from kriya.accounts.models import User
from kriya.catalog import services
from kriya.catalog.models import Product, ProductPhoto
from kriya.regions.models import Council, Village
from kriya.registry.models import Artisan, Business, CraftCategory


@dataclass(frozen=True)
class Craft:
    """What one craft's products look like: motif and colours of the picture, the products
    (Indonesian name, English name, price in thousands of rupiah), materials and words."""

    motif: str
    colors: tuple[str, str, str]
    items: tuple[tuple[str, str, int], ...]
    materials: str
    local: bool
    origin: str
    technique: str
    description: str
    description_en: str
    story: str


CRAFTS: dict[str, Craft] = {
    "endek": Craft(
        "stripes",
        ("#7b1e3a", "#e8b04a", "#1f4e79"),
        (
            ("Kain Endek Cepuk Merah", "Red cepuk endek cloth", 1250),
            ("Kain Endek Motif Patra", "Endek cloth, patra motif", 850),
            ("Kain Endek Sutra Mastuli", "Mastuli silk endek cloth", 2400),
            ("Selendang Endek", "Endek shawl", 275),
            ("Kemeja Endek Pria", "Men's endek shirt", 450),
            ("Kain Endek Rangrang", "Rangrang endek cloth", 1600),
        ),
        "benang katun, pewarna alam",
        True,
        "Benang dan pewarna dari Bali",
        "tenun ikat pakan dengan alat tenun bukan mesin (ATBM)",
        "Ditenun tangan di {village} dengan ATBM; motif diikat dan dicelup helai demi helai "
        "sebelum ditenun. Ukuran kain sekitar 100 × 225 cm.",
        "Hand-woven in {village} on a wooden loom; the weft is tied and dyed before weaving.",
        "{owner} belajar menenun dari ibunya dan kini mempekerjakan {workers} penenun dari "
        "banjar sekitar. Satu kain endek selesai dalam dua sampai tiga minggu.",
    ),
    "songket": Craft(
        "stripes",
        ("#4a1942", "#d4a017", "#8e2c48"),
        (
            ("Kain Songket Benang Emas", "Gold-thread songket", 3500),
            ("Selendang Songket", "Songket shawl", 650),
            ("Saput Songket Upacara", "Ceremonial songket waistcloth", 1800),
        ),
        "benang sutra, benang emas",
        False,
        "Benang emas dari Jawa",
        "tenun songket, benang tambahan dicukit",
        "Songket tenun tangan dengan benang emas yang dicukit satu per satu; dipakai untuk "
        "upacara adat dan pernikahan.",
        "Hand-woven songket with supplementary gold thread, worn for ceremonies and weddings.",
        "Usaha {business} dirintis tahun {year}; motifnya diwariskan turun-temurun.",
    ),
    "payung-upacara": Craft(
        "umbrella",
        ("#b22222", "#f2c14e", "#ffffff"),
        (
            ("Tedung Prada Kuning", "Gilded yellow ceremonial umbrella (tedung)", 850),
            ("Tedung Putih Pura", "White temple umbrella", 650),
            ("Payung Pagoda Tumpang Tiga", "Three-tier pagoda umbrella", 1500),
            ("Tedung Poleng", "Black-and-white poleng umbrella", 750),
            ("Payung Hias Mini", "Small decorative umbrella", 125),
        ),
        "bambu, kain, prada",
        True,
        "Bambu dari Badung",
        "rangka bambu dijahit tangan, prada",
        "Payung upacara (tedung) dengan rangka bambu dan kain berhias prada, tinggi tiang "
        "sekitar 3 meter; dipesan untuk pura, odalan dan hotel.",
        "Ceremonial umbrella with a bamboo frame and gilded cloth, for temples and hotels.",
        "{owner} dan {workers} pekerjanya di {village} menyiapkan tedung untuk odalan di "
        "seluruh Bali; menjelang Galungan pesanan bisa tiga kali lipat.",
    ),
    "ukir-kayu": Craft(
        "carving",
        ("#6b4226", "#c68642", "#f3e0c0"),
        (
            ("Patung Garuda Kayu Suar", "Suar wood Garuda statue", 2250),
            ("Panel Ukir Patra Punggel", "Carved patra punggel panel", 1350),
            ("Bingkai Cermin Ukir", "Carved mirror frame", 750),
            ("Patung Dewi Sri", "Dewi Sri statue", 950),
            ("Kotak Perhiasan Ukir", "Carved jewellery box", 185),
            ("Pintu Ukir Gebyok Mini", "Small carved door panel", 3800),
        ),
        "kayu suar, kayu jempinis",
        True,
        "Kayu dari Tabanan dan Jembrana",
        "ukir tangan dengan pahat, finishing minyak alami",
        "Diukir tangan di {village} dari kayu pilihan, diselesaikan dengan minyak alami tanpa cat.",
        "Hand-carved in {village} from selected wood, finished with natural oil.",
        "{owner} mulai mengukir sejak remaja; di bengkelnya di {village} kini bekerja "
        "{workers} pengukir muda.",
    ),
    "topeng": Craft(
        "carving",
        ("#8b0000", "#f5deb3", "#daa520"),
        (
            ("Topeng Barong Ket", "Barong Ket mask", 1750),
            ("Topeng Sidakarya", "Sidakarya mask", 900),
            ("Topeng Rangda", "Rangda mask", 1500),
            ("Topeng Hias Dinding", "Wall mask", 225),
        ),
        "kayu pule, cat prada",
        True,
        "Kayu pule dari Bali",
        "ukir dan cat tangan",
        "Topeng dari kayu pule yang ringan, dicat berlapis-lapis dengan tangan; dapat "
        "dipakai menari atau dipajang.",
        "A mask of light pule wood, painted by hand in many layers; to dance or display.",
        "Topeng di {business} dipakai penari di banyak desa; setiap topeng diupacarai "
        "sebelum dipakai menari.",
    ),
    "mainan-kayu": Craft(
        "carving",
        ("#2e8b57", "#ffd166", "#ef476f"),
        (
            ("Mobil-mobilan Kayu", "Wooden toy car", 85),
            ("Puzzle Kayu Hewan", "Wooden animal puzzle", 65),
            ("Kuda Goyang Kayu", "Wooden rocking horse", 450),
        ),
        "kayu albesia, cat air aman anak",
        True,
        "Kayu dari Bali",
        "potong, amplas, cat tangan",
        "Mainan kayu yang diamplas halus dan dicat dengan cat aman untuk anak.",
        "Wooden toys, sanded smooth and painted with child-safe paint.",
        "{business} membuat mainan untuk toko dan sekolah; sisa kayu bengkel ukir dipakai lagi.",
    ),
    "ukir-batu": Craft(
        "carving",
        ("#8a8d7a", "#d9d4c5", "#5b5e4e"),
        (
            ("Patung Ganesha Batu Paras", "Paras stone Ganesha", 1850),
            ("Relief Batu Paras Taman", "Paras stone garden relief", 2600),
            ("Lampu Taman Batu Paras", "Paras stone garden lamp", 950),
        ),
        "batu paras",
        True,
        "Batu paras dari Gianyar dan Tabanan",
        "pahat tangan",
        "Dipahat tangan dari batu paras; cocok untuk taman, pura keluarga dan hotel.",
        "Hand-chiselled paras stone, for gardens, family temples and hotels.",
        "Bengkel {business} di {village} sudah memahat batu paras sejak {year}.",
    ),
    "perak": Craft(
        "rings",
        ("#2f3e46", "#cad2c5", "#84a98c"),
        (
            ("Cincin Perak Motif Jawan", "Silver ring, jawan motif", 350),
            ("Kalung Perak Granulasi", "Granulated silver necklace", 1250),
            ("Anting Perak Bunga Jepun", "Frangipani silver earrings", 275),
            ("Gelang Perak Ukir", "Engraved silver bracelet", 650),
            ("Bros Perak Barong", "Barong silver brooch", 450),
        ),
        "perak 925",
        False,
        "Perak dari pemasok di Surabaya",
        "granulasi dan ukir tangan",
        "Perhiasan perak 925 buatan tangan dengan teknik granulasi khas Bali.",
        "Handmade 925 silver jewellery in the Balinese granulation technique.",
        "{owner} belajar dari pandai perak Celuk lalu membuka usaha sendiri tahun {year}.",
    ),
    "anyaman-bambu": Craft(
        "weave",
        ("#c9a227", "#7f5a12", "#f4e3b2"),
        (
            ("Sokasi Bambu Hias", "Decorated bamboo basket (sokasi)", 175),
            ("Keranjang Bambu Serbaguna", "Bamboo basket", 95),
            ("Tudung Saji Bambu", "Bamboo food cover", 65),
            ("Kap Lampu Anyaman Bambu", "Woven bamboo lamp shade", 225),
        ),
        "bambu tali",
        True,
        "Bambu dari kebun sendiri",
        "anyam tangan, dicat dan dipernis",
        "Dianyam tangan dari bambu tali yang dibelah tipis; kuat dan ringan.",
        "Hand-plaited from thin strips of bamboo; light and strong.",
        "Ibu-ibu di {village} menganyam di sela pekerjaan rumah; {business} menampung dan "
        "menjual hasilnya.",
    ),
    "anyaman-ate": Craft(
        "weave",
        ("#8b5a2b", "#deb887", "#3e2723"),
        (
            ("Tas Ate Bulat", "Round ate-grass bag", 325),
            ("Tas Ate Tangan Kulit", "Ate bag with leather handles", 475),
            ("Tatakan Gelas Ate", "Ate coasters (set of 6)", 85),
        ),
        "rumput ate, kulit",
        True,
        "Ate dari Karangasem",
        "anyam tangan, diasap",
        "Tas anyaman ate yang diasap agar awet dan berwarna cokelat madu.",
        "Plaited ate-grass bags, smoked for colour and durability.",
        "Satu tas bulat dianyam sekitar seminggu oleh perajin {business}.",
    ),
    "anyaman-pandan": Craft(
        "weave",
        ("#556b2f", "#e9dfb4", "#a0522d"),
        (
            ("Tikar Pandan", "Pandanus mat", 150),
            ("Tas Pandan Motif", "Patterned pandanus bag", 125),
            ("Dompet Pandan", "Pandanus purse", 45),
        ),
        "daun pandan",
        True,
        "Pandan dari pesisir Badung",
        "anyam tangan, pewarna alam",
        "Anyaman daun pandan yang dijemur dan diwarnai dengan pewarna alam.",
        "Plaited pandanus leaves, sun-dried and naturally dyed.",
        "{owner} mengajak tetangganya menganyam pandan sejak {year}.",
    ),
    "kendang": Craft(
        "drum",
        ("#5d4037", "#d7ccc8", "#bf360c"),
        (
            ("Kendang Lanang", "Kendang drum (lanang)", 2750),
            ("Kendang Wadon", "Kendang drum (wadon)", 2900),
            ("Kendang Mini Suvenir", "Small souvenir kendang", 250),
        ),
        "kayu nangka, kulit sapi",
        True,
        "Kayu nangka dari Bali",
        "bubut dan ikat tangan",
        "Kendang dari kayu nangka dengan kulit sapi, disetel untuk gamelan.",
        "Jackfruit-wood drum with cowhide heads, tuned for gamelan.",
        "Kendang {business} dipakai sekaa gong di banyak banjar.",
    ),
    "gerabah-tanah-liat": Craft(
        "pot",
        ("#a0522d", "#f4a460", "#fff5e6"),
        (
            ("Jambangan Gerabah", "Earthenware vase", 175),
            ("Pot Tanah Liat Ukir", "Carved clay pot", 95),
            ("Pasepan Gerabah", "Earthenware incense burner", 45),
        ),
        "tanah liat",
        True,
        "Tanah liat setempat",
        "putar tangan, bakar tungku",
        "Gerabah dibentuk di meja putar dan dibakar di tungku kayu.",
        "Wheel-thrown earthenware, fired in a wood kiln.",
        "{owner} menjaga tradisi gerabah di {village}.",
    ),
    "lukisan": Craft(
        "frame",
        ("#1d3557", "#e63946", "#f1faee"),
        (
            ("Lukisan Sawah Jatiluwih", "Painting: Jatiluwih rice terraces", 3500),
            ("Lukisan Gaya Kamasan Mini", "Small Kamasan-style painting", 1200),
            ("Lukisan Penari Legong", "Painting: Legong dancer", 2750),
        ),
        "cat akrilik, kanvas",
        False,
        "Kanvas dari Denpasar",
        "akrilik di atas kanvas",
        "Lukisan asli di atas kanvas, ditandatangani pelukisnya.",
        "An original painting on canvas, signed by the painter.",
        "Galeri {business} memamerkan karya pelukis dari {village}.",
    ),
    "janur": Craft(
        "leaf",
        ("#6a994e", "#f2e8cf", "#386641"),
        (
            ("Penjor Hias Janur", "Decorated penjor pole", 650),
            ("Hiasan Janur Lamak", "Lamak palm-leaf hanging", 150),
        ),
        "janur, bambu",
        True,
        "Janur dari kebun setempat",
        "rangkai dan sematkan",
        "Hiasan janur dirangkai pada hari pesanan agar tetap segar.",
        "Palm-leaf decorations, made fresh on the day of the order.",
        "{business} melayani pesanan penjor menjelang Galungan dan Kuningan.",
    ),
    "sesajen": Craft(
        "leaf",
        ("#bc4749", "#f2e8cf", "#6a994e"),
        (
            ("Set Sarana Upacara Odalan", "Set of temple-festival offerings", 450),
            ("Bokor Kuningan Ukir", "Carved brass offering bowl", 375),
            ("Dulang Kayu Prada", "Gilded wooden offering stand", 525),
        ),
        "kayu, kuningan, prada",
        True,
        "Bahan dari Bali",
        "ukir dan prada",
        "Perlengkapan upacara untuk odalan dan upacara keluarga.",
        "Ceremonial goods for temple festivals and family rites.",
        "{owner} membuat sarana upacara untuk banjar di {village} dan sekitarnya.",
    ),
    "rajut": Craft(
        "knit",
        ("#6d597a", "#eaac8b", "#b56576"),
        (
            ("Tas Rajut Tali Kur", "Crocheted cord bag", 185),
            ("Taplak Meja Rajut", "Crocheted table runner", 125),
            ("Topi Rajut Pantai", "Crocheted beach hat", 95),
        ),
        "tali kur, benang katun",
        False,
        "Benang dari Bandung",
        "rajut tangan (crochet)",
        "Dirajut tangan dengan tali kur yang kuat dan mudah dicuci.",
        "Hand-crocheted from strong, washable cord.",
        "Kelompok rajut {business} beranggotakan {workers} ibu rumah tangga.",
    ),
}

# Badung's known craft villages come first: Getasan's endek, Mengwi's tedung, the carving
# villages of Jagapati, Angantaka and Sedang (codes as in registry.demo.BADUNG_ICONS).
FIRST_VILLAGES = [
    "51.03.04.2005",
    "51.03.02.2009",
    "51.03.03.2004",
    "51.03.03.2005",
    "51.03.03.2006",
    "51.03.03.2001",
    "51.03.03.2007",
    "51.03.02.2006",
]
BUSINESSES = {"51.03": 60, "51.04": 15}
WAITING = {"51.03": 6, "51.04": 2}  # the secretariat's approval queue
FEATURED = 8
PERAJIN = "badung.perajin"
PERAJIN_VILLAGE = "51.03.04.2005"  # Getasan


def load(councils: dict[str, Council]) -> dict[str, int]:
    """Idempotent: a council that already has products is left as it is."""
    with transaction.atomic():
        for code, seed in [("51.03", 5103), ("51.04", 5104)]:
            council = councils[code]
            if not Product.objects.within(council).exists():
                _council_catalog(council, random.Random(seed), _approver(code))
        _link_perajin(councils["51.03"])
    products = Product.objects.within(councils["51.03"]) | Product.objects.within(councils["51.04"])
    return {
        "products": products.count(),
        "published": products.filter(status=Product.Status.PUBLISHED).count(),
        "waiting": products.filter(status=Product.Status.SUBMITTED).count(),
        "photos": ProductPhoto.objects.filter(product__in=products).count(),
    }


def _approver(code: str) -> User | None:
    prefix = {"51.03": "badung", "51.04": "gianyar"}[code]
    return User.objects.filter(username=f"{prefix}.sekretariat").first()


def _council_catalog(council: Council, rng: random.Random, by: User | None) -> None:
    businesses = _choose_businesses(council, rng, BUSINESSES[council.code])
    waiting = set(rng.sample(range(len(businesses)), WAITING[council.code]))
    featured = 0
    for index, (business, category) in enumerate(businesses):
        craft = CRAFTS[category.slug]
        items = rng.sample(craft.items, min(len(craft.items), rng.randint(2, 5)))
        for number, item in enumerate(items):
            feature = number == 0 and featured < FEATURED and index % 3 == 0
            featured += feature
            status = Product.Status.PUBLISHED
            if number == len(items) - 1 and index in waiting:
                status = Product.Status.SUBMITTED
            elif number and rng.random() < 0.08:
                status = Product.Status.DRAFT
            _product(business, category, craft, item, rng, by, status=status, featured=feature)


def _choose_businesses(
    council: Council, rng: random.Random, count: int
) -> list[tuple[Business, CraftCategory]]:
    """Businesses of crafts the demo knows, the known craft villages first (up to three
    each), the rest drawn at random."""
    rows = (
        Business.objects.within(council)
        .active()
        .filter(owner__isnull=False)
        .select_related("owner", "village")
        .prefetch_related("categories")
        .order_by("village_id", "pk")
    )
    known = [(b, c) for b in rows for c in b.categories.all()[:1] if c.slug in CRAFTS]
    first: list[tuple[Business, CraftCategory]] = []
    for code in FIRST_VILLAGES:
        first += [pair for pair in known if pair[0].village_id == code][:3]
    rest = [pair for pair in known if pair not in first]
    return first + rng.sample(rest, max(0, min(len(rest), count - len(first))))


def _price(thousands: int, rng: random.Random) -> tuple[Decimal, Decimal | None]:
    step = 5_000 if thousands < 500 else 25_000
    price = round(thousands * 1000 * rng.uniform(0.85, 1.2) / step) * step
    if rng.random() < 0.2:  # made to order in sizes: a range
        return Decimal(price), Decimal(round(price * rng.uniform(1.3, 1.8) / step) * step)
    return Decimal(price), None


def _product(
    business: Business,
    category: CraftCategory,
    craft: Craft,
    item: tuple,
    rng: random.Random,
    by: User | None,
    *,
    status: str,
    featured: bool = False,
) -> Product:
    name, name_en, thousands = item
    price, price_max = _price(thousands, rng)
    words = {
        "village": business.village.name,
        "business": business.name,
        "owner": business.owner.name if business.owner else business.name,
        "workers": business.workers or 2,
        "year": business.year_founded or 1995,
    }
    to_order = price >= 1_000_000 and rng.random() < 0.5
    product = services.save_product(
        product=Product(business=business),
        by=by,
        category=category,
        name=name,
        name_en=name_en,
        description=craft.description.format(**words),
        description_en=craft.description_en.format(**words),
        story=craft.story.format(**words),
        materials=craft.materials,
        local_material=craft.local,
        material_origin=craft.origin,
        technique=craft.technique,
        price=price,
        price_max=price_max,
        featured=featured,
        availability=Product.Availability.TO_ORDER if to_order else Product.Availability.READY,
        lead_time_days=rng.choice([14, 21, 30]) if to_order else None,
    )
    services.add_photo(
        product=product,
        upload=picture(name, craft, seed=product.pk),
        alt=f"{name}, {business.name}",
    )
    if status in (Product.Status.SUBMITTED, Product.Status.PUBLISHED):
        product = services.submit_product(product=product, by=None)
    if status == Product.Status.PUBLISHED:
        product = services.publish_product(product=product, by=by)
    return product


def _link_perajin(badung: Council) -> None:
    """The demo login ``badung.perajin`` is Ni Ketut Sukerti, an endek weaver of Getasan
    with her own business: two products published, one waiting, one still a draft."""
    user = User.objects.filter(username=PERAJIN).first()
    if user is None or Artisan.objects.filter(user=user).exists():
        return
    village = Village.objects.get(code=PERAJIN_VILLAGE)
    artisan = Artisan.objects.create(
        name=user.get_full_name() or "Ni Ketut Sukerti",
        sex="P",
        village=village,
        birth_year=1979,
        phone="+6281338445566",
        address=f"Banjar Tengah, {village.name}",
        user=user,
    )
    category = CraftCategory.objects.get(slug="endek")
    artisan.skills.add(category)
    business = Business.objects.create(
        name="Tenun Endek Sukerti",
        owner=artisan,
        village=village,
        address=artisan.address,
        phone=artisan.phone,
        workers=6,
        year_founded=2008,
        scale=Business.Scale.MICRO,
        yearly_turnover=Decimal(240_000_000),
    )
    business.categories.add(category)
    rng = random.Random(PERAJIN)
    by = _approver("51.03")
    craft = CRAFTS["endek"]
    for item, status in zip(
        craft.items[:4], ["published", "published", "submitted", "draft"], strict=True
    ):
        _product(business, category, craft, item, rng, by, status=status)


# The pictures: a coloured ground by craft, a simple motif, and the product's name.

SIZE = (800, 600)
# Stored at 640 × 480: the catalog's largest rendition as it is, so making the demo's 250
# photos costs one small thumbnail each instead of two Lanczos resizes (load_demo stays fast).
STORED = (640, 480)


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf", size)
    except OSError:  # no DejaVu: Pillow's own font still gives a readable picture
        return ImageFont.load_default(size)


def picture(name: str, craft: Craft, seed: int = 0) -> SimpleUploadedFile:
    """A pleasant 640 × 480 JPEG for ``name``: the craft's motif on its colours."""
    ground, accent, light = craft.colors
    image = Image.new("RGB", SIZE, ground)
    draw = ImageDraw.Draw(image)
    MOTIFS[craft.motif](draw, random.Random(seed), accent, light)
    draw.rectangle((0, 470, SIZE[0], SIZE[1]), fill="#1b1b1b")
    font = _font(40)
    text = name if draw.textlength(name, font=font) < 740 else name[:30] + "…"
    draw.text((SIZE[0] // 2, 535), text, font=font, fill="#ffffff", anchor="mm")
    out = io.BytesIO()
    image.resize(STORED, Image.Resampling.BILINEAR).save(out, "JPEG", quality=85)
    return SimpleUploadedFile("foto.jpg", out.getvalue(), content_type="image/jpeg")


def _stripes(draw: ImageDraw.ImageDraw, rng: random.Random, accent: str, light: str) -> None:
    """Woven cloth: bands, with the ikat's blurred diamonds along them."""
    y = 20
    while y < 460:
        height = rng.choice([18, 30, 46])
        draw.rectangle((0, y, 800, y + height), fill=accent if (y // 10) % 2 else light)
        for x in range(rng.randrange(0, 60), 800, 80):
            mid = y + height // 2
            draw.polygon(
                [(x, mid), (x + 20, y), (x + 40, mid), (x + 20, y + height)],
                fill=light if (y // 10) % 2 else accent,
            )
        y += height + rng.choice([12, 24])


def _umbrella(draw: ImageDraw.ImageDraw, rng: random.Random, accent: str, light: str) -> None:
    """A tedung: a canopy on a tall pole, with its fringe."""
    draw.rectangle((393, 150, 407, 460), fill="#5a3a1a")
    draw.pieslice((190, 70, 610, 330), 180, 360, fill=accent)
    draw.rectangle((190, 195, 610, 225), fill=light)
    for x in range(195, 610, 18):
        draw.line((x, 225, x, 250), fill=accent, width=6)
    draw.ellipse((385, 55, 415, 85), fill=light)


def _carving(draw: ImageDraw.ImageDraw, rng: random.Random, accent: str, light: str) -> None:
    """Carving: a patra of leaves curling round a centre."""
    for cx, cy, r in [(400, 235, 170), (400, 235, 110)]:
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=accent, width=14)
    for dx, dy in [(0, -1), (1, -1), (1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1)]:
        x, y = 400 + dx * 140, 235 + dy * 140
        draw.ellipse((x - 26, y - 26, x + 26, y + 26), fill=light)
    draw.ellipse((360, 195, 440, 275), fill=light)


def _rings(draw: ImageDraw.ImageDraw, rng: random.Random, accent: str, light: str) -> None:
    """Silver: rings and beads of granulation."""
    for cx in (250, 400, 550):
        draw.ellipse((cx - 70, 165, cx + 70, 305), outline=light, width=16)
        for bead in range(0, 140, 20):
            draw.ellipse((cx - 70 + bead, 140, cx - 62 + bead, 148), fill=accent)


def _weave(draw: ImageDraw.ImageDraw, rng: random.Random, accent: str, light: str) -> None:
    """Plaiting: over-and-under strips."""
    cell = 40
    for row in range(0, 470 // cell + 1):
        for col in range(0, 800 // cell + 1):
            colour = accent if (row + col) % 2 else light
            draw.rectangle(
                (col * cell + 3, row * cell + 3, col * cell + cell - 3, row * cell + cell - 3),
                fill=colour,
            )


def _drum(draw: ImageDraw.ImageDraw, rng: random.Random, accent: str, light: str) -> None:
    """A kendang lying on its side, laced."""
    draw.polygon([(170, 170), (630, 190), (630, 310), (170, 330)], fill=accent)
    draw.ellipse((130, 170, 210, 330), fill=light)
    draw.ellipse((600, 190, 660, 310), fill=light)
    for x in range(200, 620, 35):
        draw.line((x, 178, x + 18, 318), fill=light, width=3)


def _pot(draw: ImageDraw.ImageDraw, rng: random.Random, accent: str, light: str) -> None:
    """Earthenware: a vase on the wheel."""
    draw.ellipse((270, 150, 530, 430), fill=accent)
    draw.rectangle((350, 80, 450, 180), fill=accent)
    draw.ellipse((330, 65, 470, 105), fill=light)
    draw.line((290, 300, 510, 300), fill=light, width=6)


def _frame(draw: ImageDraw.ImageDraw, rng: random.Random, accent: str, light: str) -> None:
    """A painting in its frame: terraces under a mountain."""
    draw.rectangle((150, 40, 650, 440), fill=light, outline=accent, width=18)
    draw.polygon([(190, 330), (400, 110), (610, 330)], fill="#457b9d")
    for y in range(330, 425, 22):
        draw.rectangle((170, y, 630, y + 12), fill="#2a9d8f")
    draw.ellipse((520, 80, 580, 140), fill=accent)


def _leaf(draw: ImageDraw.ImageDraw, rng: random.Random, accent: str, light: str) -> None:
    """Palm-leaf work: a lamak of triangles."""
    for row, y in enumerate(range(40, 440, 80)):
        for x in range(100 + (row % 2) * 40, 700, 80):
            draw.polygon([(x, y), (x + 40, y + 70), (x - 40, y + 70)], fill=light)
    draw.rectangle((385, 30, 415, 460), fill=accent)


def _knit(draw: ImageDraw.ImageDraw, rng: random.Random, accent: str, light: str) -> None:
    """Crochet: rows of stitches."""
    for y in range(40, 450, 36):
        for x in range(20, 800, 36):
            draw.line((x, y, x + 18, y + 24), fill=light, width=7)
            draw.line((x + 18, y + 24, x + 36, y), fill=accent, width=7)


MOTIFS = {
    "stripes": _stripes,
    "umbrella": _umbrella,
    "carving": _carving,
    "rings": _rings,
    "weave": _weave,
    "drum": _drum,
    "pot": _pot,
    "frame": _frame,
    "leaf": _leaf,
    "knit": _knit,
}
