"""Import a historical register (CSV or XLSX) as letters that keep their numbers.

The work is done by :func:`emanager.letters.importer.register_import`; this
command reads the options, shows a progress bar and prints the summary or the
row errors. See docs/import_register.md.
"""

import sys

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from emanager.directory.models import Body, Municipality
from emanager.letters.choices import LetterKind
from emanager.letters.importer import (
    FIELDS,
    ImportFailed,
    ImportReport,
    ImportSetupError,
    mapping_from_json,
    mapping_from_pairs,
    register_import,
)

DELIMITERS = {",": ",", ";": ";", "tab": "\t"}


class Command(BaseCommand):
    help = (
        "Import a historical register of letters from a CSV or XLSX file, keeping its "
        "registration numbers. All or nothing: any bad row and nothing is imported. "
        "See docs/import_register.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV or XLSX file.")
        parser.add_argument(
            "--municipality", help="Slug of the municipality (default: the only one)."
        )
        parser.add_argument(
            "--body", help="Slug of the body the letters were addressed to (or map a column)."
        )
        parser.add_argument(
            "--kind",
            choices=LetterKind.values,
            default=LetterKind.PUBLIC_INFORMATION,
            help="Kind of the letters (default: public_information).",
        )
        parser.add_argument(
            "--register",
            metavar="PREFIX",
            help=(
                "Prefix of the register the numbers belong to; created for --kind if missing. "
                "Default: the register letters of --kind are numbered in."
            ),
        )
        parser.add_argument(
            "--number-format",
            help="Number format of a register created by --register, e.g. '{prefix}{yy}-{number}'.",
        )
        parser.add_argument("--register-name", help="Name of a register created by --register.")
        parser.add_argument(
            "--mapping", metavar="FILE.json", help="Headers of the fields, as a JSON object."
        )
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="FIELD=HEADER",
            help=f"Header of one field (repeatable). Fields: {', '.join(FIELDS)}.",
        )
        parser.add_argument("--sheet", help="XLSX: the sheet to read (default: the first).")
        parser.add_argument("--encoding", help="CSV: the encoding (default: detected).")
        parser.add_argument(
            "--delimiter", choices=list(DELIMITERS), help="CSV: the delimiter (default: detected)."
        )
        parser.add_argument(
            "--language",
            default="ka",
            choices=[code for code, _name in settings.LANGUAGES],
            help="Language of the letters (default: ka).",
        )
        parser.add_argument(
            "--user", metavar="USERNAME", help="The staff user recorded as having registered them."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and count everything; save nothing."
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, **options):
        municipality = self._municipality(options["municipality"])
        body = self._body(municipality, options["body"])
        user = self._user(options["user"])
        try:
            mapping = mapping_from_json(options["mapping"]) if options["mapping"] else {}
            mapping.update(mapping_from_pairs(options["map"]))
        except ImportSetupError as error:
            raise CommandError(str(error)) from error

        progress = tqdm(
            file=sys.stderr,
            unit=" rows",
            disable=options["no_progress"] or not sys.stderr.isatty(),
        )
        try:
            report = register_import(
                path=options["file"],
                municipality=municipality,
                kind=options["kind"],
                body=body,
                register_prefix=options["register"],
                number_format=options["number_format"],
                register_name=options["register_name"],
                mapping=mapping,
                dry_run=options["dry_run"],
                language=options["language"],
                user=user,
                encoding=options["encoding"],
                delimiter=DELIMITERS.get(options["delimiter"]),
                sheet=options["sheet"],
                on_row=progress.update,
                on_total=lambda total: setattr(progress, "total", total),
            )
            # The total was an estimate (blank lines, cells over several lines): end at 100%.
            progress.total = progress.n
            progress.refresh()
        except ImportSetupError as error:
            raise CommandError(str(error)) from error
        except ImportFailed as failure:
            progress.close()  # before the errors, so they are not drawn over
            for row_error in failure.report.errors:
                self.stderr.write(str(row_error))
            raise CommandError(str(failure)) from failure
        finally:
            progress.close()
        self._summary(report)

    def _municipality(self, slug: str | None) -> Municipality:
        if slug:
            found = Municipality.objects.filter(slug=slug).first()
            if found is None:
                raise CommandError(_("There is no municipality “%(slug)s”.") % {"slug": slug})
            return found
        municipalities = list(Municipality.objects.order_by("slug")[:10])
        if len(municipalities) != 1:
            raise CommandError(
                _("Name the municipality with --municipality: %(slugs)s.")
                % {"slugs": ", ".join(m.slug for m in municipalities) or "—"}
            )
        return municipalities[0]

    def _body(self, municipality: Municipality, slug: str | None) -> Body | None:
        if not slug:
            return None
        found = Body.objects.filter(municipality=municipality, slug=slug).first()
        if found is None:
            slugs = Body.objects.filter(municipality=municipality).values_list("slug", flat=True)
            raise CommandError(
                _("The municipality has no body “%(slug)s”; its bodies: %(slugs)s.")
                % {"slug": slug, "slugs": ", ".join(sorted(slugs)) or "—"}
            )
        return found

    def _user(self, username: str | None):
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(_("There is no user “%(username)s”.") % {"username": username})
        return user

    def _summary(self, report: ImportReport) -> None:
        self.stdout.write(
            _(
                "Read %(rows)s row(s) of %(file)s (header on line %(line)s) "
                "into the register %(register)s."
            )
            % {
                "rows": report.rows_read,
                "file": report.source,
                "line": report.header_line,
                "register": report.register,
            }
        )
        if report.dry_run:
            line = _(
                "Would import %(count)s letter(s): %(closed)s closed as answered, "
                "%(open)s left open (no date issued)."
            )
        else:
            line = _(
                "Imported %(count)s letter(s): %(closed)s closed as answered, "
                "%(open)s left open (no date issued)."
            )
        self.stdout.write(
            line % {"count": report.imported, "closed": report.closed, "open": report.left_open}
        )
        for year in sorted(report.per_year):
            before, after = report.counters.get(year, (0, 0))
            self.stdout.write(
                _("  %(year)s: %(count)s letter(s); the counter goes from %(before)s to %(after)s.")
                % {"year": year, "count": report.per_year[year], "before": before, "after": after}
            )
        if report.dry_run:
            self.stdout.write(self.style.WARNING(_("Dry run: nothing was saved.")))
        else:
            self.stdout.write(self.style.SUCCESS(_("Done.")))
