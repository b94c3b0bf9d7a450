import pytest
from django.core.exceptions import ValidationError

from kriya.registry.models import Artisan, Business, MergeRecord
from kriya.registry.services import merge_artisans, merge_businesses


def test_merging_keeps_every_related_record_and_the_history(badung_village, badung_secretary):
    keep = Artisan.objects.create(name="I Made Sudarsana", village=badung_village)
    drop = Artisan.objects.create(
        name="I Md Sudarsana",
        village=badung_village,
        nik="5103041203780004",
        phone="+6281234567890",
    )
    shop = Business.objects.create(name="Ukiran Sudarsana", owner=drop, village=badung_village)
    merge_artisans(keep=keep, drop=drop, by=badung_secretary)
    keep.refresh_from_db()
    drop.refresh_from_db()
    shop.refresh_from_db()
    assert shop.owner == keep
    assert (keep.nik, keep.phone) == ("5103041203780004", "+6281234567890")
    assert drop.merged_into == keep and drop.nik == ""
    record = MergeRecord.objects.get(merged_id=drop.pk)
    assert record.kept_id == keep.pk and record.merged_snapshot["name"] == "I Md Sudarsana"
    assert record.moved["businesses"] == 1
    assert list(Artisan.objects.active().filter(village=badung_village)) == [keep]


def test_a_record_is_not_merged_twice(badung_village):
    keep = Business.objects.create(name="Payung A", village=badung_village)
    drop = Business.objects.create(name="Payung A.", village=badung_village, nib="1234567890123")
    merge_businesses(keep=keep, drop=drop, by=None)
    keep.refresh_from_db()
    assert keep.nib == "1234567890123"
    with pytest.raises(ValidationError):
        merge_businesses(keep=keep, drop=drop, by=None)
    with pytest.raises(ValidationError):
        merge_businesses(keep=keep, drop=keep, by=None)


def test_the_duplicates_page_shows_the_pair_and_merges_it(
    client, badung_secretary, badung_village, gianyar_secretary
):
    keep = Artisan.objects.create(name="I Made Sudarsana", village=badung_village)
    drop = Artisan.objects.create(name="MADE SUDARSANA", village=badung_village)
    Artisan.objects.create(name="I Made Suarta", village=badung_village)
    client.force_login(gianyar_secretary)
    assert "MADE SUDARSANA" not in client.get("/admin/registry/artisan/duplikat/").text
    assert (
        client.post(
            "/admin/registry/artisan/duplikat/", {"keep": keep.pk, "drop": drop.pk}
        ).status_code
        == 404
    )
    client.force_login(badung_secretary)
    html = client.get("/admin/registry/artisan/duplikat/").text
    assert f'data-pair="{keep.pk}-{drop.pk}"' in html and "Suarta" not in html
    client.post("/admin/registry/artisan/duplikat/", {"keep": keep.pk, "drop": drop.pk})
    drop.refresh_from_db()
    assert drop.merged_into == keep
    assert 'id="duplicates-none"' in client.get("/admin/registry/artisan/duplikat/").text
