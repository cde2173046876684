"""A real ``schemareg serve`` on loopback for the tests: the built CLI (Release), a temporary data directory,
the admin token the server writes there on first start. ``stop()`` kills it; ``start()`` brings it back on the
same port and data."""

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from typing import Any, Dict, Optional

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def cli_dll() -> str:
    path = os.environ.get("SCHEMAREG_CLI_DLL") or os.path.join(
        ROOT, "src", "SchemaRegistry.Cli", "bin", "Release", "net10.0", "schemareg.dll")
    if not os.path.isfile(path):
        raise RuntimeError("%s is missing: build src/SchemaRegistry.Cli in Release first (scripts/test does)." % path)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, directory: str) -> None:
        self.directory = directory
        self.port = free_port()
        self.url = "http://127.0.0.1:%d" % self.port
        self.process: Optional[subprocess.Popen] = None
        self.log = os.path.join(directory, "server.log")
        self.admin = ""

    def start(self) -> "Server":
        env = {k: v for k, v in os.environ.items() if not k.startswith("SCHEMAREG_")}
        env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1"
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                ["dotnet", cli_dll(), "serve", "--urls", self.url], cwd=self.directory, env=env,
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.time() + 90
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("schemareg serve exited with %s:\n%s" % (self.process.returncode, self.output()))
            try:
                with urllib.request.urlopen(self.url + "/readyz", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)
        else:
            self.stop()
            raise RuntimeError("schemareg serve did not become ready:\n" + self.output())
        with open(os.path.join(self.directory, "data", "admin.token"), encoding="utf-8") as handle:
            self.admin = handle.read().strip()
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(30)
        self.process = None

    def output(self) -> str:
        with open(self.log, encoding="utf-8", errors="replace") as handle:
            return handle.read()

    def call(self, method: str, path: str, body: Any = None, token: Optional[str] = None) -> Any:
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Authorization", "Bearer " + (token or self.admin))
        request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read()
        except urllib.error.HTTPError as e:
            raise AssertionError("%s %s: %s %s" % (method, path, e.code, e.read().decode("utf-8", "replace")))
        return json.loads(text) if text else None

    def key(self, name: str, role: str) -> str:
        return self.call("POST", "/v1/keys", {"name": name, "role": role})["secret"]

    def publish(self, fqid: str, payload: Dict[str, Any], compatibility: Optional[str] = None) -> Dict[str, Any]:
        self.call("POST", "/v1/schema", {"fqid": fqid, "owner": "finance-data", "description": "test", "payload": payload})
        return self.call("POST", "/v1/schema/publish", {"fqid": fqid, "force": True, "reason": "python client tests"})
