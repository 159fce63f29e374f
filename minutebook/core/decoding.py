"""Bytes to text, refusing binary junk and coping with the encodings councils really use.

Saved pages and exports from Windows machines are often cp1252; refusing them would lose
real minutes, while guessing wrongly on binary data would store garbage. So: UTF-8 first,
then Windows-1252, then a detected encoding (each guess reported to the user), and anything
that looks binary is an error.
"""

from __future__ import annotations

import unicodedata

from charset_normalizer import from_bytes

from minutebook.core.errors import SourceError

_TEXT_CONTROLS = {9, 10, 12, 13}


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many C0 control characters, mean this is not a text document."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls > max(4, len(sample) // 100)


def decode_text(data: bytes, label: str, warnings: list[str] | None = None) -> str:
    """Decode a text source; raise :class:`SourceError` for binary data.

    Text that is not UTF-8 is decoded with the encoding it most likely has, and a line
    saying so (with where the first non-UTF-8 byte is) goes to ``warnings``: a guess the
    user should be able to check, not one made silently.
    """
    if looks_binary(data):
        raise SourceError(label, "binary data, not a text, HTML or JSON document")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Windows-1252 first: what UK councils' pages saved on Windows are in, and a short
        # text gives a detector too little to tell it from its Baltic or Cyrillic cousins.
        encoding = "cp1252"
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            best = from_bytes(data[:65536]).best()
            encoding = best.encoding if best is not None else "cp1252"
            try:
                text = data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                encoding = "cp1252"
                text = data.decode(encoding, errors="replace")
        if warnings is not None:
            warnings.append(
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                f"read as {encoding}: check its accented letters and symbols"
            )
    return normalise_text(text)


def normalise_text(text: str) -> str:
    """NFC, Unix newlines, no-break spaces as spaces: the form the extractor expects."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u00a0", " ").replace("\u200b", "")
