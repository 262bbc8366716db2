"""Line patterns that mark page furniture, each with the reason recorded for it.

The patterns are deliberately anchored to whole lines: a body sentence that merely
*mentions* comments or newsletters must never match. Every pattern here was written
from furniture seen in scraped news (the seed pile and the Article Extraction
Benchmark pages); none names a particular site.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "PAYWALL_REASONS",
    "furniture_reason",
    "is_photo_credit",
    "is_punctuation_only",
    "site_name",
]

_I = re.IGNORECASE

# (reason, pattern) in priority order; matched against the stripped line.
_LINE_PATTERNS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (reason, re.compile(pattern, _I))
    for reason, pattern in (
        ("read-more", r"^(read more|read also|also read|see also|more on this|recommended|"
                      r"related|related (articles?|stories|content|coverage|news|posts?)|"
                      r"more (stories|from|news)\b.*|you may also like|you might also like|"
                      r"most (read|popular|viewed)|trending( now)?|top stories|what to read next)"
                      r"\s*[:|»>]?\s*$"),
        ("read-more", r"^(read more|read also|also read|see also|related|watch|listen|recommended)"
                      r"\s*[:|»>\-–—]\s*\S.{0,200}$"),
        ("back-to-top", r"^(back to top( button)?|scroll to top|go to top|top of page)\W*$"),
        ("navigation", r"^(skip to (main )?content|skip to (main )?navigation|jump to (main )?(content|navigation))\W*$"),
        ("app-promotion", r"^(download|get|install) (the|our) ([\w&'’.-]+ ){0,6}apps?( (now|today|for free|here))?\W*$"),
        ("comments", r"^(\d+\s+)?(comments?|view comments|show comments|leave a (comment|reply)|"
                     r"post a comment|add a comment|comment on this (article|story)|"
                     r"join (our|the) (commenting forum|conversation|discussion)|"
                     r"join thought-provoking conversations\b.*|"
                     r"comments? (are|have been) (closed|disabled)\b.*|"
                     r"\d+ comments? so far\W*|comments?\s*\(\d+\))\s*$"),
        ("notifications", r"^(stay up to date with notifications from\b.*|"
                          r"notifications can be managed in browser preferences\W*|"
                          r"(turn on|enable|allow) (push )?notifications\b.*|"
                          r"get (breaking )?news alerts\b.*)$"),
        ("newsletter", r"^(sign up (for|to) (our|the)\b.{0,80}newsletters?\b.*|"
                       r"subscribe to (our|the)\b.{0,60}newsletters?\b.*|"
                       r"(get|receive) (our|the)\b.{0,60}newsletters?\b.*|"
                       r"newsletter sign[- ]?up\W*|"
                       r"(thank you|thanks) for (subscribing|signing up)\W*|"
                       r"enter your email( address)?\b.{0,40}|"
                       r".{0,80}\b(sign up|subscribe) (for|to) (our|the|its)\b.{0,40}\bnewsletters?\b.{0,40}|"
                       r".{0,60}\bstraight to your inbox\b.{0,40})$"),
        # "The Westmoor Gazette | Politics", "Home | World | Middle East": breadcrumbs.
        ("navigation", r"^[^.!?|\d]{1,40}(\s+[|›»>/]\s+[^.!?|\d]{1,40}){1,5}$"),
        ("sign-in", r"^(sign in|log ?in|sign up|register( now)?|create (a free |an )?account|"
                    r"already have an account\??|already a (subscriber|member)\??|"
                    r"(thank you|thanks) for registering|"
                    r"please refresh (the|your) (page|browser)\b.*|"
                    r"proceed to sign up|forgot( your)? password\??|"
                    r"you (are|have been) (now )?logged in\b.*)\W*$"),
        ("paywall", r"^(keep reading|continue reading|read the full (article|story)|click here to subscribe|"
                    r"register to (continue|read)\b.*|subscribe (now )?to (continue|read|unlock)\b.*|"
                    r"subscribe now|"
                    r"this (article|content|story) is (only )?(available|reserved) (to|for) "
                    r"(subscribers|members)\b.*|"
                    r"to (continue|keep) reading,? (please )?(subscribe|sign in|log in|register)\b.*|"
                    r"you have (reached|read) (your|\d+) (limit|free articles?)\b.*|"
                    r"unlock (this|full) (article|access)\b.*|"
                    r"(become|already) a subscriber\b.*)\W*$"),
        ("share", r"^(share( this( article| story)?)?( on)?|share via|tweet|email|print|"
                  r"facebook|twitter|whatsapp|linkedin|pinterest|reddit|copy link|"
                  r"follow us( on)?\b.{0,100}|"
                  r"share (this|the) (article|story|page)\s*[:|]\s*(facebook|twitter|whatsapp|email|linkedin|x)\b.{0,60}|"
                  r"(like|enjoyed|enjoy) (this|the) (story|article)\??.{0,20}share (it|this).{0,40})\W*$"),
        # A menu bar flattened to one line: "Menu Search Sign in".
        ("navigation", r"^((menu|search|sign in|log ?in|subscribe|home|register|my account|account|"
                       r"newsletters?|e-?paper|sections?|more)\W*){2,}$"),
        ("advertisement", r"^(advertisement|advertising|sponsored( content)?|"
                          r"story continues below( advertisement)?|"
                          r"article continues below( advertisement)?|ad|ads by \w+)\W*$"),
        ("cookies", r"^(we use cookies\b.*|this (web)?site uses cookies\b.*|accept( all)? cookies\W*|"
                    r"cookie (settings|policy|preferences)\W*)$"),
        # "© 2021 Example Media", "Copyright (c) 2019 X. All rights reserved." — a year right
        # after the sign, so "Copyright disputes began in 2020 ..." stays in the body.
        ("copyright", r"^(?:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)\b.{0,120}$"),
        ("copyright", r"^.{0,80}\ball rights reserved\W*$"),
    )
)

# Reasons whose presence means the page withheld (part of) the article.
PAYWALL_REASONS: Final[frozenset[str]] = frozenset({"paywall"})

_PHOTO_CREDIT: Final = re.compile(
    r"^\(?\s*(photo|image|picture|file photo|photograph|credit|photo credit|video)s?\s*:\s*[^()]{1,80}\)?$"
    r"|^\(\s*[^()]{1,80}(/|\bvia\b)\s*[^()]{0,60}(getty images|afp|reuters|ap|epa|shutterstock|"
    r"anadolu|xinhua|picture alliance|alamy|sipa)\b[^()]{0,40}\)$"
    r"|^\(\s*(getty images|afp|reuters|ap|epa|shutterstock|anadolu|xinhua)[^()]{0,40}\)$",
    _I,
)
_PUNCTUATION_ONLY: Final = re.compile(r"^[\W_]*$")
_SITE_NAME: Final = re.compile(r"^\|?\s*welcome to (?:the )?(?P<name>[A-Z0-9][\w&'’ .-]{1,60}?)\s*[!.|]*$", _I)


def furniture_reason(text: str) -> str | None:
    """The furniture reason of a whole (stripped) line, or None if it may be article text."""
    if len(text) > 300:  # furniture lines are short; long lines are prose or captions
        return None
    for reason, pattern in _LINE_PATTERNS:
        if pattern.match(text):
            return reason
    return None


def is_photo_credit(text: str) -> bool:
    """'(Photo: Reuters)', '(HAIDAR HAMDANI/AFP via Getty Images)', 'Credit: AP'."""
    return bool(_PHOTO_CREDIT.match(text))


def is_punctuation_only(text: str) -> bool:
    """Empty bullets, separators and the like: '•', '* * *', '|'."""
    return bool(_PUNCTUATION_ONLY.match(text))


def site_name(text: str) -> str | None:
    """The site named by a 'Welcome to X' line, or None."""
    match = _SITE_NAME.match(text)
    return match.group("name").strip() if match else None
