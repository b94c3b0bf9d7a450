# ruff: noqa: F811  (pytest fixtures imported from portal_cast are used as arguments)
from kriya.public.tests.portal_cast import made, media, wayan  # noqa: F401


def test_the_profile_edit_normalises_the_phone_and_leaves_the_councils_fields(client, made):
    client.force_login(made.user)
    url = f"/portal/usaha/{made.business.pk}/"
    page = client.get(url)
    assert 'name="phone"' in page.text and 'name="nib"' not in page.text
    r = client.post(
        url,
        {
            "phone": "0812-3456-7890",
            "address": "Banjar Getasan",
            "website": "tenunsari.id",
            "instagram": "@tenunsari",
            "name": "Nama Lain",
            "nib": "1234567890123",
            "scale": "besar",
        },
    )
    assert r.status_code == 302 and r["Location"] == "/portal/"
    made.business.refresh_from_db()
    assert made.business.phone == "+6281234567890"
    assert made.business.website == "https://tenunsari.id"
    assert made.business.address == "Banjar Getasan"
    assert (made.business.name, made.business.nib, made.business.scale) == (
        "Tenun Ikat Sari",
        "",
        "mikro",
    )


def test_a_phone_that_is_not_indonesian_is_refused(client, made):
    client.force_login(made.user)
    r = client.post(f"/portal/usaha/{made.business.pk}/", {"phone": "12"})
    assert r.status_code == 200 and r.context["form"].errors["phone"]
    made.business.refresh_from_db()
    assert made.business.phone == "+6281234567890"
