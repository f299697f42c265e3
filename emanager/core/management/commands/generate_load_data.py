"""Fill an empty database with a realistic national-scale data set for the benchmark."""

from __future__ import annotations

import datetime
import sys
import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from tqdm import tqdm

from emanager.directory.models import Municipality
from emanager.letters.models import Letter
from emanager.loadgen import default_municipalities, generate, rebuild_derived


class Command(BaseCommand):
    help = (
        "Fill an EMPTY, migrated database with generated municipalities, bodies, officials, "
        "staff users, letters of every kind and state (numbered without gaps, with answers, "
        "hash-chained timelines, attachment metadata without files), public-information "
        "requests and complaints, published versions, proactive documents and satisfaction "
        "surveys; then rebuild the accountability figures and the search index. Refuses when "
        "any municipality or letter exists: generate into a fresh database (there is no "
        "--reset, since timeline events are append-only). The same --seed and --until give "
        "the same data. Staff users are named <municipality>-<official slug> and share "
        "--password; the busiest official's username is printed at the end."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--letters", type=int, required=True, help="How many letters.")
        parser.add_argument(
            "--municipalities",
            type=int,
            help="How many municipalities (1-64); default: letters // 15000, at least 1.",
        )
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--until",
            type=datetime.date.fromisoformat,
            help="The last day of the three generated years (YYYY-MM-DD); default: today.",
        )
        parser.add_argument(
            "--password", default="loadgen", help="Password of every generated staff user."
        )
        parser.add_argument(
            "--skip-derived",
            action="store_true",
            help="Do not rebuild the accountability figures and the search index.",
        )

    def handle(self, *args, **options) -> None:
        letters = options["letters"]
        if letters < 1:
            raise CommandError("--letters must be at least 1.")
        municipalities = options["municipalities"] or default_municipalities(letters)
        if not 1 <= municipalities <= 64:
            raise CommandError("--municipalities must be between 1 and 64.")
        if Letter.objects.exists() or Municipality.objects.exists():
            raise CommandError(
                "The database already holds municipalities or letters; generate_load_data "
                "fills an empty, migrated database only."
            )
        started = time.perf_counter()
        bar = tqdm(
            total=letters,
            unit="letter",
            disable=not sys.stderr.isatty() or options["verbosity"] == 0,
        )
        report = generate(
            letters=letters,
            municipalities=municipalities,
            seed=options["seed"],
            until=options["until"] or timezone.localdate(),
            password=options["password"],
            progress=bar.update,
        )
        bar.close()
        if not options["skip_derived"]:
            rebuild_derived(report)
        total = time.perf_counter() - started
        self.stdout.write("Rows:")
        for label, count in sorted(report.counts.items()):
            self.stdout.write(f"  {label:32} {count:>12,}")
        self.stdout.write("Seconds per phase:")
        for phase, seconds in report.seconds.items():
            self.stdout.write(f"  {phase:32} {seconds:>12.1f}")
        self.stdout.write(f"  {'total':32} {total:>12.1f}")
        if not report.inbox:  # a handful of letters, none addressed to an official
            self.stdout.write(self.style.SUCCESS(f"Password: {report.password}"))
            return
        (busiest, most), *_ = report.inbox.most_common(1)
        near = min(report.inbox.items(), key=lambda item: (abs(item[1] - 5000), item[0]))
        self.stdout.write(
            self.style.SUCCESS(
                f"Busiest official: {busiest} ({most:,} letters); closest to 5,000: "
                f"{near[0]} ({near[1]:,}); password: {report.password}"
            )
        )
