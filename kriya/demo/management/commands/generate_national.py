from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kriya.demo.national import generate_national


class Command(BaseCommand):
    help = (
        "Build the synthetic national data set on the real villages, for load tests and "
        "benchmarks: councils for every province and regency, N artisans with their businesses "
        "(skewed by region and village), products for a quarter of them. Same seed, same rows. "
        "Refuses a database whose register is not empty; never run it on real data."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--businesses",
            type=int,
            required=True,
            help="number of businesses (each with its owner)",
        )
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")

    def handle(self, *args, businesses: int, seed: int, **options):
        try:
            report = generate_national(businesses=businesses, seed=seed)
        except ValidationError as e:
            raise CommandError(" ".join(e.messages)) from e
        self.stdout.write(
            _(
                "National data set: %(councils)s councils, %(businesses)s businesses with their "
                "owners, %(products)s products."
            )
            % {
                "councils": report.councils,
                "businesses": report.businesses,
                "products": report.products,
            }
        )
