from django.contrib.admin.apps import AdminConfig


class KriyaAdminConfig(AdminConfig):
    """The Django admin, on Kriya's own site class (region-scoped, Unfold-themed)."""

    default_site = "kriya.admin_site.KriyaAdminSite"
