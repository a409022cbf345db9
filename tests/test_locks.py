"""The locks that scripts/setup.sh installs from still hold what pyproject.toml asks for.

setup.sh installs a profile with ``pip install --require-hashes -r requirements/<lock>``, which
refuses any package the lock does not pin. A dependency added to pyproject.toml without running
scripts/lock.sh would still import in an existing venv and then break every fresh install.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
from packaging.markers import Marker, default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
LOCKS = ROOT / "requirements"
FIX = "run `bash scripts/lock.sh` and commit requirements/"
# Each lock, with the pyproject extra it adds to the desk's own packages.
EXTRAS = {"desk.txt": None, "test.txt": "dev", "bundle.txt": "bundle"}
# Where the locks are installed: the desks (Debian 12's 3.11, later Pythons), Windows builds.
ENVIRONMENTS = {
    "linux-3.11": {"python_full_version": "3.11.2", "python_version": "3.11"},
    "linux-3.12": {"python_full_version": "3.12.3", "python_version": "3.12"},
    "windows-3.11": {
        "python_full_version": "3.11.9",
        "python_version": "3.11",
        "sys_platform": "win32",
        "platform_system": "Windows",
        "os_name": "nt",
    },
}
PIN = re.compile(r"^(?P<name>[A-Za-z0-9._-]+)==(?P<version>[^\s;\\]+)\s*(?:;(?P<marker>[^\\]+))?")


@dataclass(frozen=True)
class Pin:
    """One ``name==version [; marker]`` line of a lock and how many hashes follow it."""

    name: str
    version: str
    marker: str
    hashes: int

    def applies(self, environment: dict[str, str]) -> bool:
        return not self.marker or Marker(self.marker).evaluate(environment)


def read_lock(path: Path) -> list[Pin]:
    pins: list[Pin] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        found = PIN.match(line)
        if found:
            name = canonicalize_name(found["name"])
            marker = (found["marker"] or "").strip()
            pins.append(Pin(name, found["version"], marker, 0))
        elif line.strip().startswith("--hash=sha256:") and pins:
            last = pins[-1]
            pins[-1] = Pin(last.name, last.version, last.marker, last.hashes + 1)
    return pins


def asked_for(extra: str | None) -> list[Requirement]:
    """What pyproject.toml asks for in a profile: build backend, the desk's packages, the extra."""
    with (ROOT / "pyproject.toml").open("rb") as fh:
        pyproject = tomllib.load(fh)
    wanted = [*pyproject["build-system"]["requires"], *pyproject["project"]["dependencies"]]
    if extra is not None:
        wanted += pyproject["project"]["optional-dependencies"][extra]
    return [Requirement(text) for text in wanted]


def environment(name: str) -> dict[str, str]:
    return {**default_environment(), "sys_platform": "linux", **ENVIRONMENTS[name]}


@pytest.mark.parametrize("where", ENVIRONMENTS)
@pytest.mark.parametrize("lock", EXTRAS)
def test_every_requirement_of_pyproject_is_pinned_at_a_version_it_allows(
    lock: str, where: str
) -> None:
    env = environment(where)
    pins = [pin for pin in read_lock(LOCKS / lock) if pin.applies(env)]
    wrong = []
    for requirement in asked_for(EXTRAS[lock]):
        if requirement.marker is not None and not requirement.marker.evaluate(env):
            continue
        name = canonicalize_name(requirement.name)
        versions = [pin.version for pin in pins if pin.name == name]
        if len(versions) != 1:
            wrong.append(f"{requirement}: pinned {versions or 'nowhere'}")
        elif not requirement.specifier.contains(versions[0], prereleases=True):
            wrong.append(f"{requirement}: pinned at {versions[0]}")
    assert not wrong, f"requirements/{lock} ({where}) is out of date; {FIX}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("lock", EXTRAS)
def test_every_pin_carries_the_hashes_of_its_files(lock: str) -> None:
    pins = read_lock(LOCKS / lock)
    assert len(pins) > 20, f"requirements/{lock} pins almost nothing; {FIX}"
    assert [pin.name for pin in pins if pin.hashes == 0] == []


@pytest.mark.parametrize("lock", ["test.txt", "bundle.txt"])
def test_the_desk_runs_the_same_packages_in_every_profile(lock: str) -> None:
    desk = set(read_lock(LOCKS / "desk.txt"))
    other = set(read_lock(LOCKS / lock))
    differ = sorted(f"{pin.name}=={pin.version} {pin.marker}".strip() for pin in desk - other)
    assert not differ, f"requirements/{lock} pins the desk's packages otherwise; {FIX}:\n" + (
        "\n".join(differ)
    )
