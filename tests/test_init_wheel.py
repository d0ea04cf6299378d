"""The wheel alone is enough: installed in a fresh environment outside the repository,
``baocao init ws`` then ``baocao render 2024`` inside it works."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_installed_wheel_inits_a_workspace_that_renders(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), "."],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("baocao-*.whl")
    alone = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # the wheel's baocao only
    env_dir = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
        env=alone,
    )
    # The dependencies come from this environment (offline); baocao from the wheel only:
    # a path added by a .pth file does not run that folder's own .pth (the editable hook).
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
        env=alone,
    ).stdout.strip()
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    work = tmp_path / "outside"
    work.mkdir()

    def baocao(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(python), "-m", "baocao", *args], cwd=cwd, capture_output=True, text=True, env=alone
        )

    where = subprocess.run(
        [str(python), "-c", "import baocao; print(baocao.__file__)"],
        cwd=work,
        capture_output=True,
        text=True,
        env=alone,
    ).stdout
    assert str(env_dir) in where
    started = baocao("init", "ws", cwd=work)
    assert started.returncode == 0, started.stderr
    rendered = baocao("render", "2024", cwd=work / "ws")
    assert rendered.returncode == 0, rendered.stdout + rendered.stderr
    assert (work / "ws" / "out" / "BaoCao_2024_chuyen-doi-so.docx").is_file()
    rolled = baocao("new", "2025", cwd=work / "ws")
    assert rolled.returncode == 0, rolled.stderr
    checked = baocao("validate", "2025", cwd=work / "ws")
    assert "còn chờ số liệu năm 2025" in checked.stdout
