"""News agencies: their spellings, datelines that carry them, and wire credit lines.

A wire credit ("AFP with additional input by ...", "(Reuters)", "— AP") says whose
story a page republishes, which provenance needs to count independent sources. In order of
trust: whole credit lines, the tag of a dateline ("BAGHDAD (Reuters) -", or "(Reuters) -" alone
opening the body), a byline that is an agency ("By The Associated Press"), and last the prose:
an agency the text reports through ("a senior official told AFP", "according to Reuters", "the
Associated Press reported"), the way wire copy names its own agency and outlets cite it
(:func:`cited_agency`). A photo credit ("AFP/Getty Images") is none of these.

A dateline without an agency ("TORONTO — ", "CAMP MURRAY, Wash. -", "PARIS, Mo. —") is read
too when its place is printed in capitals and a dash follows: it places the story, credits no one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

__all__ = ["Dateline", "byline_agency", "cited_agency", "credit_in_line", "find_dateline", "normalise_agency",
           "sign_off_agency"]

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
    "saba": "SABA", "nz newswire": "NZ Newswire", "ruptly": "Ruptly", "bloomberg news": "Bloomberg",
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
    r"^(?P<place>(?:[A-Z][\w'’.\-]*(?:[ /][A-Z][\w'’.\-]*){0,4}(?:,\s*[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*)?)?)?)"
    r"(?:,?\s+(?P<date>" + _MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*\((?P<agency>" + _AGENCY_ALTERNATION + r")\)"
    r"\s*(?:\.\s*-|--|[-–—:]|\.)\s*",
    re.IGNORECASE,
)
# "TORONTO — ", "ALLENDALE, N.J. -- ", "ST. LOUIS – ", "KOLKATA, India – ", "PHNOM PENH, Aug. 30 - ": a
# place in capitals (its state or country after a comma as printed), a dash, then the first sentence.
_PLAIN_DATELINE: Final = re.compile(
    r"(?P<place>[A-Z][A-Z'’.\-]{2,}(?:[ /][A-Z][A-Z'’.\-]+){0,3}"
    r"(?:,\s*(?!" + _MONTH + r"\s+\d)[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*)?)?)"
    r"(?:,?\s+(?P<date>" + _MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:--|[-–—])\s+(?=[\"“'‘]?[A-Z0-9]|\Z)"
)
# Capitals before a dash that are a desk's or a label's, not a place: "BREAKING - ", "SOCCER - ".
_NOT_PLACES: Final = frozenset(
    "BREAKING UPDATE UPDATED EXCLUSIVE ANALYSIS OPINION EDITORIAL COMMENT WATCH LIVE VIDEO PHOTOS PHOTO REVIEW "
    "INTERVIEW FACTBOX INSIGHT CORRECTED CORRECTION REFILE URGENT FLASH ALERT PODCAST LISTEN READ EXPLAINER "
    "FEATURE SPONSORED ADVERTISEMENT PREVIEW RECAP WARNING NOTE EDITOR'S UPDATE: SOCCER FOOTBALL CRICKET TENNIS "
    "GOLF RUGBY BASEBALL BASKETBALL BOXING ATHLETICS CYCLING MOTOR RACING SKIING SWIMMING HOCKEY ROWING SAILING "
    "OLYMPICS SPORT SPORTS MARKETS BUSINESS POLITICS WORLD TECH HEALTH SCIENCE ENTERTAINMENT".split()
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
        r"(?:[\s,]+[\w.'’-]+){0,10}?)?\s+contributed(?:\s+reporting)?(?:\s+to\s+this\s+(?:report|story|article))?\W*$",
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
    agency: str | None  # normalised; None for a dateline that names no agency ("TORONTO — ")


def normalise_agency(name: str) -> str | None:
    """'efe-epa' -> 'EFE', 'Agence France-Presse' -> 'AFP'; None if not an agency we know."""
    return _AGENCIES.get(name.strip().casefold())


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of a paragraph: one with an agency tag, or a place in capitals and a dash."""
    match = _DATELINE.match(paragraph)
    agency = normalise_agency(match.group("agency")) if match else None
    if match is None or agency is None:
        return _plain_dateline(paragraph)
    return Dateline(
        text=match.group(0).rstrip(),
        place=match.group("place").strip(),
        date_text=match.group("date"),
        agency=agency,
    )


def _plain_dateline(paragraph: str) -> Dateline | None:
    match = _PLAIN_DATELINE.match(paragraph)
    if match is None or match.group("place").split(",")[0].split()[0].rstrip(":") in _NOT_PLACES:
        return None
    return Dateline(text=match.group(0).rstrip(), place=match.group("place").strip(), date_text=match.group("date"),
                    agency=None)


