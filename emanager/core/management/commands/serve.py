"""Run the web server and the background task worker together.

One command for a laptop: both processes start, their output is shown in one
terminal, and Ctrl-C (or SIGTERM) stops both. If either dies, the other is
stopped too and the command exits with an error.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

STOP_TIMEOUT = 10


class Command(BaseCommand):
    help = "Serve the site and run the background task worker until Ctrl-C."

    def add_arguments(self, parser):
        parser.add_argument("address", nargs="?", default="127.0.0.1:8000")
        parser.add_argument(
            "--server",
            choices=["runserver", "gunicorn"],
            default="runserver",
            help="runserver (reloads on code changes) or gunicorn (as in production).",
        )

    def handle(self, address: str, server: str, **options):
        manage = str(Path(settings.BASE_DIR) / "manage.py")
        if server == "gunicorn":
            web = [sys.executable, "-m", "gunicorn", "--bind", address, "emanager.wsgi"]
        else:
            web = [sys.executable, manage, "runserver", "--noreload", address]
        # Without its autoreloader (on by default with DEBUG): a reloading
        # worker is two processes, and stopping the first would leave the
        # second running on its own.
        worker = [sys.executable, manage, "db_worker", "--no-reload"]
        if settings.TASKS_BACKEND != "database":
            raise CommandError("serve needs TASKS_BACKEND=database, whose worker it runs.")

        stopping = False

        def request_stop(signum, frame):
            nonlocal stopping
            stopping = True

        previous = {
            sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)
        }
        processes = [subprocess.Popen(web), subprocess.Popen(worker)]
        self.stdout.write(
            self.style.SUCCESS(f"e-Manager at http://{address}/ with its task worker. ")
            + "Press Ctrl-C to stop both."
        )
        exit_code = 0
        try:
            while not stopping:
                if any(p.poll() is not None for p in processes):
                    exit_code = 1
                    self.stderr.write("A process stopped unexpectedly; stopping the other.")
                    break
                time.sleep(0.2)
        finally:
            for process in processes:
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + STOP_TIMEOUT
            for process in processes:
                try:
                    process.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if exit_code:
            raise CommandError("The web server or the worker exited.")
        self.stdout.write("Stopped.")
