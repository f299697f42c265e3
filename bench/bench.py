"""Drive the benchmark of bench/README.md: one database per size, gunicorn, wrk.

Run through ``bench/run``; ``bench/run --help`` lists the options.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import secrets
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import psycopg

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PYTHON = sys.executable
PG_ADMIN = "postgres://emanager:emanager@127.0.0.1:5432/emanager"
MB = 1024 * 1024

# Targets of issue 7.
READ_SHARE = 0.25
READ_P95 = 4.0
SUBMIT_SHARE = 0.30
GROWTH_P95 = 1.5
WORKER_MB = 200


@dataclass
class Result:
    name: str
    path: str
    rps: float = 0.0
    p50: float = 0.0
    p95: float = 0.0
    p99: float = 0.0
    queries: str = "?"
    errors: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass
class Run:
    size: int
    letters: int
    plan: dict
    results: dict[str, Result]
    peak_rss_mb: float
    numbers: dict


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__)
    parser.add_argument("--sizes", default="10000,1000000", help="letters, comma-separated")
    parser.add_argument("--duration", type=int, default=30, help="seconds per page")
    parser.add_argument("--warmup", type=int, default=5, help="seconds of warm-up per page")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (README)")
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker")
    parser.add_argument(
        "--conn-max-age", type=int, default=60, help="DATABASE_CONN_MAX_AGE (README: 60)"
    )
    parser.add_argument(
        "--page-cache",
        choices=["on", "off"],
        default="on",
        help="PAGE_CACHE: off renders every public page afresh (the cost of a cache miss)",
    )
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--queries",
        default="განათება|გზის შეკეთება|მიწოდება",
        help="three search queries, separated by |",
    )
    parser.add_argument(
        "--data",
        choices=["generate", "demo"],
        default="generate",
        help="generate_load_data, or load_demo (about 200 letters, to try the harness)",
    )
    parser.add_argument(
        "--fresh", action="store_true", help="drop the size's database first and fill it again"
    )
    parser.add_argument("--only", default="", help="comma-separated page names to run")
    parser.add_argument(
        "--output",
        default=str(ROOT / "var" / "bench" / "last-run.md"),
        help="Markdown file for the table",
    )
    parser.add_argument("--database-url", default=PG_ADMIN, help="a role that may createdb")
    return parser.parse_args()


# --- Environment -------------------------------------------------------------


def bench_env(args: argparse.Namespace, database: str) -> dict[str, str]:
    """Production settings, as README's deployment section has them."""
    base = args.database_url.rsplit("/", 1)[0]
    key_file = ROOT / "var" / "bench" / "secret_key"
    key_file.parent.mkdir(parents=True, exist_ok=True)
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(64))
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="emanager.settings",
        DEBUG="false",
        SECRET_KEY=key_file.read_text().strip(),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        BEHIND_PROXY="true",
        HTTPS="true",
        DATABASE_URL=f"{base}/{database}",
        DATABASE_CONN_MAX_AGE=str(args.conn_max_age),
        PAGE_CACHE="true" if args.page_cache == "on" else "false",
        STATIC_ROOT=str(ROOT / "var" / "bench" / "static"),
        MAIL_BACKEND="memory",
        TASKS_BACKEND="database",
        LOG_LEVEL="WARNING",
        EMANAGER_BENCH="1",
        BENCH_DIR=str(BENCH),
    )
    return env


def ensure_database(args: argparse.Namespace, name: str) -> None:
    with psycopg.connect(args.database_url, autocommit=True) as connection:
        if args.fresh:
            log(f"dropping database {name}")
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            log(f"creating database {name}")
            connection.execute(f'CREATE DATABASE "{name}"')


def manage(env: dict[str, str], *arguments: str, capture: bool = False) -> str:
    result = subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return result.stdout or ""


