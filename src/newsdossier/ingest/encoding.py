"""Bytes to text without mojibake.

Scraped news arrives as UTF-8, as Windows-1252 saved by old CMSs, as Latin-1
mislabelled either way, and now and then as UTF-16 from Windows tools. The
order of the checks in :func:`decode` is the whole policy:

1. a byte-order mark wins: it is unambiguous;
2. binary data (NUL bytes, many control bytes) is refused, so a PDF or an
   image with a ``.txt`` name never becomes an "article" of garbage;
3. strict UTF-8: bytes that decode as UTF-8 and hold non-ASCII characters are
   almost never meant as anything else, and scrapers often re-save pages as
   UTF-8 while leaving a stale ``<meta charset>`` behind;
4. a declared charset (HTTP header, ``<meta>``), if Python knows it and the
   bytes decode with it;
5. charset-normalizer, with Windows-1252 preferred whenever the detector
   finds it plausible (see :func:`_detect`).
"""

from __future__ import annotations

import codecs
import re
from email.message import Message

import charset_normalizer

from newsdossier.errors import InputError

__all__ = ["charset_from_content_type", "decode", "sniff_html_charset"]

BINARY_SAMPLE_BYTES = 8 * 1024
"""How much of the start of a file is inspected for binary content (the brief's 8 KiB)."""

BINARY_CONTROL_RATIO = 0.05
"""Share of C0 control bytes (other than whitespace and ESC) above which data counts as binary.

Text has essentially none (a stray DOS end-of-file 0x1A is one byte).
Uniformly random bytes, which is what compressed formats look like, have
26/256 = 10.2%, so 5% sits halfway with room on both sides.
"""

HTML_CHARSET_SNIFF_BYTES = 4 * 1024
"""How far into an HTML file ``<meta charset>`` is looked for.

The HTML standard's prescan stops at 1024 bytes, but real news pages put long
inline scripts and preload lists before the meta tag; 4 KiB catches those and
stays cheap.
"""

WINDOWS_1252 = "cp1252"

# decode() is a pure function of bytes and knows no file name; readers turn
# its InputError into a Rejection carrying the real path and locator.
_NO_PATH = "<bytes>"

# Ordered so the UTF-32-LE mark (FF FE 00 00) is tried before the UTF-16-LE
# mark (FF FE) it starts with.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Tab, LF, VT, FF, CR are whitespace; ESC starts ISO-2022 (Japanese e-mail
# and news) shift sequences, so it is text too.
_TEXT_CONTROL_BYTES = frozenset(b"\t\n\x0b\x0c\r\x1b")
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in _TEXT_CONTROL_BYTES)

# The WHATWG Encoding Standard maps these labels to windows-1252, as every
# browser does; pages labelled Latin-1 or ASCII routinely hold 0x80-0x9F
# curly quotes and dashes.
_DECODED_AS_WINDOWS_1252 = frozenset({"ascii", "iso8859-1"})

# Without a BOM, UTF-16/32 text has NUL bytes and is refused as binary before
# detection, so a UTF-16/32 guess from the detector is always a misfire (it
# happens on very short inputs).
_NEVER_GUESSED = ("utf_16", "utf_32")

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)""", re.IGNORECASE)


def decode(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and name the encoding used; raise :class:`InputError` if it is not text.

    ``declared`` is a charset label from outside the bytes (HTTP header,
    ``<meta>``); it is only trusted when the bytes are not valid UTF-8.
    ``data.decode(encoding) == text``, but for one case: a UTF-8 character cut
    off at the very end of the data becomes U+FFFD (see :func:`_decode_utf8`).
    Reason codes: ``empty``, ``binary``, ``undecodable``.
    """
    if not data:
        raise InputError(_NO_PATH, "empty", "the file has no bytes")
    bom_encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if bom_encoding is not None:
        text = _decode_strictly(data, bom_encoding)
        if text is None:
            detail = f"has a {bom_encoding} byte-order mark but does not decode as {bom_encoding}"
            raise InputError(_NO_PATH, "undecodable", detail)
        encoding = bom_encoding
    else:
        _refuse_binary(data)
        text, encoding = _decode_without_bom(data, declared)
    if not text.strip():
        raise InputError(_NO_PATH, "empty", "the text is only whitespace")
    return text, encoding


