import base64
import hashlib
import os
import subprocess
import sys
import tarfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))


def build(tmp_path):
    output = subprocess.run([os.path.join(ROOT, "scripts", "build-python"), str(tmp_path)], check=True,
                            capture_output=True, text=True, env=dict(os.environ, PYTHON=sys.executable)).stdout
    wheel, layer, _ = output.split()
    return wheel, layer


def test_the_wheel_installs_and_imports_without_any_other_package(tmp_path):
    wheel, _ = build(tmp_path / "dist")
    assert os.path.basename(wheel) == "schemareg-0.1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "schemareg/__init__.py" in names and "schemareg-0.1.0.dist-info/METADATA" in names
        metadata = archive.read("schemareg-0.1.0.dist-info/METADATA").decode()
        assert "Name: schemareg\n" in metadata and "Requires-Python: >=3.9\n" in metadata
        assert "Tag: py3-none-any" in archive.read("schemareg-0.1.0.dist-info/WHEEL").decode()
        for line in archive.read("schemareg-0.1.0.dist-info/RECORD").decode().splitlines():
            name, digest, size = line.split(",")
            if digest:
                data = archive.read(name)
                expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                assert digest == "sha256=" + expected and int(size) == len(data)
        archive.extractall(tmp_path / "site")
    # -I: isolated (no user site, no PYTHONPATH); -S: no site-packages, so only the standard library is there.
    code = ("import sys; sys.path.insert(0, %r); import schemareg, json; "
            "r = schemareg.Resolver('http://127.0.0.1:9'); "
            "print(json.dumps([schemareg.__version__, schemareg.__file__, schemareg.validation.available()]))"
            % str(tmp_path / "site"))
    out = subprocess.run([sys.executable, "-I", "-S", "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.startswith('["0.1.0", "%s' % (tmp_path / "site" / "schemareg"))
    assert out.strip().endswith("false]")  # jsonschema absent: the client still imports and would validate on the server


def test_the_lambda_layer_puts_the_package_under_python(tmp_path):
    wheel, layer = build(tmp_path / "dist")
    with zipfile.ZipFile(layer) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "opt")
    with zipfile.ZipFile(wheel) as archive:
        packaged = sorted(n for n in archive.namelist() if n.startswith("schemareg/"))
    assert sorted(names) == ["python/" + name for name in packaged]
    code = "import sys; sys.path.insert(0, %r); import schemareg; print(schemareg.Resolver.__name__)" % str(
        tmp_path / "opt" / "python")
    assert subprocess.run([sys.executable, "-I", "-S", "-c", code], check=True, capture_output=True,
                          text=True).stdout == "Resolver\n"


def test_builds_are_reproducible(tmp_path):
    first = build(tmp_path / "a")
    second = build(tmp_path / "b")
    for one, other in zip(first, second):
        with open(one, "rb") as a, open(other, "rb") as b:
            assert a.read() == b.read()


def test_a_release_stamps_the_product_version_into_the_wheel_the_sdist_and_the_package(tmp_path):
    env = dict(os.environ, PYTHON=sys.executable, SCHEMAREG_VERSION="1.4.0-alpha.0.7+5a1b2c3")
    output = subprocess.run([os.path.join(ROOT, "scripts", "build-python"), str(tmp_path)], check=True,
                            capture_output=True, text=True, env=env).stdout
    wheel, layer, sdist = output.split()
    assert os.path.basename(wheel) == "schemareg-1.4.0a0.post7-py3-none-any.whl"
    assert os.path.basename(layer) == "schemareg-1.4.0a0.post7-lambda-layer.zip"
    assert os.path.basename(sdist) == "schemareg-1.4.0a0.post7.tar.gz"
    with zipfile.ZipFile(wheel) as archive:
        assert "Version: 1.4.0a0.post7\n" in archive.read("schemareg-1.4.0a0.post7.dist-info/METADATA").decode()
        assert '__version__ = "1.4.0a0.post7"' in archive.read("schemareg/__init__.py").decode()
    with tarfile.open(sdist) as archive:
        assert "Version: 1.4.0a0.post7\n" in archive.extractfile("schemareg-1.4.0a0.post7/PKG-INFO").read().decode()
        assert 'version = "1.4.0a0.post7"' in archive.extractfile("schemareg-1.4.0a0.post7/pyproject.toml").read().decode()
        assert '__version__ = "1.4.0a0.post7"' in archive.extractfile("schemareg-1.4.0a0.post7/schemareg/__init__.py").read().decode()


def test_product_versions_map_to_pep_440_and_others_are_refused():
    def pep440(version):
        return subprocess.run([sys.executable, os.path.join(HERE, "..", "build.py"), "--pep440", version],
                              capture_output=True, text=True)
    for semver, expected in [("1.2.3", "1.2.3"), ("1.2.3-rc.1", "1.2.3rc1"), ("2.0.0-beta.2", "2.0.0b2"),
                             ("0.0.0-alpha.0.122", "0.0.0a0.post122"), ("1.0.1-alpha.0.3+abc", "1.0.1a0.post3")]:
        assert pep440(semver).stdout.strip() == expected
    refused = pep440("1.2.3-preview.x")
    assert refused.returncode == 2 and "no PEP 440 spelling" in refused.stderr