def prepare(env: dict[str, str], *arguments: str) -> object:
    out = subprocess.run(
        [PYTHON, str(BENCH / "prepare.py"), *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def fill(args: argparse.Namespace, env: dict[str, str], size: int) -> str | None:
    """Generate the data once; return the username of the official closest to 5,000 letters."""
    letters = prepare(env, "count")
    if letters and args.data == "demo":
        log(f"database holds the demo data ({letters} letters): not loading it again")
        return None
    if letters >= size:
        log(f"database already holds {letters} letters: not generating")
        return None
    if letters:
        raise SystemExit(
            f"The database holds {letters} letters, fewer than {size}: drop it "
            f"(dropdb -h 127.0.0.1 -U emanager {env['DATABASE_URL'].rsplit('/', 1)[1]}) "
            "and run again."
        )
    if args.data == "generate":
        log(f"generating {size} letters")
        try:
            out = manage(
                env,
                "generate_load_data",
                "--letters",
                str(size),
                "--seed",
                str(args.seed),
                capture=True,
            )
        except subprocess.CalledProcessError:
            raise SystemExit(
                "generate_load_data failed; run again with --fresh (or --data demo)"
            ) from None
        print(out, end="")
        # "Busiest official: <username> (N letters); closest to 5,000: <username> (N); ..."
        match = re.search(r"closest to 5,000: (\S+)", out)
        return match[1] if match else None
    log("loading the demo data (load_demo)")
    manage(env, "load_demo")
    return None


# --- Server ------------------------------------------------------------------


class Server:
    def __init__(self, args: argparse.Namespace, env: dict[str, str]):
        self.args = args
        self.base = f"http://127.0.0.1:{args.port}"
        command = [
            PYTHON, "-m", "gunicorn", "emanager.wsgi",
            "--bind", f"127.0.0.1:{args.port}",
            "--workers", str(args.workers),
            "--threads", str(args.threads),
            "--timeout", "120",
            "--log-level", "warning",
        ]  # fmt: skip
        self.process = subprocess.Popen(command, cwd=ROOT, env=env)
        self.peak = 0
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._wait()
        self._sampler.start()

    def _wait(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("gunicorn exited at start-up")
            try:
                fetch(self.base + "/healthz")
                return
            except (OSError, urllib.error.URLError):
                time.sleep(0.3)
        raise SystemExit("gunicorn did not answer within 60 s")

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def _sample(self) -> None:
        # VmHWM is the process's peak resident set; sampled because workers
        # may be replaced, and the peak of every worker ever seen is kept.
        while not self._stop.wait(0.5):
            for pid in self.workers():
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
                if match:
                    self.peak = max(self.peak, int(match[1]) * 1024)

    def stop(self) -> float:
        self._stop.set()
        self._sampler.join()
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        return self.peak / MB


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(
    url: str, headers: dict[str, str] | None = None, data: bytes | None = None
) -> tuple[int, dict, bytes]:
    """One request to the local server, redirects not followed."""
    if not url.startswith("http://127.0.0.1:"):
        raise ValueError(url)
    headers = {"X-Forwarded-Proto": "https", **(headers or {})}
    request = urllib.request.Request(url, headers=headers, data=data)  # noqa: S310
    try:
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


# --- Load --------------------------------------------------------------------


def wrk(args, url: str, script: str, env: dict[str, str], duration: int) -> dict:
    command = [
        shutil.which("wrk") or "wrk", "--latency",
        "-t", str(args.wrk_threads), "-c", str(args.connections), "-d", f"{duration}s",
        "--timeout", "30s", "-s", str(BENCH / script), url,
    ]  # fmt: skip
    try:
        out = subprocess.run(command, env=env, check=True, text=True, capture_output=True).stdout
    except subprocess.CalledProcessError as error:
        raise SystemExit(f"wrk failed for {url}:\n{error.stderr or error.stdout}") from None
    for line in out.splitlines():
        if line.startswith("BENCH_JSON "):
            return json.loads(line[len("BENCH_JSON ") :])
    raise SystemExit(f"wrk gave no result for {url}:\n{out}")


def pages(plan: dict, queries: list[str]) -> list[tuple[str, str, str, str]]:
    """(name, path, script, cookie) for each page."""
    p = plan["prefix"] + "/ka"
    staff = f"sessionid={plan['staff_session']}"
    listed = [
        ("bare ok", "/bench/ok", "get.lua", ""),
        ("home", f"{p}/", "get.lua", ""),
        ("archive", f"{p}/archive/", "get.lua", ""),
    ]
    if plan["deep_cursor"]:
        listed.append(("archive deep", f"{p}/archive/?before={plan['deep_cursor']}", "get.lua", ""))
    if plan["public_letter"]:
        listed.append(
            ("public letter", f"{p}/letters/public/{plan['public_letter']}/", "get.lua", "")
        )
    for number, query in enumerate(queries, 1):
        listed.append((f"search {number}", f"{p}/archive/search/?q={quote(query)}", "get.lua", ""))
    listed += [
        ("official", f"{p}/accountability/officials/{plan['official']}/", "get.lua", ""),
        ("ranking", f"{p}/accountability/", "get.lua", ""),
        ("foi register", f"{p}/public-information/register/", "get.lua", ""),
        ("annual report", f"{p}/public-information/report/", "get.lua", ""),
        ("staff inbox", f"{plan['staff_prefix']}/ka/staff/", "get.lua", staff),
        ("submit", f"{p}/letters/write/", "submit.lua", ""),
    ]  # fmt: skip
    return listed


def measure(args: argparse.Namespace, size: int) -> Run:
    database = f"emanager_bench_{size}"
    ensure_database(args, database)
    env = bench_env(args, database)
    log(f"[{size}] migrate and collectstatic ({database})")
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    inbox_user = fill(args, env, size)
    plan_args = ["plan", *(["--staff", inbox_user] if inbox_user else [])]
    plan = prepare(env, *plan_args)
    log(f"[{size}] plan: " + json.dumps({k: v for k, v in plan.items() if "session" not in k}))
    queries = args.queries.split("|")
    only = {name.strip() for name in args.only.split(",") if name.strip()}
    server = Server(args, env)
    results: dict[str, Result] = {}
    numbers: dict = {}
    csrf = secrets.token_hex(16)
    try:
        for name, path, script, cookie in pages(plan, queries):
            if only and name not in only and name != "bare ok":
                continue
            url = server.base + path
            run_env = {**env, "BENCH_COOKIE": cookie}
            result = Result(name, path)
            if script == "submit.lua":
                run_env.update(
                    BENCH_COOKIE=f"sessionid={plan['citizen_session']}",
                    BENCH_CSRF=csrf,
                    BENCH_ORIGIN=f"https://127.0.0.1:{args.port}",
                    BENCH_ADDRESSEE=plan["addressee"],
                )
                before = prepare(env, "counters")
            else:
                status, headers, _body = fetch(
                    url,
                    {"X-Bench-Count": "1", "Cookie": cookie} if cookie else {"X-Bench-Count": "1"},
                )
                result.queries = headers.get("X-Bench-Queries", "?")
                if status != 200:
                    result.notes.append(f"HTTP {status}")
            if args.warmup:
                wrk(
                    args,
                    url,
                    script,
                    {**run_env, "BENCH_RUN": str(secrets.randbits(31))},
                    args.warmup,
                )
            if script == "submit.lua":
                before = prepare(env, "counters")
            log(f"[{size}] {name}: {path}")
            figures = wrk(
                args,
                url,
                script,
                {**run_env, "BENCH_RUN": str(secrets.randbits(31))},
                args.duration,
            )
            if script == "submit.lua":
                numbers = prepare(env, "check-numbers", json.dumps(before))
                result.queries = submit_queries(server, url, run_env)
            result.rps = figures["requests"] / (figures["duration_us"] / 1e6)
            result.p50, result.p95, result.p99 = (
                figures[key] / 1000 for key in ("p50_us", "p95_us", "p99_us")
            )
            result.errors = figures["errors"] + figures["status_errors"]
            results[name] = result
    finally:
        peak = server.stop()
    return Run(size, plan["letters"], plan, results, peak, numbers)


def submit_queries(server: Server, url: str, env: dict[str, str]) -> str:
    """The queries of one more registration, counted by the middleware."""
    body = (
        f"csrfmiddlewaretoken={env['BENCH_CSRF']}&submission_key={secrets.token_hex(16)}"
        f"&addressee={quote(env['BENCH_ADDRESSEE'])}&kind=application"
        "&subject=Counted&body=One+more+letter+to+count+the+queries.&author_name=Bench"
        "&author_address=Street+1&publication=private"
    )
    status, headers, _body = fetch(
        url,
        {
            "X-Bench-Count": "1",
            "Origin": env["BENCH_ORIGIN"],
            "Referer": env["BENCH_ORIGIN"] + "/",
            "Cookie": f"{env['BENCH_COOKIE']}; csrftoken={env['BENCH_CSRF']}",
            "Content-Type": "application/x-www-form-urlencoded",
        },
        data=body.encode(),
    )
    if status != 302:
        return f"HTTP {status}"
    return headers.get("X-Bench-Queries", "?")


# --- Report ------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def table(runs: list[Run]) -> str:
    lines = []
    small, large = runs[0], runs[-1]
    header = ["page"]
    for run in runs:
        s = f"{run.size:,}"
        header += [f"req/s {s}", f"p50 ms {s}", f"p95 ms {s}", f"p99 ms {s}", f"SQL {s}",
                   f"% bare {s}", f"errors {s}"]  # fmt: skip
    header += ["share", "p95 vs bare", "p95 growth"]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    names = list(large.results)
    for name in names:
        row = [name]
        for run in runs:
            r = run.results.get(name)
            bare = run.results.get("bare ok")
            if r is None or bare is None:
                row += ["-"] * 7
                continue
            share = r.rps / bare.rps if bare.rps else 0
            errors = str(r.errors) + (" " + ", ".join(r.notes) if r.notes else "")
            row += [f"{r.rps:.0f}", f"{r.p50:.1f}", f"{r.p95:.1f}", f"{r.p99:.1f}", r.queries,
                    f"{share:.0%}", errors]  # fmt: skip
        r, bare = large.results[name], large.results["bare ok"]
        if name == "bare ok":
            row += ["", "", ""]
        else:
            share = r.rps / bare.rps if bare.rps else 0
            need = SUBMIT_SHARE if name == "submit" else READ_SHARE
            measured = r.rps > 0 and bare.rps > 0
            row.append(verdict(measured and share >= need and r.errors == 0))
            row.append(
                verdict(measured and r.p95 < READ_P95 * bare.p95) if name != "submit" else ""
            )
            before = small.results.get(name)
            if len(runs) > 1 and before and before.p95 and r.rps > 0:
                row.append(
                    verdict(r.p95 <= GROWTH_P95 * before.p95) + f" ({r.p95 / before.p95:.2f}x)"
                )
            else:
                row.append("-")
        lines.append("| " + " | ".join(row) + " |")
    lines.append("")
    for run in runs:
        n = run.numbers
        if n:
            ok = n["duplicates"] == 0 and n["skipped"] == 0
            lines.append(
                f"- {run.size:,} letters: submit registered {n['registered']} numbers, "
                f"{n['duplicates']} duplicate, {n['skipped']} skipped: {verdict(ok)}"
            )
        lines.append(
            f"- {run.size:,} letters: gunicorn worker peak RSS {run.peak_rss_mb:.0f} MB "
            f"(target < {WORKER_MB} MB): {verdict(run.peak_rss_mb < WORKER_MB)}"
        )
        plan = run.plan
        lines.append(
            f"- {run.size:,} letters: database holds {run.letters:,} letters, "
            f"{plan['municipality_letters']:,} letters and {plan['published']:,} published in "
            f"{plan['municipality']} (the public pages' municipality); staff inbox of "
            f"{plan['staff_user']} ({plan['staff_letters']:,} letters)"
        )
    lines.append("")
    lines.append(
        "Targets at the largest size: share = throughput >= 25% of bare (submit >= 30%, no "
        "errors); p95 vs bare = p95 < 4x bare p95; p95 growth = p95 within 1.5x the smallest "
        "size's."
    )
    return "\n".join(lines)


def machine(args: argparse.Namespace) -> str:
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "?"
    match = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
    if match:
        memory = f"{int(match[1]) / MB:.1f} GB"
    with psycopg.connect(args.database_url) as connection:
        pg = connection.execute("SHOW server_version").fetchone()[0]
    import django

    wrk_path = shutil.which("wrk") or "wrk"
    wrk_version = subprocess.run([wrk_path, "-v"], capture_output=True, text=True).stdout
    wrk_version = wrk_version.splitlines()[0].split(" [")[0] if wrk_version else "wrk ?"
    load = os.getloadavg()
    return "\n".join(
        [
            f"- CPU: {cpu}, {os.cpu_count()} cores; RAM {memory}; load average at start "
            f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
            f"- PostgreSQL {pg}; Python {platform.python_version()}; "
            f"Django {django.get_version()}; {wrk_version}",
            f"- gunicorn {args.workers} workers x {args.threads} threads; wrk {args.wrk_threads} "
            f"threads, {args.connections} connections, {args.duration} s per page after "
            f"{args.warmup} s warm-up; DATABASE_CONN_MAX_AGE={args.conn_max_age}; "
            f"PAGE_CACHE={args.page_cache}",
        ]
    )


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def check_postgres(args: argparse.Namespace) -> None:
    """Fail at once, with the reason, when the PostgreSQL of --database-url does not answer."""
    try:
        with psycopg.connect(args.database_url, connect_timeout=5):
            pass
    except psycopg.OperationalError as error:
        raise SystemExit(
            f"PostgreSQL does not answer at --database-url ({error}).\n"
            "Start it (pg_ctlcluster 15 main start) or pass --database-url with a role "
            "that may create databases."
        ) from None


def main() -> None:
    args = parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk (bench/run does it when root)")
    check_postgres(args)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    sizes = [int(size) for size in args.sizes.split(",")]
    description = machine(args)
    runs = [measure(args, size) for size in sizes]
    report = "\n".join(
        [
            f"## Run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
            "",
            description,
            "",
            table(runs),
            "",
        ]
    )
    print(report)
    Path(args.output).write_text(report)
    log(f"table written to {args.output}")


if __name__ == "__main__":
    main()
