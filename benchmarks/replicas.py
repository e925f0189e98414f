"""Replicas of `scrbot run --webhook` behind nginx, sharing one Redis store: the processes and the benchmark.

The pieces the replica tests (tests/test_replicas.py) and `scrbot bench` share, each a real process on
127.0.0.1 only, in a folder of its own:

* `Nginx`: `nginx -p DIR -c nginx.conf -g 'daemon off;'` with a generated config (`nginx_config`): one
  upstream of the replicas, `proxy_next_upstream error timeout http_503 non_idempotent` (a webhook
  POST is not idempotent to nginx, but a replica that answered 503 or died did not commit it), short
  proxy timeouts, pid, logs and temporary files in DIR, so no root and no system nginx is needed;
* `RedisServer`: a bare redis-server on a free port, nothing saved (the tests' fixtures use it too);
* `Replica`: `python -m bot run --webhook` with SCRBOT_STORE=redis://..., ready when its /readyz is 200.

The benchmark (`bench_replicas`, the `replicas` section of `scrbot bench`): the same load through nginx
to one replica, then to two, with the same Redis server: a driver posts webhook updates as Telegram
would (with the secret), over 50 group chats, each chat's updates one after another in order and the
chats concurrently; it measures updates per second (first post to last 200), the p95 of the handling
latency (a POST until its 200), and counts the updates never answered (lost) and answered more than
once (duplicated), from the replies the Bot API emulator recorded. With no redis-server or nginx on the
machine the section says so and the rest of the bench runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import grp
import json
import os
import pwd
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 30.0  # seconds for a replica to answer /readyz 200
HOOK = "hook"
REDIS_START_TIMEOUT = 10.0  # seconds for a new redis-server to answer PING
SECRET = "replicas-Secret_7"
QUESTION = "how many SCRs were published in 2013/14?"  # answered with 71


# -- finding the programs ------------------------------------------------------------------------------


def find_nginx() -> str | None:
    """nginx's path: on PATH, or in /usr/sbin (Debian's, which is not on a non-root user's PATH)."""
    found = shutil.which("nginx")
    if found:
        return found
    for path in ("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"):
        if os.access(path, os.X_OK):
            return path
    return None


def find_redis_server() -> str | None:
    return shutil.which("redis-server") or (
        "/usr/sbin/redis-server" if os.access("/usr/sbin/redis-server", os.X_OK) else None
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, timeout: float = 10.0, alive: Any = None) -> None:
    """Until something accepts connections on 127.0.0.1:port; `alive()` False stops the wait early."""
    deadline = time.monotonic() + timeout
    while True:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        if alive is not None and not alive():
            raise RuntimeError(f"the process meant to listen on port {port} exited")
        if time.monotonic() > deadline:
            raise TimeoutError(f"nothing listens on port {port} after {timeout:g} s")
        time.sleep(0.02)


def http_get(port: int, path: str, timeout: float = 5.0) -> tuple[int, str]:
    """(status, body) of a GET on 127.0.0.1 (no proxy); status 0 when nothing answers."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"http://127.0.0.1:{port}{path}", timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()
    except OSError:
        return 0, ""


# -- nginx ---------------------------------------------------------------------------------------------


def _compiled_without(binary: str) -> set[str]:
    """The modules this nginx was built without (`nginx -V`): their *_temp_path directives do not exist."""
    done = subprocess.run([binary, "-V"], capture_output=True, text=True, timeout=10, check=False)
    return {word.removeprefix("--without-") for word in done.stderr.split() if word.startswith("--without-")}


def terminate(process: subprocess.Popen[bytes], wait: float = 5.0) -> None:
    """SIGTERM, and SIGKILL if it has not exited within `wait` seconds."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(wait)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(wait)


