"""The Airflow API server started from the committed config: login required, our DAGs listed, no import errors.

A real ``airflow api-server`` on an ephemeral loopback port over a fresh temporary AIRFLOW_HOME, prepared
the way ``make airflow`` prepares it (migrate, pool, reserialize).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from figurewire import airflow_env as afe

pytestmark = pytest.mark.airflow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, token: str | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"} if token else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as err:
        return err.code, {}


@pytest.fixture(scope="module")
def api_server(tmp_path_factory):
    home = tmp_path_factory.mktemp("airflow-ui")
    port = _free_port()
    env = afe.airflow_env(home=home)
    env["AIRFLOW__API__PORT"] = str(port)
    afe.prepare(env)
    log = (home / "api-server.log").open("w")
    proc = subprocess.Popen(afe.airflow_command(["api-server", "--port", str(port), "--host", "127.0.0.1"]),
                            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if _get(f"{base}/api/v2/monitor/health")[0] == 200:
                    break
            except OSError:
                pass
            assert proc.poll() is None, (home / "api-server.log").read_text()[-3000:]
            time.sleep(0.5)
        else:
            pytest.fail("api-server did not answer within 90 s")
        yield base, home / afe.STATE_DIRNAME / afe.PASSWORDS_FILE
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()


def _token(base: str, username: str, password: str) -> tuple[int, str | None]:
    request = urllib.request.Request(f"{base}/auth/token", method="POST",
                                     data=json.dumps({"username": username, "password": password}).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.load(response)["access_token"]
    except urllib.error.HTTPError as err:
        return err.code, None


def test_api_refuses_anonymous_and_wrong_password(api_server):
    base, _ = api_server
    assert _get(f"{base}/api/v2/dags")[0] == 401
    assert _token(base, "admin", "not-the-password") == (401, None)


def test_admin_sees_our_dags_and_no_import_errors(api_server):
    base, passwords_file = api_server
    password = json.loads(passwords_file.read_text(encoding="utf-8"))["admin"]
    status, token = _token(base, "admin", password)
    assert status in (200, 201)
    status, dags = _get(f"{base}/api/v2/dags", token)
    assert status == 200
    assert sorted(d["dag_id"] for d in dags["dags"]) == sorted(p.stem for p in (afe.REPO_ROOT / "dags").glob("*.py"))
    assert dags["total_entries"] >= 3
    assert _get(f"{base}/api/v2/importErrors", token) == (200, {"import_errors": [], "total_entries": 0})
    status, pools = _get(f"{base}/api/v2/pools/{afe.DUCKDB_POOL}", token)
    assert (status, pools["slots"]) == (200, 1)
