"""Builds the wheel and the Lambda-layer zip with the standard library only (no pip, no network).

    python3 clients/python/build.py OUT_DIR

A wheel is a zip of the package plus ``{name}-{version}.dist-info/`` with METADATA, WHEEL and RECORD (each file's
sha256 and size); the layer is a zip with the package under ``python/`` (what Lambda puts on ``sys.path``).
Entries get a fixed timestamp, so the same sources give the same bytes.
"""

import base64
import hashlib
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = "schemareg"
STAMP = (2020, 1, 1, 0, 0, 0)


def project() -> dict:
    with open(os.path.join(HERE, "pyproject.toml"), encoding="utf-8") as handle:
        text = handle.read()
    section = text.split("[project]", 1)[1].split("\n[", 1)[0]
    fields = dict(re.findall(r'^(\w[\w-]*)\s*=\s*"([^"]*)"', section, re.M))
    return {"name": fields["name"], "version": fields["version"], "summary": fields["description"],
            "requires_python": fields["requires-python"]}


def sources() -> list:
    found = []
    for folder, dirs, files in os.walk(os.path.join(HERE, PACKAGE)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                found.append((os.path.relpath(path, HERE).replace(os.sep, "/"), path))
    return found


def _write(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, STAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def build_wheel(out: str) -> str:
    meta = project()
    dist_info = "%s-%s.dist-info" % (meta["name"], meta["version"])
    path = os.path.join(out, "%s-%s-py3-none-any.whl" % (meta["name"], meta["version"]))
    with open(os.path.join(HERE, "README.md"), encoding="utf-8") as handle:
        description = handle.read()
    files = [(name, open(source, "rb").read()) for name, source in sources()]
    files.append((dist_info + "/METADATA", (
        "Metadata-Version: 2.1\nName: %s\nVersion: %s\nSummary: %s\nRequires-Python: %s\n"
        "Provides-Extra: validation\nRequires-Dist: jsonschema>=4.0; extra == \"validation\"\n"
        "Description-Content-Type: text/markdown\n\n%s" % (
            meta["name"], meta["version"], meta["summary"], meta["requires_python"], description)).encode("utf-8")))
    files.append((dist_info + "/WHEEL", b"Wheel-Version: 1.0\nGenerator: schemareg build.py\nRoot-Is-Purelib: true\n"
                                         b"Tag: py3-none-any\n"))
    files.append((dist_info + "/top_level.txt", (PACKAGE + "\n").encode("ascii")))
    record = []
    for name, data in files:
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
        record.append("%s,sha256=%s,%d" % (name, digest, len(data)))
    record.append(dist_info + "/RECORD,,")
    files.append((dist_info + "/RECORD", ("\n".join(record) + "\n").encode("utf-8")))
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files:
            _write(archive, name, data)
    return path


def build_layer(out: str) -> str:
    meta = project()
    path = os.path.join(out, "%s-%s-lambda-layer.zip" % (meta["name"], meta["version"]))
    with zipfile.ZipFile(path, "w") as archive:
        for name, source in sources():
            with open(source, "rb") as handle:
                _write(archive, "python/" + name, handle.read())
    return path


def main(argv: list) -> int:
    if len(argv) != 2:
        print("usage: build.py OUT_DIR", file=sys.stderr)
        return 2
    os.makedirs(argv[1], exist_ok=True)
    print(build_wheel(argv[1]))
    print(build_layer(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
