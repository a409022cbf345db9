"""Settings the desk cannot use are said in the desk's language, from the error's code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from agent_app.config import ConfigError, load_settings
from agent_app.ui.config_texts import config_error_text
from agent_app.ui.store_messages import store_error_text

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_a_bad_settings_file_is_said_in_chinese_naming_the_file(
    chinese: None, tmp_path: Path
) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[server]\nsslmode = "verify"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings({"AGENT_APP_CONFIG": str(path)})
    said = store_error_text(caught.value)
    assert caught.value.code == "config_not_one_of"
    assert CJK.search(said) and "verify" in said and str(path) in said
    assert "is not one of" not in said  # the English sentence stays in the log


@pytest.mark.parametrize("code", sorted(ConfigError.ENGLISH))
def test_every_settings_error_has_chinese_words(chinese: None, code: str) -> None:
    params = {name: "X" for name in re.findall(r"\{(\w+)\}", ConfigError.ENGLISH[code])}
    said = config_error_text(ConfigError(code, **params))
    assert CJK.search(said), said
