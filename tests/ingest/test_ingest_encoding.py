"""decode(): bytes to text without mojibake, and refusing what is not text."""

from __future__ import annotations

import codecs

import pytest

from newsdossier.errors import InputError
from newsdossier.ingest.encoding import charset_from_content_type, decode, sniff_html_charset

FRENCH = "L’été à Paris : « Ça va », dit-il — déjà vu. “Élève” naïf…"
GERMAN = "Über die Straße gehen Männer und Frauen. Größe, Öl, ähnlich, Fußgänger."
ENGLISH_QUOTES = "He said “hello” and left – it’s over."


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        pytest.param(FRENCH.encode("utf-8"), FRENCH, "utf-8", id="utf-8"),
        pytest.param(b"plain ascii", "plain ascii", "utf-8", id="ascii-is-utf-8"),
        pytest.param(codecs.BOM_UTF8 + FRENCH.encode("utf-8"), FRENCH, "utf-8-sig", id="utf-8-bom"),
        pytest.param(FRENCH.encode("utf-16"), FRENCH, "utf-16", id="utf-16-bom"),
        pytest.param(codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be"), FRENCH, "utf-16", id="utf-16-be-bom"),
        pytest.param(FRENCH.encode("utf-32"), FRENCH, "utf-32", id="utf-32-bom"),
        pytest.param(FRENCH.encode("cp1252"), FRENCH, "cp1252", id="windows-1252-french"),
        pytest.param(ENGLISH_QUOTES.encode("cp1252"), ENGLISH_QUOTES, "cp1252", id="windows-1252-quotes"),
        pytest.param(GERMAN.encode("latin-1"), GERMAN, "cp1252", id="latin-1-german"),
        pytest.param("café".encode("latin-1"), "café", "cp1252", id="latin-1-short"),
    ],
)
def test_decode_gives_the_written_text(data: bytes, text: str, encoding: str) -> None:
    assert decode(data) == (text, encoding)


def test_utf8_cut_inside_its_last_character_stays_utf8() -> None:
    cut = "Café “news”".encode("utf-8")[:-1]
    assert decode(cut) == ("Café “news\ufffd", "utf-8")


def test_a_trailing_latin1_letter_after_ascii_is_not_taken_for_a_cut() -> None:
    assert decode("Il est allé au café".encode("latin-1")) == ("Il est allé au café", "cp1252")
    assert decode(b"caf\xe9") == ("café", "cp1252")


def test_windows_1252_quotes_are_not_c1_control_characters() -> None:
    text, _ = decode("“Quoted” and ‘single’".encode("cp1252"))
    assert not any("\x80" <= char <= "\x9f" for char in text)
    assert text == "“Quoted” and ‘single’"


def test_other_scripts_keep_the_detected_encoding() -> None:
    russian = "Президент заявил, что переговоры продолжатся на следующей неделе."
    greek = "Ο πρόεδρος δήλωσε ότι οι διαπραγματεύσεις θα συνεχιστούν."
    assert decode(russian.encode("cp1251")) == (russian, "cp1251")
    assert decode(greek.encode("cp1253")) == (greek, "cp1253")


def test_declared_charset_is_used_when_the_bytes_are_not_utf8() -> None:
    russian = "Москва"
    # Too short for detection to get right; the declaration decides.
    assert decode(russian.encode("koi8_r"), declared="KOI8-R") == (russian, "koi8-r")


def test_declared_latin1_is_read_as_windows_1252_like_browsers_do() -> None:
    text = "“hi” — there"
    assert decode(text.encode("cp1252"), declared="iso-8859-1") == (text, "cp1252")


def test_valid_utf8_wins_over_a_stale_declaration() -> None:
    assert decode("déjà".encode("utf-8"), declared="windows-1252") == ("déjà", "utf-8")


@pytest.mark.parametrize("label", ["no-such-charset", "utf-16", '"'])
def test_unusable_declarations_are_ignored(label: str) -> None:
    assert decode(FRENCH.encode("cp1252"), declared=label) == (FRENCH, "cp1252")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"", "empty", id="no-bytes"),
        pytest.param(b" \r\n\t \n", "empty", id="whitespace"),
        pytest.param("  \n".encode("utf-16"), "empty", id="utf-16-whitespace"),
        pytest.param(b"%PDF-1.7\n\x00\x01\x02binary", "binary", id="nul-bytes"),
        pytest.param(bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 10 + b"some text", "binary", id="control-bytes"),
        pytest.param(bytes(range(0x80, 0x100)) * 4, "undecodable", id="no-plausible-encoding"),
        pytest.param(codecs.BOM_UTF16_LE + b"a\x00b", "undecodable", id="odd-length-utf-16"),
    ],
)
def test_decode_refuses_what_is_not_text(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data)
    assert caught.value.reason == reason


def test_a_few_control_bytes_are_still_text() -> None:
    data = b"Old DOS file with an end-of-file mark\x1a and a form feed \x0c and an escape \x1b"
    assert decode(data)[1] == "utf-8"


@pytest.mark.parametrize(
    ("head", "charset"),
    [
        (b'<html><head><meta charset="windows-1252">', "windows-1252"),
        (b"<meta charset=iso-8859-1>", "iso-8859-1"),
        (b'<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=Shift_JIS">', "Shift_JIS"),
        (b"<html><head><title>none</title></head>", None),
        (b"<html>" + b" " * 5000 + b'<meta charset="koi8-r">', None),  # beyond the sniffed 4 KiB
    ],
)
def test_sniff_html_charset(head: bytes, charset: str | None) -> None:
    assert sniff_html_charset(head) == charset


@pytest.mark.parametrize(
    ("value", "charset"),
    [
        ("text/html; charset=UTF-8", "utf-8"),
        ('text/html; charset="windows-1252"', "windows-1252"),
        ("text/html", None),
        (None, None),
    ],
)
def test_charset_from_content_type(value: str | None, charset: str | None) -> None:
    assert charset_from_content_type(value) == charset
