from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from kriya.accounts.models import User
from kriya.demo import accounts as accounts_demo
from kriya.demo import catalog as catalog_demo
from kriya.demo import programs as programs_demo
from kriya.demo import regions as regions_demo
from kriya.demo import registry as registry_demo
from kriya.demo import sales as sales_demo


class Command(BaseCommand):
    help = (
        "Create the demo councils (Dekranas, Bali, Badung, Gianyar), their boards and one "
        "login per role, and print the logins. Safe to re-run; needs load_regions first."
    )

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                councils = regions_demo.load()
                logins = accounts_demo.load(councils)
                register = registry_demo.load(
                    councils, by=User.objects.get(username="badung.sekretariat")
                )
                programs_demo.load(councils)
                catalog = catalog_demo.load(councils)
                sales_demo.load(councils)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            _("Demo ready. Every demo login uses the password: %(pw)s")
            % {"pw": accounts_demo.DEMO_PASSWORD}
        )
        for username, what in logins:
            self.stdout.write(f"  {username:<22} {what}")
        self.stdout.write(
            _(
                "Badung's register: %(businesses)s businesses; %(icons)s of %(villages)s "
                "villages have a craft icon."
            )
            % register
        )
        self.stdout.write(
            _(
                "Catalog: %(products)s products, %(published)s published and %(waiting)s "
                "waiting for approval, with %(photos)s photos."
            )
            % catalog
        )