def nginx_config(
    folder: Path,
    port: int,
    upstreams: Sequence[int],
    *,
    without: set[str] | None = None,
    connect_timeout: float = 1.0,
    read_timeout: float = 10.0,
    access_log: bool = True,
    site: str = "",
) -> str:
    """An nginx.conf for `nginx -p folder`: 127.0.0.1:port proxies to the replicas on `upstreams`.

    `site`, when given, is the `upstream` and `server` blocks to use instead (the README's, in a test).

    `max_fails=0`: a replica's 503 (an update another replica holds, or its store failing) is not
    the replica failing, and must not take both out of the upstream for a while; a dead replica
    costs a refused connection on 127.0.0.1, then nginx tries the next (`error`). Two tries at most:
    each replica once.
    """
    without = without or set()
    temp = folder / "temp"
    paths = [f"client_body_temp_path {temp / 'body'};", f"proxy_temp_path {temp / 'proxy'};"]
    for module in ("fastcgi", "uwsgi", "scgi"):
        if f"http_{module}_module" not in without:
            paths.append(f"{module}_temp_path {temp / module};")
    user = ""
    if os.geteuid() == 0:  # workers would otherwise run as nobody, who cannot enter a private temp folder
        user = f"user {pwd.getpwuid(0).pw_name} {grp.getgrgid(os.getegid()).gr_name};"
    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=0;" for p in upstreams)
    log = f"access_log {folder / 'access.log'} upstreams;" if access_log else "access_log off;"
    site = site or f"""    upstream scrbot {{
{servers}
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://scrbot;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_next_upstream error timeout http_503 non_idempotent;
            proxy_next_upstream_tries {len(upstreams)};
            proxy_connect_timeout {connect_timeout:g}s;
            proxy_send_timeout 5s;
            proxy_read_timeout {read_timeout:g}s;
        }}
    }}"""
    return f"""# generated by benchmarks/replicas.py
worker_processes 1;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"} warn;
{user}
events {{
    worker_connections 1024;
}}
http {{
    log_format upstreams '$msec $status $request_time "$upstream_addr" "$upstream_status"';
    {log}
    {chr(10).join("    " + p for p in paths).strip()}
{site}
}}
"""


class Nginx:
    """One nginx master (and its worker) proxying 127.0.0.1:`port` to the replicas on `upstreams`."""

    def __init__(
        self, binary: str, folder: Path, upstreams: Sequence[int], port: int | None = None, **options: Any
    ) -> None:
        self.binary = binary
        self.folder = folder
        self.upstreams = list(upstreams)
        self.options = options
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{HOOK}"

    def start(self) -> Nginx:
        self.folder.mkdir(parents=True, exist_ok=True)
        for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.folder / "temp" / name).mkdir(parents=True, exist_ok=True)
        config = nginx_config(self.folder, self.port, self.upstreams, without=_compiled_without(self.binary),
                              **self.options)  # fmt: skip
        (self.folder / "nginx.conf").write_text(config, encoding="utf-8")
        command = [self.binary, "-p", str(self.folder), "-e", str(self.folder / "error.log"),
                   "-c", str(self.folder / "nginx.conf"), "-g", "daemon off;"]  # fmt: skip
        with (self.folder / "stderr.log").open("wb") as out:
            self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                            cwd=self.folder)  # fmt: skip
        try:
            wait_for_port(self.port, 10, alive=lambda: self.process is not None and self.process.poll() is None)
        except (RuntimeError, TimeoutError) as exc:
            self.stop()
            raise RuntimeError(f"nginx did not start ({exc}): {self.log()}") from None
        return self

    def stop(self) -> None:
        if self.process is None:
            return
        terminate(self.process)  # nginx: a fast shutdown
        self.process = None

    def log(self) -> str:
        text = ""
        for name in ("stderr.log", "error.log"):
            with contextlib.suppress(OSError):
                text += (self.folder / name).read_text(errors="replace")[-2000:]
        return text

    def access_log(self) -> list[str]:
        with contextlib.suppress(OSError):
            return (self.folder / "access.log").read_text(errors="replace").splitlines()
        return []

    def __enter__(self) -> Nginx:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


# -- redis-server ---------------------------------------------------------------------------------------


class RedisServer:
    """One redis-server process on a free port, nothing saved; `url` stays the same across `stop()` and
    `start()` (outage tests). The tests' fixtures (tests/redis_server.py) start theirs with this class."""

    def __init__(self, binary: str, folder: Path, password: str | None = None) -> None:
        self.binary = binary
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.password = password
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        command = [
            self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", str(self.folder), "--daemonize", "no", "--logfile", str(self.folder / "redis.log"),
        ]  # fmt: skip
        if self.password:
            command += ["--requirepass", self.password]
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.STDOUT, cwd=self.folder)  # fmt: skip
        deadline = time.monotonic() + REDIS_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self.process.returncode}: {self.log()}")
            if self._answers():
                return self
            time.sleep(0.02)
        self.stop()
        raise RuntimeError(f"redis-server did not answer PING on port {self.port} within {REDIS_START_TIMEOUT:g} s")

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                reply = s.recv(64)
        except OSError:
            return False
        return reply.startswith((b"+PONG", b"-NOAUTH"))  # with a password, PING is refused: it answers

    def stop(self) -> None:
        if self.process is None:
            return
        terminate(self.process)
        self.process = None

    def log(self) -> str:
        with contextlib.suppress(OSError):
            return (self.folder / "redis.log").read_text(errors="replace")[-2000:]
        return ""

    def __enter__(self) -> RedisServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