# Agencies as prose writes them (case kept: "AP" and "PA" are agencies only in capitals).
_PROSE_AGENCIES: Final = (
    "Agence France-Presse", "Agence France Presse", "AFP", "Thomson Reuters", "Reuters", "The Associated Press",
    "Associated Press", "AP", "EFE", "dpa", "DPA", "ANSA", "Xinhua", "Anadolu Agency", "Anadolu", "PTI", "IANS",
    "ANI", "Bernama", "Yonhap", "Kyodo", "TASS", "Tass", "RIA Novosti", "Interfax", "Europa Press", "UPI",
    "AAP", "Canadian Press", "The Canadian Press", "Press Association", "PA Media", "Sputnik", "IRNA", "WAM",
    "KUNA", "MENA", "QNA", "SPA", "SABA", "NZ Newswire", "Ruptly", "CNA", "Bloomberg News", "Bloomberg",
)
_PROSE_ALTERNATION: Final = "|".join(re.escape(a) for a in sorted(_PROSE_AGENCIES, key=len, reverse=True))
_PROSE_NAME: Final = re.compile(r"\b(?:" + _PROSE_ALTERNATION + r")\b")
_AGENCY_NAME: Final = r"(?:the\s+)?(?:(?i:state-run|state-owned|official|state|government-run)\s+)?"
# "told AFP", "According to Reuters", "said in an email to The Associated Press", "records obtained by the
# AP", "the Associated Press reported", "a Reuters tally", "an AP reporter", "state news agency IRNA said",
# "the Xinhua News Agency": reporting through the agency (the verbs in any case, the agency as written).
_CITED: Final = re.compile(
    r"(?i:\b(?:told|telling|tells|according\s+to|in\s+an?\s+(?:phone\s+|telephone\s+)?(?:interview|email|e-mail|"
    r"statement|message)\s+(?:with|to)|speaking\s+to|quoted\s+by|cited\s+by|confirmed\s+to|said\s+to|"
    r"obtained\s+by|reviewed\s+by|seen\s+by|provided\s+to))\s+" + _AGENCY_NAME
    + r"(?P<a>" + _PROSE_ALTERNATION + r")\b(?![-/]\w)"
    r"|\b" + _AGENCY_NAME + r"(?P<b>" + _PROSE_ALTERNATION + r")(?:\s+(?i:news\s+agency))?\s+(?i:reported|reports|"
    r"quoted|has\s+reported|had\s+reported|was\s+told)\b"
    r"|(?i:\b(?:an?|the)\s+(?:[a-z]+\s+){0,2})(?P<e>" + _PROSE_ALTERNATION + r")\s+(?i:journalist|reporter|"
    r"correspondent|tally|count|poll|survey|analysis|investigation|calculations|review)\b"
    r"|(?i:\bnews\s+agency),?\s+(?P<c>" + _PROSE_ALTERNATION + r")\b(?![-/]\w)"
    r"|\b(?P<d>" + _PROSE_ALTERNATION + r")\s+(?i:news\s+agency)\b"
)
# A sign-off at the very end of the text: "... to sneak into the US. PTI", "... the ministry said. — AFP".
_SIGN_OFF: Final = re.compile(r"[.!?\"”’)]\s*(?:[-–—]\s*)?\(?(?P<a>" + _PROSE_ALTERNATION + r")\)?\s*$")


# "AP Auto Writer", "Associated Press Writer", "Reuters correspondent": a byline naming the agency's staff.
_STAFF_BYLINE: Final = re.compile(r"^(?:by\s+)?(?:the\s+)?(?P<a>" + _PROSE_ALTERNATION + r")(?:\s+\w+)?\s+"
                                  r"(?i:writer|correspondent|reporter|staff|news)\b", re.IGNORECASE)


def byline_agency(name: str) -> str | None:
    """The agency a byline names: the agency itself ("By The Associated Press", "Reuters") or its staff
    ("AP Auto Writer"); None for a person."""
    plain = re.sub(r"^by\s+", "", name.strip(), flags=re.IGNORECASE)
    if (agency := normalise_agency(plain)) is not None:
        return agency
    match = _STAFF_BYLINE.match(plain)
    return normalise_agency(match.group("a")) if match else None


def sign_off_agency(text: str) -> str | None:
    """The agency whose tag closes ``text`` ("... into the US. PTI"), or None."""
    match = _SIGN_OFF.search(text[-80:])
    return normalise_agency(match.group("a")) if match else None


def cited_agency(text: str) -> str | None:
    """The agency the prose of ``text`` reports through most often ("told AFP" twice, "according to
    Reuters" once: AFP), or None when it names none; a photo credit ("AFP/Getty") is no citation."""
    if _PROSE_NAME.search(text) is None:
        return None  # most articles name no agency: skip the long pattern
    counts: dict[str, int] = {}
    for match in _CITED.finditer(text):
        name = match.group("a") or match.group("b") or match.group("c") or match.group("d") or match.group("e")
        agency = normalise_agency(name)
        if agency is not None:
            counts[agency] = counts.get(agency, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda a: counts[a])


# Agencies that sell pictures, not stories: "©EPA" under a photo credits the picture.
PHOTO_AGENCIES: Final = frozenset({"EPA"})


def credit_in_line(text: str) -> str | None:
    """The normalised agency of a whole-line wire credit, or None."""
    if len(text) > 200:
        return None
    for index, pattern in enumerate(_CREDIT_LINES):
        match = pattern.match(text)
        if match:
            if index == _REUTERS_SIGNATURE:
                return "Reuters"
            agency = normalise_agency(match.group("agency"))
            return None if agency in PHOTO_AGENCIES else agency
    return None
