"""The kinds shared between models: what an activity, an IP filing, a certificate and a
financing are. Indicators name them as rule parameters."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityKind(models.TextChoices):
    TRAINING = "training", _("training (pelatihan)")
    BIMTEK = "bimtek", _("technical guidance (bimtek)")
    OUTREACH = "outreach", _("outreach (sosialisasi)")
    MENTORING = "mentoring", _("mentoring programme (pendampingan)")
    COMPETENCY = "competency", _("competency test (uji kompetensi)")
    STUDY_VISIT = "study_visit", _("study visit (studi tiru)")
    PRODUCT = "product", _("product development")
    IP = "ip", _("IP facilitation (HAKI)")
    FINANCING = "financing", _("financing facilitation")


class IPKind(models.TextChoices):
    TRADEMARK = "trademark", _("trademark (merek)")
    DESIGN = "design", _("industrial design (desain industri)")
    COPYRIGHT = "copyright", _("copyright (hak cipta)")
    GI = "gi", _("geographical indication (indikasi geografis)")
    PATENT = "patent", _("simple patent (paten sederhana)")


class CertificationKind(models.TextChoices):
    HALAL = "halal", _("halal")
    PIRT = "pirt", _("P-IRT")
    BPOM = "bpom", _("BPOM")
    SNI = "sni", _("SNI")
    BNSP = "bnsp", _("BNSP competency")


class FinancingKind(models.TextChoices):
    KUR = "kur", _("KUR")
    COOPERATIVE = "cooperative", _("cooperative")
    GRANT = "grant", _("grant")
    OTHER = "other", _("other")
