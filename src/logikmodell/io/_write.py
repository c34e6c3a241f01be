"""Writing plain data as YAML, JSON or TOML, deterministically and in UTF-8."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import yaml

from logikmodell.errors import DumpError

__all__ = ["write_text"]

_YAMLDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _json_default(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _toml_ready(value: object, path: str) -> Any:
    if value is None:
        raise DumpError(f"{path}: TOML cannot hold null; remove it or use another format")
    if isinstance(value, dict):
        return {str(key): _toml_ready(item, f"{path}.{key}") for key, item in value.items()}
    if isinstance(value, list):
        return [_toml_ready(item, f"{path}[{index}]") for index, item in enumerate(value)]
    return value


def write_text(data: dict[str, object], format: str) -> str:
    """Write plain data in a format; the same data always gives the same text."""
    if format == "yaml":
        text: str = yaml.dump(
            data,
            Dumper=_YAMLDumper,
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=88,
        )
        return text
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"
    if format == "toml":
        import tomli_w

        result: str = tomli_w.dumps(_toml_ready(data, "$"))
        return result
    raise ValueError(f"unknown format {format!r}: expected one of yaml, json, toml")