# -- a replica -----------------------------------------------------------------------------------------


def bot_env(extra: dict[str, str]) -> dict[str, str]:
    """This process's environment without any bot setting or proxy, plus `extra`."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SCRBOT_", "TELEGRAM_")) and k.lower() not in ("http_proxy", "https_proxy", "all_proxy")
    }
    env.update(
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
        PYTHONIOENCODING="utf-8",
        PYTHONUNBUFFERED="1",
        NO_PROXY="127.0.0.1,localhost",
    )
    env.update(extra)
    return env


def replica_env(
    emu: Any, store: str, prefix: str, public_url: str, secret: str = SECRET, **extra: str
) -> dict[str, str]:
    """The settings every replica of one deployment shares (each adds its own SCRBOT_WEBHOOK_PORT).

    `public_url` is what Telegram calls (nginx's); each replica serves its path on its own port.
    """
    return {
        "TELEGRAM_BOT_TOKEN": emu.token,
        "TELEGRAM_BASE_URL": emu.base_url,
        "TELEGRAM_BASE_FILE_URL": emu.base_file_url,
        "SCRBOT_STORE": store,
        "SCRBOT_STORE_PREFIX": prefix,
        "SCRBOT_WEBHOOK_URL": public_url,
        "SCRBOT_WEBHOOK_SECRET": secret,
        "SCRBOT_WEBHOOK_LISTEN": "127.0.0.1",
        "SCRBOT_TELEGRAM_LIMITER": "off",  # the emulator has no flood limits
        **extra,
    }


class Replica:
    """`python -m bot run --webhook` on its own port; output to a file (no pipe to fill)."""

    def __init__(self, settings: dict[str, str], folder: Path, name: str = "replica") -> None:
        self.name = name
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        settings = {"SCRBOT_DB": str(folder / f"{name}.db"), **settings, "SCRBOT_WEBHOOK_PORT": str(self.port)}
        self.env = bot_env(settings)
        self.log = folder / f"{name}.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{HOOK}"

    def start(self) -> Replica:
        with self.log.open("wb") as out:
            self.process = subprocess.Popen([sys.executable, "-m", "bot", "run", "--webhook"], cwd=self.folder,
                                            env=self.env, stdin=subprocess.DEVNULL, stdout=out,
                                            stderr=subprocess.STDOUT)  # fmt: skip
        return self

    def wait_ready(self, timeout: float = START_TIMEOUT) -> Replica:
        """Until /readyz answers 200 (the application runs and the store answers)."""
        deadline = time.monotonic() + timeout
        while http_get(self.port, "/readyz", timeout=2)[0] != 200:
            if self.process is None or self.process.poll() is not None:
                code = None if self.process is None else self.process.returncode
                raise RuntimeError(f"{self.name} exited with {code}:\n{self.output}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name} was not ready within {timeout:g} s:\n{self.output}")
            time.sleep(0.05)
        return self

    @property
    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def signal(self, sig: int) -> None:
        assert self.process is not None
        self.process.send_signal(sig)

    def stop(self, timeout: float = 10.0) -> int | None:
        """SIGTERM; the exit code, or None when it had to be killed."""
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            return None

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)


def start_replicas(replicas: Sequence[Replica], timeout: float = START_TIMEOUT) -> None:
    """Start them together, then wait for each to be ready."""
    for replica in replicas:
        replica.start()
    for replica in replicas:
        replica.wait_ready(timeout)


# -- the benchmark -------------------------------------------------------------------------------------

TOKEN = "7654321:AAH-bench_SECRET-replicas_token"
CHATS = 50
UPDATES = 2000  # per run; --quick: QUICK_UPDATES
QUICK_UPDATES = 200
RUNS = 3  # repetitions at most (each starts every process afresh, one replica then two)
HANDLED = 'scrbot_updates_total{kind="message",outcome="handled"}'  # in a replica's /metrics
RETRY_PAUSE = 0.05  # seconds before the driver posts an update that got a non-200 again (Telegram waits longer)


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> int:
    writer.write(request)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    if length:
        await reader.readexactly(length)
    if b"connection: close" in head.lower():
        raise ConnectionResetError("closed by the server")
    return int(head.split(b" ", 2)[1])


async def _drive(port: int, chats: dict[int, list[dict[str, Any]]], secret: str) -> tuple[list[float], int, float]:
    """Post every chat's updates to 127.0.0.1:port, each chat in order on a kept-alive connection of its
    own, the chats at once; (the latency of each update, the posts that were retried, the seconds)."""
    latencies: list[float] = []
    retried = 0

    async def chat(updates: list[dict[str, Any]]) -> None:
        nonlocal retried
        connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        for update in updates:
            body = json.dumps(update).encode()
            request = (
                f"POST /{HOOK} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                f"X-Telegram-Bot-Api-Secret-Token: {secret}\r\nContent-Length: {len(body)}\r\n\r\n"
            ).encode() + body
            begun = time.perf_counter()
            while True:
                try:
                    if connection is None:
                        connection = await asyncio.open_connection("127.0.0.1", port)
                    status = await asyncio.wait_for(_exchange(*connection, request), 30)
                except (OSError, asyncio.IncompleteReadError, TimeoutError):
                    if connection is not None:
                        connection[1].close()
                    connection, status = None, 0
                if status == 200:
                    break
                retried += 1  # Telegram delivers it again later, as here
                await asyncio.sleep(RETRY_PAUSE)
            latencies.append(time.perf_counter() - begun)
        if connection is not None:
            connection[1].close()

    started = time.perf_counter()
    await asyncio.gather(*(chat(updates) for updates in chats.values()))
    return latencies, retried, time.perf_counter() - started


def _plan(emu: Any, updates: int, chats: int, first_chat: int) -> dict[int, list[dict[str, Any]]]:
    """`updates` group questions mentioning the bot, round-robin over `chats` chats, with their update ids.

    The emulator is given them (no webhook is registered: it only learns their chats and messages, so
    the replies quoting them are accepted); the driver delivers them.
    """
    bot = emu.bot_user["username"]
    made = [
        emu.group_message(f"@{bot} {QUESTION}", chat_id=first_chat - n % chats,
                          user={"id": 7_000_000 + n % chats, "is_bot": False, "first_name": f"Bench{n % chats}"})
        for n in range(updates)
    ]  # fmt: skip
    plan: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for update, update_id in zip(made, emu.push_updates(made), strict=True):
        plan[update["message"]["chat"]["id"]].append({**update, "update_id": update_id})
    return plan


def _answers(emu: Any, plan: dict[int, list[dict[str, Any]]]) -> tuple[int, int, int]:
    """(lost, duplicated, out of order) from the replies the emulator recorded, each quoting its question."""
    quoted: dict[int, list[int]] = defaultdict(list)
    for call in emu.calls_to("sendMessage"):
        parameters = call.params.get("reply_parameters")
        if call.ok and isinstance(parameters, dict):
            quoted[int(call.params["chat_id"])].append(parameters["message_id"])
    lost = duplicated = disordered = 0
    for chat, updates in plan.items():
        wanted = [u["message"]["message_id"] for u in updates]
        got = quoted.get(chat, [])
        counts = Counter(got)
        lost += sum(1 for m in wanted if m not in counts)
        duplicated += sum(n - 1 for n in counts.values() if n > 1)
        duplicated += sum(n for m, n in counts.items() if m not in wanted)  # a reply to nothing asked
        disordered += got != sorted(got)
    return lost, duplicated, disordered


def run_replicas_once(
    count: int, redis_url: str, nginx: str, folder: Path, updates: int, chats: int = CHATS
) -> dict[str, Any]:
    """One run: `count` replicas behind nginx, a fresh emulator and key prefix, the same Redis server."""
    from .botapi_emulator import BotAPIEmulator
    from .run import percentile

    prefix = f"bench-{count}-{time.monotonic_ns()}"
    with BotAPIEmulator(token=TOKEN, max_recorded_calls=None) as emu:
        public = free_port()
        settings = replica_env(emu, redis_url, prefix, f"http://127.0.0.1:{public}/{HOOK}",
                               SCRBOT_USER_RATE="0", SCRBOT_GROUP_RATE="0", SCRBOT_LOG_LEVEL="WARNING")  # fmt: skip
        replicas = [Replica(settings, folder, f"replica{n + 1}-of-{count}") for n in range(count)]
        proxy = Nginx(nginx, folder / f"nginx-{count}", [r.port for r in replicas], port=public, access_log=False)
        try:
            start_replicas(replicas)
            proxy.start()
            warm = _plan(emu, chats, chats, -1_007_000_000)  # one question per chat: connections, caches
            asyncio.run(_drive(public, warm, SECRET))
            emu.reset_calls()
            plan = _plan(emu, updates, chats, -1_008_000_000)
            latencies, retried, seconds = asyncio.run(_drive(public, plan, SECRET))
            time.sleep(0.2)  # a reply sent late, twice, would show now
            lost, duplicated, disordered = _answers(emu, plan)
            handled = []
            for replica in replicas:
                metrics = http_get(replica.port, "/metrics")[1].splitlines()
                line = next((x for x in metrics if x.startswith(HANDLED)), "x 0")
                handled.append(int(float(line.split()[-1])))
        finally:
            proxy.stop()
            codes = [replica.stop() for replica in replicas]
    return {
        "replicas": count,
        "updates": updates,
        "updates_per_s": updates / seconds,
        "latency_median_ms": statistics.median(latencies) * 1000,
        "latency_p95_ms": percentile(latencies, 95) * 1000,
        "lost": lost,
        "duplicated": duplicated,
        "out_of_order_chats": disordered,
        "retried_posts": retried,
        "handled_by_replica": handled,
        "exit_codes": codes,
    }


def bench_replicas(options: Any) -> dict[str, Any]:
    """The `replicas` section of `scrbot bench`: one replica, then two, behind nginx, one Redis server."""
    from .run import figure

    missing = [name for name, found in (("redis-server", find_redis_server()), ("nginx", find_nginx())) if not found]
    if missing:
        return {"skipped": f"{' and '.join(missing)} not installed (Debian/Ubuntu: apt-get install redis-server "
                           "nginx-light): no replicas figures"}  # fmt: skip
    nginx = find_nginx()
    assert nginx is not None
    quick = bool(getattr(options, "quick", False))
    updates = QUICK_UPDATES if quick else UPDATES
    runs = max(1, min(int(getattr(options, "repeat", 1)), RUNS))
    rows: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
    with tempfile.TemporaryDirectory(prefix="scrbot-replicas-") as tmp:
        folder = Path(tmp)
        redis_binary = find_redis_server()
        assert redis_binary is not None
        with RedisServer(redis_binary, folder / "redis") as redis:
            for run in range(runs):
                for count in (1, 2):  # alternating, so a slow moment of the machine hits both
                    log = getattr(options, "log", None)
                    if log is not None:
                        log(f"  replicas: run {run + 1}/{runs}, {count} replica(s), {updates} updates")
                    rows[count].append(run_replicas_once(count, redis.url, nginx, folder / f"run{run}", updates))

    def summary(items: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "updates_per_s": figure([r["updates_per_s"] for r in items], 1),
            "latency_median_ms": figure([r["latency_median_ms"] for r in items], 2),
            "latency_p95_ms": figure([r["latency_p95_ms"] for r in items], 2),
            "lost": sum(r["lost"] for r in items),
            "duplicated": sum(r["duplicated"] for r in items),
            "out_of_order_chats": sum(r["out_of_order_chats"] for r in items),
            "retried_posts": sum(r["retried_posts"] for r in items),
            "handled_by_replica": [r["handled_by_replica"] for r in items],
            "exit_codes": [r["exit_codes"] for r in items],
        }

    one, two = summary(rows[1]), summary(rows[2])
    pairs = list(zip(rows[1], rows[2], strict=True))
    return {
        "updates": updates,
        "chats": CHATS,
        "runs": runs,
        "method": (
            f"{updates} webhook updates (group questions) over {CHATS} chats posted to nginx, each chat's in order "
            "on a kept-alive connection, the chats at once; nginx proxies to one replica, then to two "
            "(`scrbot run --webhook`, SCRBOT_STORE on one redis-server, flood limits off); updates/s from the "
            "first post to the last 200; latency: a post until its 200; lost/duplicated from the replies the "
            "Bot API emulator recorded"
        ),
        "one": one,
        "two": two,
        "ratio": {
            "throughput": figure([b["updates_per_s"] / a["updates_per_s"] for a, b in pairs]),
            "latency_p95": figure([b["latency_p95_ms"] / a["latency_p95_ms"] for a, b in pairs]),
        },
        "lost": one["lost"] + two["lost"],
        "duplicated": one["duplicated"] + two["duplicated"],
    }


if __name__ == "__main__":  # python -m benchmarks.replicas [--quick]: this section alone, as JSON
    from types import SimpleNamespace

    quick_run = "--quick" in sys.argv[1:]
    result = bench_replicas(SimpleNamespace(quick=quick_run, repeat=1 if quick_run else RUNS,
                                            log=lambda m: print(m, file=sys.stderr, flush=True)))  # fmt: skip
    print(json.dumps(result, indent=2))
