"""`make bench`: each public page's throughput as a share of a hello-world view's,
measured in one run on the same server (gunicorn), plus latency and page weight.

Ratios, not absolute times, are the result: they hold from one machine to another.
Uses wrk when it is installed (Debian: `apt-get install wrk`), else a small
keep-alive load generator in Python (which loads the same cores as the server, so
the hello-world baseline is underestimated and the ratios flattered: install wrk
for numbers to quote). DATABASE_URL picks the database (PostgreSQL for real
figures); without it a throw-away SQLite database under var/bench/ is used.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
TARGETS = [
    ("hello-world view (baseline)", "/bench/hello/"),
    ("home, Arabic", "/ar/"),
    ("home, English", "/en/"),
    ("sign-in page", "/ar/accounts/login/"),
    ("member directory", "/ar/organizations/"),
    ("directory search", "/ar/organizations/?q=%D8%A7%D9%84%D8%A7%D9%85%D9%84"),
    ("how to join", "/ar/join/"),
    ("programs and calls", "/ar/programs/"),
    ("an open call", "/ar/calls/{open_call}/"),
    ("feedback form", "/ar/feedback/"),
    ("feedback figures per service", "/ar/feedback/services/"),
    ("API: organizations", "/api/v1/organizations/"),
    ("API: open calls", "/api/v1/calls/?status=open"),
    ("API: governorates", "/api/v1/governorates/"),
    ("health check", "/healthz"),
]
TARGET_RATIO = 0.25
TARGET_P95_MS = 300


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(cmd: list[str], env: dict[str, str]) -> None:
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def open_call(env: dict[str, str]) -> int:
    """The id of a seeded call that is open now (its public page is benched)."""
    out = subprocess.run(
        [
            PY,
            "manage.py",
            "shell",
            "-c",
            "from mujtama.programs.models import Call; "
            "print(Call.objects.filter(status='open').order_by('pk').values_list('pk', flat=True)[0])",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return int(out.strip().splitlines()[-1])


def wait_up(port: int, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not come up")


def wrk(port: int, path: str, seconds: int, connections: int) -> dict[str, float]:
    out = subprocess.run(
        [
            "wrk",
            f"-t{min(4, connections)}",
            f"-c{connections}",
            f"-d{seconds}s",
            "-s",
            str(ROOT / "benchmarks" / "percentiles.lua"),
            "-H",
            "Accept-Encoding: gzip",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def ms(label: str) -> float:
        match = re.search(rf"^P{label} ([\d.]+)$", out, re.M)
        return float(match.group(1)) if match else float("nan")

    errors = 0
    if m := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(m.group(1))
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        errors += sum(int(g) for g in m.groups())
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return {
        "rps": rps,
        "p50": ms("50"),
        "p95": ms("95"),
        "p99": ms("99"),
        "errors": errors,
    }


def python_load(port: int, path: str, seconds: int, connections: int) -> dict[str, float]:
    latencies: list[float] = []
    errors = [0]
    stop = time.time() + seconds
    lock = threading.Lock()

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        local: list[float] = []
        while time.time() < stop:
            start = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
                response = conn.getresponse()
                response.read()
                if response.status >= 400:
                    errors[0] += 1
            except OSError:
                errors[0] += 1
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                continue
            local.append((time.perf_counter() - start) * 1000)
        with lock:
            latencies.extend(local)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 100 else [float("nan")] * 99
    return {
        "rps": len(latencies) / seconds,
        "p50": q[49],
        "p95": q[94],
        "p99": q[98],
        "errors": errors[0],
    }


def page_weight(port: int, path: str) -> tuple[int, int]:
    """Compressed bytes of the page and every asset it references, on a first visit,
    and of the page alone on a repeat visit (assets cached for a year)."""

    def get(url: str) -> bytes:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", url)
        return conn.getresponse().read()

    html = get(path)
    total = len(gzip.compress(html))
    for asset in set(re.findall(rb'(?:href|src)="(/static/[^"]+)"', html)):
        total += len(gzip.compress(get(asset.decode())))
    return total, len(gzip.compress(html))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 2) * 2)
    args = parser.parse_args()

    env = {**os.environ, "MUJTAMA_BENCH": "1", "DEBUG": "0", "LOG_LEVEL": "WARNING"}
    if "DATABASE_URL" not in env:
        bench_dir = ROOT / "var" / "bench"
        shutil.rmtree(bench_dir, ignore_errors=True)
        bench_dir.mkdir(parents=True)
        env["DATABASE_URL"] = f"sqlite:///{bench_dir / 'bench.sqlite3'}"
    run([PY, "manage.py", "migrate", "--noinput"], env)
    run([PY, "manage.py", "compile_translations"], env)
    run([PY, "manage.py", "seed_demo"], env)
    run([PY, "manage.py", "collectstatic", "--noinput"], env)
    targets = [(label, path.format(open_call=open_call(env))) for label, path in TARGETS]

    port = free_port()
    server = subprocess.Popen(
        [
            PY,
            "-m",
            "gunicorn",
            "config.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        wait_up(port)
        tool = "wrk" if shutil.which("wrk") else "python"
        load = wrk if tool == "wrk" else python_load
        print(
            f"load: {tool}, {args.connections} connections, {args.seconds}s per page, "
            f"gunicorn with {args.workers} workers, database {env['DATABASE_URL'].split(':')[0]}\n"
        )
        results = {}
        for label, path in targets:
            load(port, path, 2, args.connections)  # warm-up
            results[path] = {"label": label, **load(port, path, args.seconds, args.connections)}
        base = results["/bench/hello/"]["rps"]
        print(f"{'page':34} {'req/s':>9} {'ratio':>7} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
        ok = True
        for path, r in results.items():
            ratio = r["rps"] / base if base else float("nan")
            r["ratio"] = ratio
            flag = ""
            public_page = path != "/bench/hello/" and path.startswith(("/ar/", "/en/"))
            if public_page and (ratio < TARGET_RATIO or r["p95"] > TARGET_P95_MS or r["errors"]):
                flag, ok = "  <- below target", False
            print(
                f"{r['label']:34} {r['rps']:9.0f} {ratio:7.1%} {r['p50']:8.1f} {r['p95']:8.1f} "
                f"{int(r['errors']):7d}{flag}"
            )
        print("\npage weight (gzip): first visit / repeat visit")
        for path in [
            "/ar/",
            "/en/",
            "/ar/accounts/login/",
            "/ar/accounts/signup/",
            "/ar/organizations/",
            "/ar/join/",
            "/ar/programs/",
            dict(targets)["an open call"],
            "/ar/feedback/",
            "/ar/feedback/services/",
        ]:
            first, repeat = page_weight(port, path)
            results.setdefault(path, {})["weight"] = {"first": first, "repeat": repeat}
            print(f"  {path:28} {first / 1024:6.1f} KB / {repeat / 1024:5.1f} KB")
        out = ROOT / "var" / "bench-results.json"
        out.write_text(json.dumps({"tool": tool, "results": results}, indent=2, default=str))
        print(
            f"\ntargets: public pages >= {TARGET_RATIO:.0%} of hello-world, "
            f"p95 < {TARGET_P95_MS} ms, 0 errors: {'met' if ok else 'NOT met'} "
            f"(details: {out.relative_to(ROOT)})"
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
