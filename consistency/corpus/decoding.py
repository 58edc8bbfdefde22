"""Bytes to text, exactly: the decoded string is what every span and line number indexes.

Line endings and every other character are kept as they are; only a byte-order mark is
dropped. The common cases are cheap (UTF-8, then Windows-1252 for old Western European
files); charset-normalizer is only asked about the rest.
"""

from __future__ import annotations

import codecs

from consistency.lazy_re import lazy_compile

# Bytes that never occur in text files (tab, line feed, vertical tab, form feed, carriage
# return and escape excepted).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_MAX_CONTROL_RATIO = 0.02

_UTF8_SEQUENCE = lazy_compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = lazy_compile(rb"[\x80-\xff]")
_NON_ASCII_LETTER = lazy_compile(r"[^\W\d_a-zA-Z]")
_ASCII_LETTER = lazy_compile(r"[a-zA-Z]")

# Share of letters outside ASCII above which a Windows-1252 reading is probably some other
# single-byte encoding (Cyrillic, Greek…) misread: French or German text stays far below.
_MAX_WESTERN_NON_ASCII = 0.3


class NotText(Exception):
    """The bytes are not an article's text; `str()` is the one-line reason."""


def decode(raw: bytes) -> str:
    """The text of a file, or NotText saying why it is not one."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _non_empty(raw.decode("utf-16"))
        except UnicodeDecodeError:
            raise NotText("not valid UTF-16 despite its byte-order mark") from None
    if not raw.strip():
        raise NotText("empty file" if not raw else "empty file (only whitespace)")
    if b"\x00" in raw and (utf16 := _utf16_without_bom(raw)) is not None:
        return _non_empty(utf16)
    if b"\x00" in raw:
        raise NotText("binary file (contains NUL bytes), not text")
    controls = len(raw) - len(raw.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_RATIO * len(raw):
        raise NotText("binary file (control characters), not text")
    try:
        return _non_empty(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    high = len(_HIGH_BYTE.findall(raw))
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(raw))
    if in_sequences >= 0.9 * high:
        # UTF-8 with a few damaged bytes: keep it, the damage shows as U+FFFD.
        return _non_empty(raw.decode("utf-8", errors="replace"))
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_western(text):
        return _non_empty(text)
    return _non_empty(_detect(raw))


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark (some Windows tools), told by its NUL bytes.

    Text in a Latin script has a NUL as every other byte, on the same side throughout;
    binary files do not. Only a decoding free of control characters is accepted.
    """
    if len(raw) % 2 or len(raw) < 4:
        return None
    even, odd = raw[0::2], raw[1::2]
    half = len(raw) // 2
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.7 * half and other.count(0) <= 0.01 * half:
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                return None
            controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\x0b\x0c\x1b")
            return text if controls <= _MAX_CONTROL_RATIO * len(text) else None
    return None


def _looks_western(text: str) -> bool:
    non_ascii = len(_NON_ASCII_LETTER.findall(text))
    letters = non_ascii + len(_ASCII_LETTER.findall(text))
    return letters > 0 and non_ascii <= _MAX_WESTERN_NON_ASCII * letters


def _detect(raw: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise NotText("not text in any known encoding")
    return str(best)


def _non_empty(text: str) -> str:
    if not text.strip():
        raise NotText("empty file (only whitespace)")
    return text
