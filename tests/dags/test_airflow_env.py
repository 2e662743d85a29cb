"""The committed airflow.cfg and the environment around it: secrets generated, never committed."""

from __future__ import annotations

import configparser
import json
import stat
import subprocess
import sys

import pytest

from figurewire import airflow_env as afe

pytestmark = pytest.mark.airflow

CFG = afe.REPO_ROOT / "airflow.cfg"
SECRET_KEYS = {"AIRFLOW__API_AUTH__JWT_SECRET", "AIRFLOW__API__SECRET_KEY", "AIRFLOW__CORE__FERNET_KEY"}


def _cfg() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(CFG, encoding="utf-8")
    return parser


def test_cfg_holds_no_secrets_and_no_inline_comments():
    parser = _cfg()
    options = {(s, k): v for s in parser.sections() for k, v in parser.items(s)}
    assert not {k for (_, k) in options} & {"jwt_secret", "secret_key", "fernet_key"}
    assert [key for key, value in options.items() if "#" in value or ";" in value] == []


def test_cfg_values_that_matter():
    parser = _cfg()
    assert parser.get("core", "load_examples") == "False"
    assert parser.get("core", "executor") == "LocalExecutor"
    assert parser.get("core", "parallelism") == "2"
    assert parser.get("core", "simple_auth_manager_all_admins") == "False"
    assert parser.get("core", "simple_auth_manager_users") == "admin:admin"
    assert parser.get("api", "host") == "127.0.0.1"


def test_secrets_generated_once_private_and_stable(tmp_path):
    first = afe.airflow_env(home=tmp_path, base={})
    second = afe.airflow_env(home=tmp_path, base={})
    assert {k: first[k] for k in SECRET_KEYS} == {k: second[k] for k in SECRET_KEYS}
    assert len(first["AIRFLOW__API_AUTH__JWT_SECRET"].encode()) >= 64
    secrets_file = tmp_path / "airflow_home" / "secrets.env"
    assert stat.S_IMODE(secrets_file.stat().st_mode) == 0o600
    assert first["AIRFLOW_CONFIG"] == str(CFG)
    assert first["AIRFLOW__CORE__DAGS_FOLDER"] == str(afe.REPO_ROOT / "dags")
    assert (tmp_path / "airflow_home" / "plugins").is_dir()


def test_secrets_from_the_caller_win(tmp_path):
    env = afe.airflow_env(home=tmp_path, base={"AIRFLOW__API_AUTH__JWT_SECRET": "x" * 80})
    assert env["AIRFLOW__API_AUTH__JWT_SECRET"] == "x" * 80


def test_airflow_reads_the_committed_file(tmp_path):
    """Real Airflow, a fresh home: everything it writes lands in the ignored state folder."""
    env = afe.airflow_env(home=tmp_path)
    script = (
        "import json; from airflow.configuration import conf; print('CONF-JSON ' + json.dumps({"
        "k: conf.get(*k.split('.')) for k in ['core.dags_folder', 'core.plugins_folder', "
        "'database.sql_alchemy_conn', 'logging.base_log_folder', 'core.load_examples', "
        "'core.simple_auth_manager_passwords_file', 'api_auth.jwt_secret']}))"
    )
    proc = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    [line] = [ln for ln in proc.stdout.splitlines() if ln.startswith("CONF-JSON ")]
    state = tmp_path / "airflow_home"
    assert json.loads(line.removeprefix("CONF-JSON ")) == {
        "core.dags_folder": str(afe.REPO_ROOT / "dags"),
        "core.plugins_folder": f"{tmp_path}/airflow_home/plugins",
        "database.sql_alchemy_conn": f"sqlite:///{state}/airflow.db",
        "logging.base_log_folder": f"{state}/logs",
        "core.load_examples": "False",
        "core.simple_auth_manager_passwords_file": f"{state}/simple_auth_manager_passwords.json.generated",
        "api_auth.jwt_secret": env["AIRFLOW__API_AUTH__JWT_SECRET"],
    }
