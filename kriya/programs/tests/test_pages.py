"""The back-office pages: the work plan with its realization, the records behind a number,
the province's comparison, what expires soon, attendance; Charlie (Gianyar) gets 404."""

import datetime as dt
import subprocess

import pytest
from django.urls import reverse

from kriya.programs import services
from kriya.programs.badges import badges_for_business
from kriya.programs.models import Certification, Indicator, IPKind, Participation
from kriya.programs.tests.conftest import activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(badung, badung_businesses):
    plan = services.create_work_plan(
        council=badung, title="Program Kerja Badung 2026", start_year=2026
    )
    program = services.add_program(work_plan=plan, name="Pembinaan IKM")
    developed = services.add_indicator(
        program=program,
        name="IKM dibina",
        unit="IKM",
        target=300,
        rule=Indicator.Rule.BUSINESSES_DEVELOPED,
    )
    services.add_indicator(program=program, name="Temu usaha", unit="IKM", target=60)
    training = activity(badung, title="Pelatihan tenun endek", indicator=developed)
    rows = [services.add_participant(activity=training, business=b) for b in badung_businesses]
    services.record_attendance(activity=training, present=[rows[0].pk, rows[1].pk])
    return plan


def test_the_work_plan_page_shows_targets_realization_and_links(client, badung_secretary, plan):
    client.force_login(badung_secretary)
    page = client.get(reverse("admin:programs-workplan", args=[plan.pk]))
    assert page.status_code == 200
    text = page.text
    assert "Program Kerja Badung 2026" in text and "IKM dibina" in text
    assert 'value="1"' in text  # 2 of 300 is 1%: the bar
    indicator = plan.programs.get().indicators.get(name="IKM dibina")
    assert reverse("admin:programs-indicator-records", args=[indicator.pk]) in text


def test_the_records_page_lists_the_businesses_behind_the_number(
    client, badung_secretary, plan, badung_businesses
):
    client.force_login(badung_secretary)
    indicator = plan.programs.get().indicators.get(name="IKM dibina")
    page = client.get(reverse("admin:programs-indicator-records", args=[indicator.pk]))
    assert "Tenun Sari" in page.text and "Ukir Jaya" in page.text
    assert "Endek Lestari" not in page.text  # absent


def test_the_province_compares_its_regencies(client, bali_officer, plan, gianyar):
    other = services.create_work_plan(
        council=gianyar, title="Program Kerja Gianyar 2026", start_year=2026
    )
    services.add_indicator(
        program=services.add_program(work_plan=other, name="Pembinaan"),
        name="IKM dibina Gianyar",
        unit="IKM",
        target=100,
        rule=Indicator.Rule.BUSINESSES_DEVELOPED,
    )
    client.force_login(bali_officer)
    page = client.get(reverse("admin:programs-workplans"), {"tahun": 2026})
    assert "Dekranasda Kabupaten Badung" in page.text
    assert "Dekranasda Kabupaten Gianyar" in page.text
    assert "2 / 300" in page.text and "0 / 100" in page.text
    # The province opens a regency's plan too.
    assert client.get(reverse("admin:programs-workplan", args=[plan.pk])).status_code == 200


