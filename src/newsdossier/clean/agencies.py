"""News agencies: their spellings, datelines that carry them, and wire credit lines.

A wire credit ("AFP with additional input by ...", "(Reuters)", "— AP") says whose
story a page republishes, which provenance needs to count independent sources.
Mentions inside prose ("a senior official told AFP") are *not* credits: only whole
credit lines, the tag of a dateline, or a signature at the very end count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

__all__ = ["Dateline", "credit_in_line", "find_dateline", "normalise_agency"]

# Spelling (case-folded) -> normalised agency name. Joint tags name the lead agency.
_AGENCIES: Final[dict[str, str]] = {
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "reuters": "Reuters", "thomson reuters": "Reuters",
    "ap": "AP", "associated press": "AP", "the associated press": "AP",
    "efe": "EFE", "efe-epa": "EFE", "agencia efe": "EFE",
    "epa": "EPA", "dpa": "dpa", "ansa": "ANSA", "xinhua": "Xinhua",
    "anadolu": "Anadolu", "anadolu agency": "Anadolu", "aa": "Anadolu",
    "pti": "PTI", "ians": "IANS", "uni": "UNI", "ani": "ANI", "bernama": "Bernama",
    "yonhap": "Yonhap", "kyodo": "Kyodo", "tass": "TASS", "ria novosti": "RIA Novosti",
    "interfax": "Interfax", "europa press": "Europa Press", "apa": "APA", "sputnik": "Sputnik",
    "irna": "IRNA", "wam": "WAM", "spa": "SPA", "mena": "MENA", "qna": "QNA", "kuna": "KUNA",
    "bloomberg": "Bloomberg", "upi": "UPI", "cna": "CNA", "aap": "AAP", "canadian press": "CP",
    "the canadian press": "CP", "agi": "AGI", "adnkronos": "Adnkronos", "belga": "Belga",
    "anp": "ANP", "lusa": "Lusa", "ntb": "NTB", "tt": "TT", "ctk": "CTK", "pap": "PAP",
    "mti": "MTI", "hina": "HINA", "tanjug": "Tanjug", "ana-mpa": "ANA-MPA", "ips": "IPS",
    "pa": "PA Media", "pa media": "PA Media", "press association": "PA Media", "the press association": "PA Media",
}
_AGENCY_ALTERNATION: Final = "|".join(
    sorted((re.escape(name) for name in _AGENCIES), key=len, reverse=True)
)
_MONTH: Final = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# "Baghdad/Cairo, Jan 2 (efe-epa).-", "BAGHDAD (Reuters) -", "Paris, France (AFP) —",
# "WASHINGTON, Jan. 3, 2020 (AP) —".
_DATELINE: Final = re.compile(
    r"^(?P<place>[A-Z][\w'’.\-]*(?:[ /][A-Z][\w'’.\-]*){0,4}(?:,\s*[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*)?)?)"
    r"(?:,?\s+(?P<date>" + _MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*\((?P<agency>" + _AGENCY_ALTERNATION + r")\)"
    r"\s*(?:\.\s*-|--|[-–—:]|\.)\s*",
    re.IGNORECASE,
)
_CREDIT_LINES: Final = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # "AFP with additional input by GVS News Desk", "Reuters, with input from ..."
        r"^(?:\(|—\s*|-\s*|–\s*)?(?P<agency>" + _AGENCY_ALTERNATION + r")\)?"
        r"(?:,?\s+with (?:additional )?(?:input|inputs|reporting|contributions?) (?:by|from)\b.*)?\W*$",
        # "The Associated Press contributed to this report.", "AFP contributed reporting.",
        # "Associated Press writer Jane Doe contributed to this report."
        r"^(?P<agency>" + _AGENCY_ALTERNATION + r")(?:\s+(?:staff|writers?|reporters?|correspondents?)"
        r"(?:\s+[\w.'’-]+){0,4}?)?\s+contributed(?:\s+reporting)?(?:\s+to\s+this\s+(?:report|story|article))?\W*$",
        r"^(?:source|sources|credit|via|courtesy)\s*:\s*(?P<agency>" + _AGENCY_ALTERNATION + r")\W*$",
        r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<agency>" + _AGENCY_ALTERNATION + r")\b.{0,60}$",
        r"^(?:this (?:story|article) (?:has been|was) (?:published|sourced|auto-generated) from (?:an? )?"
        r"(?P<agency>" + _AGENCY_ALTERNATION + r")\b.{0,80})$",
        # Reuters signature: "(Reporting by A; Writing by B; Editing by C)"
        r"^\(?(?:(?:additional )?(?:reporting|writing|editing|compiled)(?: by)? .{1,120}?;\s*)+"
        r"editing by .{1,80}?\)?$",
    )
)
_REUTERS_SIGNATURE: Final = 5  # index of the pattern above that implies Reuters


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline prefix of a first paragraph."""

    text: str  # the prefix as printed, e.g. "Baghdad/Cairo, Jan 2 (efe-epa).-"
    place: str
    date_text: str | None  # "Jan 2", or None when the dateline has no date
    agency: str  # normalised


def normalise_agency(name: str) -> str | None:
    """'efe-epa' -> 'EFE', 'Agence France-Presse' -> 'AFP'; None if not an agency we know."""
    return _AGENCIES.get(name.strip().casefold())


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of a paragraph, if it carries an agency tag."""
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    agency = normalise_agency(match.group("agency"))
    if agency is None:
        return None
    return Dateline(
        text=match.group(0).rstrip(),
        place=match.group("place").strip(),
        date_text=match.group("date"),
        agency=agency,
    )


def credit_in_line(text: str) -> str | None:
    """The normalised agency of a whole-line wire credit, or None."""
    if len(text) > 200:
        return None
    for index, pattern in enumerate(_CREDIT_LINES):
        match = pattern.match(text)
        if match:
            if index == _REUTERS_SIGNATURE:
                return "Reuters"
            return normalise_agency(match.group("agency"))
    return None
