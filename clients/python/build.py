"""Builds the wheel, the sdist and the Lambda-layer zip with the standard library only (no pip, no network).

    python3 clients/python/build.py OUT_DIR
    SCHEMAREG_VERSION=1.2.0-rc.1 python3 clients/python/build.py OUT_DIR    (the product version, as scripts/release does)
    python3 clients/python/build.py --pep440 0.0.0-alpha.0.122               (prints 0.0.0a0.post122)

A wheel is a zip of the package plus ``{name}-{version}.dist-info/`` with METADATA, WHEEL and RECORD (each file's
sha256 and size); the layer is a zip with the package under ``python/`` (what Lambda puts on ``sys.path``).
Entries get a fixed timestamp, so the same sources give the same bytes.
"""

import base64
import gzip
import hashlib
import os
import re
import io
import sys
import tarfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = "schemareg"
STAMP = (2020, 1, 1, 0, 0, 0)


def project() -> dict:
    with open(os.path.join(HERE, "pyproject.toml"), encoding="utf-8") as handle:
        text = handle.read()
    section = text.split("[project]", 1)[1].split("\n[", 1)[0]
    fields = dict(re.findall(r'^(\w[\w-]*)\s*=\s*"([^"]*)"', section, re.M))
    product = os.environ.get("SCHEMAREG_VERSION")
    return {"name": fields["name"], "version": pep440(product) if product else fields["version"],
            "summary": fields["description"], "requires_python": fields["requires-python"]}


PRE_RELEASES = {"alpha": "a", "a": "a", "beta": "b", "b": "b", "rc": "rc"}


def pep440(version: str) -> str:
    """The PEP 440 spelling of the product's SemVer version (MinVer's): 1.2.3-rc.1 is 1.2.3rc1, and the height MinVer
    appends after a tag (0.0.0-alpha.0.122) becomes a post-release (0.0.0a0.post122); build metadata is dropped."""
    core = version.split("+", 1)[0]
    base, _, pre = core.partition("-")
    if not re.fullmatch(r"\d+\.\d+\.\d+", base):
        raise ValueError("not a MAJOR.MINOR.PATCH version: %r" % version)
    if not pre:
        return base
    parts = pre.split(".")
    if parts[0] not in PRE_RELEASES or len(parts) not in (2, 3) or not all(p.isdigit() for p in parts[1:]):
        raise ValueError("pre-release %r has no PEP 440 spelling (alpha.N, beta.N or rc.N, optionally .HEIGHT)" % pre)
    return base + PRE_RELEASES[parts[0]] + str(int(parts[1])) + (".post" + str(int(parts[2])) if len(parts) == 3 else "")


def stamped(name: str, data: bytes, version: str) -> bytes:
    """The package's __init__.py says the version it was built as."""
    if name != PACKAGE + "/__init__.py":
        return data
    return re.sub(rb'^__version__ = "[^"]*"', ('__version__ = "%s"' % version).encode("ascii"), data, count=1, flags=re.M)


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
    files = [(name, stamped(name, open(source, "rb").read(), meta["version"])) for name, source in sources()]
    files.append((dist_info + "/METADATA", metadata(meta, description)))
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


def metadata(meta: dict, description: str) -> bytes:
    return ("Metadata-Version: 2.1\nName: %s\nVersion: %s\nSummary: %s\nLicense: MIT\nRequires-Python: %s\n"
            "Provides-Extra: validation\nRequires-Dist: jsonschema>=4.0; extra == \"validation\"\n"
            "Description-Content-Type: text/markdown\n\n%s" % (
                meta["name"], meta["version"], meta["summary"], meta["requires_python"], description)).encode("utf-8")


def build_sdist(out: str) -> str:
    """schemareg-VERSION.tar.gz: PKG-INFO, pyproject.toml and README.md with the package sources, the version stamped in."""
    meta = project()
    root = "%s-%s" % (meta["name"], meta["version"])
    path = os.path.join(out, root + ".tar.gz")
    with open(os.path.join(HERE, "README.md"), encoding="utf-8") as handle:
        description = handle.read()
    with open(os.path.join(HERE, "pyproject.toml"), "rb") as handle:
        pyproject = re.sub(rb'^version = "[^"]*"', ('version = "%s"' % meta["version"]).encode("ascii"), handle.read(), count=1, flags=re.M)
    files = [("PKG-INFO", metadata(meta, description)), ("pyproject.toml", pyproject),
             ("README.md", description.encode("utf-8"))]
    files += [(name, stamped(name, open(source, "rb").read(), meta["version"])) for name, source in sources()]
    buffer = io.BytesIO()
    # Fixed times, owners and modes, and gzip without a timestamp: the same sources give the same bytes.
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for name, data in files:
            info = tarfile.TarInfo(root + "/" + name)
            info.size, info.mtime, info.mode, info.uid, info.gid = len(data), 1577836800, 0o644, 0, 0
            archive.addfile(info, io.BytesIO(data))
    with open(path, "wb") as handle, gzip.GzipFile(filename="", mode="wb", fileobj=handle, mtime=0) as compressed:
        compressed.write(buffer.getvalue())
    return path


def build_layer(out: str) -> str:
    meta = project()
    path = os.path.join(out, "%s-%s-lambda-layer.zip" % (meta["name"], meta["version"]))
    with zipfile.ZipFile(path, "w") as archive:
        for name, source in sources():
            with open(source, "rb") as handle:
                _write(archive, "python/" + name, stamped(name, handle.read(), meta["version"]))
    return path


def main(argv: list) -> int:
    if len(argv) == 3 and argv[1] == "--pep440":
        try:
            print(pep440(argv[2]))
        except ValueError as error:
            print("error: %s" % error, file=sys.stderr)
            return 2
        return 0
    if len(argv) != 2:
        print("usage: build.py OUT_DIR | build.py --pep440 VERSION", file=sys.stderr)
        return 2
    try:
        project()
    except ValueError as error:
        print("error: SCHEMAREG_VERSION: %s" % error, file=sys.stderr)
        return 2
    os.makedirs(argv[1], exist_ok=True)
    print(build_wheel(argv[1]))
    print(build_layer(argv[1]))
    print(build_sdist(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
