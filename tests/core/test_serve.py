"""`manage.py serve`: the web server and the task worker as one command."""

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.notifications.support import free_port

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def environment(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "emanager.settings",
        "DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        "TASKS_BACKEND": "database",
        "MAIL_BACKEND": "memory",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=180,
    )
    return env


def wait_for(url: str, timeout: float = 30) -> bytes:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback)
                return response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def children_of(pid: int) -> list[int]:
    output = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True
    )
    return [int(line) for line in output.stdout.split()]


def stop_group(process: subprocess.Popen) -> None:
    """Kill whatever is left of the command's process group, even after a failed test."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def left_in_group(pgid: int) -> list[str]:
    """The processes still alive in the command's process group (zombies aside)."""
    output = subprocess.run(
        ["ps", "-o", "stat=,args=", "-g", str(pgid)], capture_output=True, text=True
    )
    return [line for line in output.stdout.splitlines() if line and not line.startswith("Z")]


def test_serve_runs_site_and_worker_and_ctrl_c_stops_both(environment, tmp_path):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "serve", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        assert wait_for(f"http://127.0.0.1:{port}/healthz") == b'{"status": "ok"}'
        children = children_of(process.pid)
        assert len(children) == 2

        marker = tmp_path / "marker.txt"
        subprocess.run(
            [
                sys.executable,
                "manage.py",
                "shell",
                "-c",
                "from tests.core.worker_tasks import write_marker;"
                f"write_marker.enqueue({str(marker)!r}, 'done')",
            ],
            cwd=ROOT,
            env=environment,
            check=True,
            timeout=60,
        )
        deadline = time.monotonic() + 30
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.3)
        assert marker.read_text() == "done"

        # Ctrl-C in a terminal sends SIGINT to the whole process group.
        os.killpg(process.pid, signal.SIGINT)
        assert process.wait(timeout=20) == 0
        for child in children:
            with pytest.raises(ProcessLookupError):
                os.kill(child, 0)
        assert left_in_group(process.pid) == []
    finally:
        stop_group(process)


def test_serve_stops_the_server_when_the_worker_dies(environment):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "serve", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz")
        server, worker = children_of(process.pid)
        os.kill(worker, signal.SIGKILL)
        assert process.wait(timeout=20) != 0
        with pytest.raises(ProcessLookupError):
            os.kill(server, 0)
        # Nothing of the worker stays behind either (a reloading worker would).
        time.sleep(1)
        assert left_in_group(process.pid) == []
    finally:
        stop_group(process)