def sniff_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag near its start, if any.

    Covers both ``<meta charset="...">`` and the older
    ``<meta http-equiv="Content-Type" content="text/html; charset=...">``.
    """
    match = _META_CHARSET.search(data, 0, HTML_CHARSET_SNIFF_BYTES)
    return match.group(1).decode("ascii") if match else None


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset`` parameter of an HTTP Content-Type value, if any (quotes and case handled)."""
    if not content_type:
        return None
    message = Message()
    message["content-type"] = content_type
    return message.get_content_charset()


def _refuse_binary(data: bytes) -> None:
    sample = data[:BINARY_SAMPLE_BYTES]
    if b"\0" in sample:
        raise InputError(_NO_PATH, "binary", "NUL bytes in the first 8 KiB: not a text file")
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls / len(sample) > BINARY_CONTROL_RATIO:
        raise InputError(
            _NO_PATH, "binary", f"{controls} control bytes in the first {len(sample)} bytes: not a text file"
        )


def _decode_without_bom(data: bytes, declared: str | None) -> tuple[str, str]:
    text = _decode_utf8(data)
    if text is not None:
        return text, "utf-8"
    declared_codec = _codec_for_label(declared) if declared else None
    if declared_codec is not None:
        text = _decode_strictly(data, declared_codec)
        if text is not None:
            return text, declared_codec
    return _detect(data)


def _decode_utf8(data: bytes) -> str | None:
    """Strict UTF-8, except that a character cut off by the end of the data becomes U+FFFD.

    Scrapers cut pages at byte limits and transfers break off. One cut
    character must not send a UTF-8 page to detection, which would then decode
    every other non-ASCII character wrongly (“ as â€œ). The cut is only
    forgiven after other UTF-8 sequences: a lone trailing byte after ASCII
    is as likely Latin-1 ("caf\\xe9").
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.end != len(data) or error.reason != "unexpected end of data":
            return None
        cut_at = error.start
    head = data[:cut_at].decode("utf-8")  # the first error was the cut, so the rest is valid
    return head + "\ufffd" if not head.isascii() else None


def _detect(data: bytes) -> tuple[str, str]:
    """Guess the encoding with charset-normalizer, preferring Windows-1252 when it is plausible.

    charset-normalizer cannot tell Latin-script code pages apart on news-sized
    text: measured, it picks cp1257 for a French cp1252 paragraph ("à" comes
    out as "ą") and cp1250 for German Latin-1 and for English text with curly
    quotes. ISO-8859-1, which browsers decode as Windows-1252, is the most
    used encoding on the web after UTF-8 (W3Techs' character-encoding survey),
    so whenever Windows-1252 is among the detector's plausible candidates
    (``could_be_from_charset`` also lists encodings that decode the bytes
    identically) it is used. Measured: Cyrillic, Greek and CJK text never list
    it and keep the detector's choice.
    """
    matches = charset_normalizer.from_bytes(data)
    candidates = [match for match in matches if not match.encoding.startswith(_NEVER_GUESSED)]
    if any(WINDOWS_1252 in match.could_be_from_charset for match in candidates):
        text = _decode_strictly(data, WINDOWS_1252)
        if text is not None:
            return text, WINDOWS_1252
    for match in candidates:
        codec = codecs.lookup(match.encoding).name
        text = _decode_strictly(data, codec)
        if text is not None:
            return text, codec
    raise InputError(_NO_PATH, "undecodable", "not UTF-8, and no known encoding gives plausible text")


def _codec_for_label(label: str) -> str | None:
    """Python's codec name for a charset label, or None when the label is unknown or unusable."""
    try:
        codec = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    if codec.startswith(("utf-16", "utf-32")):
        # A UTF-16/32 label on BOM-less bytes that got this far is wrong
        # (they would hold NULs); the HTML standard ignores it too.
        return None
    return WINDOWS_1252 if codec in _DECODED_AS_WINDOWS_1252 else codec


def _decode_strictly(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