def test_gianyar_sees_nothing_of_badungs_plan_or_activities(client, gianyar_secretary, plan):
    client.force_login(gianyar_secretary)
    indicator = plan.programs.get().indicators.first()
    training = plan.programs.get().indicators.get(name="IKM dibina").activities.get()
    for url in [
        reverse("admin:programs-workplan", args=[plan.pk]),
        reverse("admin:programs-indicator-records", args=[indicator.pk]),
        reverse("admin:programs-attendance", args=[training.pk]),
        reverse("admin:programs-attendance-sheet", args=[training.pk]),
        reverse("admin:programs_activity_change", args=[training.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    page = client.get(reverse("admin:programs-workplans"), {"tahun": 2026})
    assert "Program Kerja Badung 2026" not in page.text
    assert (
        client.post(
            reverse("admin:programs-attendance", args=[training.pk]), {"hadir": []}
        ).status_code
        == 404
    )


def test_attendance_is_taken_on_screen(client, badung_secretary, plan):
    training = plan.programs.get().indicators.get(name="IKM dibina").activities.get()
    rows = list(training.participations.order_by("pk"))
    client.force_login(badung_secretary)
    url = reverse("admin:programs-attendance", args=[training.pk])
    page = client.get(url)
    assert "Tenun Sari" in page.text and 'name="hadir"' in page.text
    response = client.post(url, {"hadir": [rows[2].pk]})
    assert response.status_code == 302
    assert list(training.participations.order_by("pk").values_list("status", flat=True)) == [
        Participation.Status.ABSENT,
        Participation.Status.ABSENT,
        Participation.Status.ATTENDED,
    ]


def test_the_board_reads_but_cannot_take_attendance(client, badung, plan):
    from conftest import make_user

    board = make_user("badung_board", badung, "board")
    training = plan.programs.get().indicators.get(name="IKM dibina").activities.get()
    client.force_login(board)
    url = reverse("admin:programs-attendance", args=[training.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"hadir": []}).status_code == 403


def test_the_attendance_sheet_is_a_pdf_with_the_names_and_title(
    client, badung_secretary, plan, tmp_path
):
    training = plan.programs.get().indicators.get(name="IKM dibina").activities.get()
    client.force_login(badung_secretary)
    response = client.get(reverse("admin:programs-attendance-sheet", args=[training.pk]))
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "daftar-hadir.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Pelatihan tenun endek" in text
    for name in ["Tenun Sari", "Ukir Jaya", "Endek Lestari", "Pemilik Tenun Sari"][:3]:
        assert name in text
    assert "1 March 2026" in text or "1 Maret 2026" in text


def test_the_expiry_list_shows_what_runs_out_within_90_days(
    client, badung_secretary, badung_businesses, gianyar_secretary
):
    today = dt.date.today()
    business = badung_businesses[0]
    Certification.objects.create(
        kind="pirt",
        business=business,
        village=business.village,
        number="P-IRT 123",
        issued_on=dt.date(2021, 1, 1),
        expires_on=today + dt.timedelta(days=30),
    )
    Certification.objects.create(
        kind="sni",
        business=business,
        village=business.village,
        number="SNI 999",
        issued_on=dt.date(2021, 1, 1),
        expires_on=today + dt.timedelta(days=200),
    )
    filing = services.create_filing(kind=IPKind.TRADEMARK, title="Merek Lama", business=business)
    filing = services.advance_filing(
        filing=filing,
        status="filed",
        by=None,
        filed_on=dt.date(2015, 1, 1),
        application_number="DID2015000001",
    )
    services.advance_filing(
        filing=filing, status="granted", by=None, granted_on=today - dt.timedelta(days=3650 - 60)
    )
    client.force_login(badung_secretary)
    page = client.get(reverse("admin:programs-expiring"))
    assert "P-IRT 123" in page.text and "Merek Lama" in page.text
    assert "SNI 999" not in page.text
    client.force_login(gianyar_secretary)
    assert "P-IRT 123" not in client.get(reverse("admin:programs-expiring")).text


def test_badges_are_granted_filings_and_valid_certificates(badung_businesses):
    business = badung_businesses[0]
    filing = services.create_filing(kind=IPKind.TRADEMARK, title="Tenun Sari", business=business)
    services.create_filing(kind=IPKind.DESIGN, title="Motif", business=business)
    filing = services.advance_filing(
        filing=filing,
        status="filed",
        by=None,
        filed_on=dt.date(2025, 1, 1),
        application_number="DID2025000001",
    )
    services.advance_filing(
        filing=filing,
        status="granted",
        by=None,
        granted_on=dt.date(2026, 1, 1),
        registration_number="IDM1",
    )
    Certification.objects.create(
        kind="halal",
        business=business,
        village=business.village,
        number="ID123",
        issued_on=dt.date(2025, 1, 1),
    )
    Certification.objects.create(
        kind="bnsp",
        artisan=business.owner,
        village=business.village,
        number="BNSP-1",
        issued_on=dt.date(2020, 1, 1),
        expires_on=dt.date(2023, 1, 1),
    )  # expired
    badges = badges_for_business(business, today=dt.date(2026, 6, 1))
    assert [(b["kind"], b["number"]) for b in badges] == [("trademark", "IDM1"), ("halal", "ID123")]
    assert badges[0]["expires_on"] == dt.date(2036, 1, 1)


def test_the_dashboard_shows_the_work_plan_progress(client, badung_secretary, plan):
    client.force_login(badung_secretary)
    page = client.get(reverse("admin:index"))
    assert reverse("admin:programs-workplan", args=[plan.pk]) in page.text


def test_the_records_page_does_not_query_per_row(
    client, badung_secretary, plan, badung, django_assert_max_num_queries
):
    from kriya.programs.tests.conftest import GETASAN, business

    indicator = plan.programs.get().indicators.get(name="IKM dibina")
    training = indicator.activities.get()
    more = [business(f"Usaha {n}", GETASAN) for n in range(20)]
    rows = [services.add_participant(activity=training, business=b) for b in more]
    services.record_attendance(activity=training, present=[r.pk for r in rows])
    client.force_login(badung_secretary)
    url = reverse("admin:programs-indicator-records", args=[indicator.pk])
    client.get(url)
    with django_assert_max_num_queries(20):
        page = client.get(url)
    assert "Usaha 19" in page.text


def test_the_activity_list_counts_participants_in_its_own_query(client, badung_secretary, plan):
    client.force_login(badung_secretary)
    page = client.get(reverse("admin:programs_activity_changelist"))
    assert page.status_code == 200 and "Pelatihan tenun endek" in page.text


def test_the_filing_form_refuses_a_status_its_pipeline_does_not_allow(badung_businesses):
    from django.forms import modelform_factory

    from kriya.programs.admin import PipelineForm
    from kriya.programs.models import IPFiling

    filing = services.create_filing(
        kind=IPKind.TRADEMARK, title="Endek Sari", business=badung_businesses[0]
    )
    form_class = modelform_factory(IPFiling, form=PipelineForm, fields=["status"])
    form = form_class({"status": IPFiling.Status.GRANTED}, instance=filing)
    assert not form.is_valid() and "diberikan" in form.errors["status"][0]
