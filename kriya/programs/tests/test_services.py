"""Bad input is refused with a message naming the field (and the row)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kriya.programs import services
from kriya.programs.models import IPFiling, IPKind, Participation
from kriya.programs.models.plans import UNIT_REQUIRED
from kriya.programs.tests.conftest import activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def program(badung):
    plan = services.create_work_plan(council=badung, title="Program Kerja 2026", start_year=2026)
    return services.add_program(work_plan=plan, name="Pembinaan IKM")


def test_it_refuses_a_target_without_a_unit(program):
    with pytest.raises(ValidationError) as error:
        services.add_indicator(program=program, name="IKM dibina", unit=" ", target=300)
    assert "unit" in error.value.message_dict
    assert error.value.message_dict["unit"] == [str(UNIT_REQUIRED)]


@pytest.mark.parametrize("target", [-5, 0])
def test_it_refuses_a_target_that_is_not_positive(program, target):
    with pytest.raises(ValidationError) as error:
        services.add_indicator(program=program, name="IKM dibina", unit="IKM", target=target)
    assert "target" in error.value.message_dict


def test_it_refuses_a_participant_from_another_council(badung, gianyar_business):
    training = activity(badung)
    with pytest.raises(ValidationError) as error:
        services.add_participant(activity=training, business=gianyar_business)
    message = error.value.message_dict["business"][0]
    assert "Perak Celuk Asri" in message and "Kabupaten Badung" in message
    assert not Participation.objects.exists()


def test_a_province_activity_takes_participants_from_its_regencies(bali, gianyar_business):
    joint = activity(bali, title="Pameran bersama")
    assert services.add_participant(activity=joint, business=gianyar_business).pk


def test_it_refuses_a_score_of_120(badung, badung_businesses):
    test = activity(badung, kind="competency", title="Uji kompetensi batik")
    row = services.add_participant(
        activity=test, business=badung_businesses[0], status=Participation.Status.ATTENDED
    )
    with pytest.raises(ValidationError) as error:
        services.record_result(participation=row, passed=True, score=120)
    assert "score" in error.value.message_dict
    row.refresh_from_db()
    assert row.score is None


def test_it_refuses_a_pass_for_someone_who_did_not_attend(badung, badung_businesses):
    test = activity(badung, kind="competency", title="Uji kompetensi batik")
    row = services.add_participant(activity=test, business=badung_businesses[0])
    with pytest.raises(ValidationError, match="Tenun Sari"):
        services.record_result(participation=row, passed=True, score=80)


def test_it_refuses_an_activity_that_ends_before_it_begins(badung):
    with pytest.raises(ValidationError) as error:
        services.create_activity(
            council=badung,
            kind="training",
            title="Pelatihan perak",
            starts_on=dt.date(2026, 5, 10),
            ends_on=dt.date(2026, 5, 9),
        )
    assert "ends_on" in error.value.message_dict


@pytest.mark.parametrize(
    ("kind", "number"),
    [
        (IPKind.TRADEMARK, "D2026012345"),
        (IPKind.TRADEMARK, "DID26012345"),
        (IPKind.DESIGN, "DID2026012345"),
        (IPKind.COPYRIGHT, "EC2026"),
    ],
)
def test_it_refuses_a_filing_number_in_the_wrong_format(badung_businesses, kind, number):
    filing = services.create_filing(
        kind=kind, title="Merek Tenun Sari", business=badung_businesses[0]
    )
    with pytest.raises(ValidationError) as error:
        services.advance_filing(
            filing=filing,
            status=IPFiling.Status.FILED,
            by=None,
            filed_on=dt.date(2026, 3, 1),
            application_number=number,
        )
    message = error.value.message_dict["application_number"][0]
    assert number in message
    filing.refresh_from_db()
    assert filing.status == IPFiling.Status.PREPARED and not filing.changes.exists()


def test_a_filing_moves_along_its_pipeline_and_a_trademark_lasts_ten_years(
    badung_businesses, badung_secretary
):
    filing = services.create_filing(
        kind=IPKind.TRADEMARK, title="Tenun Sari", business=badung_businesses[0]
    )
    assert filing.village_id == badung_businesses[0].village_id
    filing = services.advance_filing(
        filing=filing,
        status="filed",
        by=badung_secretary,
        filed_on=dt.date(2026, 3, 1),
        application_number="did 2026012345",
    )
    assert filing.application_number == "DID2026012345"
    with pytest.raises(ValidationError):
        services.advance_filing(filing=filing, status="prepared", by=badung_secretary)
    filing = services.advance_filing(
        filing=filing,
        status="granted",
        by=badung_secretary,
        granted_on=dt.date(2026, 10, 5),
        registration_number="IDM001234567",
    )
    assert filing.expires_on == dt.date(2036, 10, 5)
    assert [(c.old, c.new) for c in filing.changes.order_by("pk")] == [
        ("prepared", "filed"),
        ("filed", "granted"),
    ]


def test_a_geographical_indication_belongs_to_a_village(badung_village):
    filing = services.create_filing(kind=IPKind.GI, title="Endek Getasan", village=badung_village)
    assert filing.business is None
    with pytest.raises(ValidationError) as error:
        services.create_filing(kind=IPKind.TRADEMARK, title="Tanpa usaha")
    assert "business" in error.value.message_dict


def test_attendance_marks_the_others_absent(badung, badung_businesses):
    training = activity(badung)
    rows = [
        services.add_participant(
            activity=training, business=b, status=Participation.Status.REGISTERED
        )
        for b in badung_businesses
    ]
    assert services.record_attendance(activity=training, present=[rows[0].pk]) == 1
    assert [r.status for r in Participation.objects.order_by("pk")] == [
        "attended",
        "absent",
        "absent",
    ]
    # The same business twice is one row.
    assert services.add_participant(activity=training, business=badung_businesses[0]) == rows[0]


def test_the_bad_input_messages_have_indonesian_translations():
    from django.utils import translation
    from django.utils.translation import gettext

    with translation.override("id"):
        for msgid in [
            "Give the target's unit (IKM, desa, merek, Rp …).",
            "The target must be a positive number.",
            "%(name)s is registered in %(village)s, outside the region of %(council)s, and "
            "cannot take part in its activity.",
            "The score must be between 0 and 100.",
            "“Ends on” cannot be before “starts on”: an activity cannot end before it begins.",
            "“%(number)s” is not a %(kind)s application number; it looks like %(example)s.",
        ]:
            assert gettext(msgid) != msgid, msgid


def test_moving_an_activity_moves_the_year_its_participants_count_for(badung, badung_businesses):
    training = activity(badung, start=dt.date(2026, 12, 30), days=3)
    row = services.add_participant(activity=training, business=badung_businesses[0])
    assert row.held_on == dt.date(2026, 12, 30) and row.region_code == "51.03.04.2005"
    training.starts_on, training.ends_on = dt.date(2027, 1, 5), dt.date(2027, 1, 6)
    services.save_activity(activity=training, fields=["starts_on", "ends_on"])
    row.refresh_from_db()
    assert row.held_on == dt.date(2027, 1, 5)


def test_the_admin_refuses_a_participant_from_another_council(
    client, badung_secretary, badung, gianyar_business
):
    from django.urls import reverse

    training = activity(badung)
    client.force_login(badung_secretary)
    url = reverse("admin:programs_activity_change", args=[training.pk])
    data = {
        "council": badung.pk,
        "kind": "training",
        "title": training.title,
        "starts_on": "2026-03-01",
        "ends_on": "2026-03-01",
        "participations-TOTAL_FORMS": "1",
        "participations-INITIAL_FORMS": "0",
        "participations-0-business": gianyar_business.pk,
        "participations-0-status": "invited",
        "participations-0-passed": "unknown",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    # Not even offered: the business picker holds only Badung's businesses.
    formset = response.context["inline_admin_formsets"][0].formset
    assert "business" in formset.errors[0]
    assert not Participation.objects.exists()
