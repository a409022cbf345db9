"""The monthly PDF: rendered with pdftoppm, its Chinese text read back with pdftotext."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import Engine

from agent_app.reports.charts import followup_rate_chart, survival_chart
from agent_app.reports.pdf_report import write_monthly_report
from agent_app.reports.survival import kaplan_meier
from agent_app.store.repositories.audit import audit_entries
from tests.reports.tiny_hospital import QUALITY, TinyHospital

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_monthly_pdf_has_the_chinese_title_figures_and_charts(
    store_engine: Engine, tiny: TinyHospital, tmp_path: Path
) -> None:
    path = tmp_path / "monthly.pdf"
    steps: list[tuple[int, int, str]] = []
    figures = write_monthly_report(
        store_engine, QUALITY, 2026, 10, path, progress=lambda *a: steps.append(a)
    )
    assert figures.hospital is not None and figures.hospital.due == 5
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "2026年10月随访工作月度分析报告" in text
    assert "应随访 5 人次" in text and "已完成 3 人次" in text
    assert "心内科" in text and "护士甲" in text
    assert "平均 4.00 分" in text
    # Chinese punctuation, and the complaints' states and kinds in words, never their codes.
    assert "范围：" in text and "（完成率" in text and "人次，已完成" in text
    assert "待处理" in text and "已结案" in text and "建议" in text
    assert "closed" not in text and "suggestion" not in text
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "page")],
                   check=True)  # fmt: skip
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 2 and all(p.read_bytes().startswith(PNG) for p in pages)
    images = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert len(images.strip().splitlines()) - 2 >= 5  # the charts are embedded
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "WenQuanYiZenHei" in fonts
    done = [d for d, _, _ in steps]
    assert done == sorted(done) and done[0] == 0  # one bar, moving forward only
    assert {t for _, t, _ in steps} == {done[-1]}
    (entry,) = audit_entries(store_engine, object_type="monthly_report")
    assert (entry.object_id, entry.detail["format"]) == ("2026-10", "pdf")


def test_charts_are_png_even_without_data() -> None:
    assert followup_rate_chart([], "空").startswith(PNG)
    curve = kaplan_meier([1, 2, 3], [True, False, True])
    assert survival_chart([curve], "生存曲线").startswith(PNG)
