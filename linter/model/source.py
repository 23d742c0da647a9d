"""A page's bytes as text: the decoding GitBook's files need (UTF-8, BOM, line ends), and what was wrong."""

from __future__ import annotations

from .elements import SourceProblem

BINARY_SNIFF = 8192


def decode_source(data: bytes) -> tuple[str, list[SourceProblem]]:
    """Bytes → normalised text (LF line ends, no BOM), with what was wrong on the way."""
    problems: list[SourceProblem] = []
    if b"\x00" in data[:BINARY_SNIFF]:
        return "", [SourceProblem("binary", "this is a binary file, not Markdown text", 1, 1)]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        problems.append(SourceProblem("bom", "the file starts with a byte-order mark (BOM)", 1, 1))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        problems.append(
            SourceProblem("encoding", f"the file is not valid UTF-8 (byte 0x{data[error.start]:02x})", line, column)
        )
        text = data.decode("utf-8", errors="replace")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, problems
